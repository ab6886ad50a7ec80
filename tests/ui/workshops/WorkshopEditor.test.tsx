// @vitest-environment jsdom
/**
 * Focus in the workshop editor: after a block moves, focus follows the Move button the user
 * pressed, once. Typing elsewhere afterwards (every keystroke changes the workshop) must leave
 * focus in the field being typed in. The editor runs on a real workshops session over in-memory
 * storage.
 */
import { useSyncExternalStore } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserWorkshopId } from '../../../renderer/src/core/workshops/ids';
import { addBlock, createWorkshop } from '../../../renderer/src/core/workshops/workshopOperations';
import { WorkshopEditor } from '../../../renderer/src/ui/workshops/editor/WorkshopEditor';
import {
  workshopsSessionFor,
  type WorkshopsSession,
} from '../../../renderer/src/ui/workshops/workshopsSession';
import { BUNDLED_CATALOG } from '../library/libraryFixture';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import {
  click,
  getByRole,
  queryAllByRole,
  renderSettled,
  typeInto,
  unmountAll,
} from '../support/dom';

afterEach(unmountAll);

function Harness({
  session,
  workshopId,
}: {
  session: WorkshopsSession;
  workshopId: UserWorkshopId;
}) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const workshop = snapshot.db.workshops.find((w) => w.id === workshopId);
  return workshop ? (
    <WorkshopEditor
      workshop={workshop}
      session={session}
      catalog={BUNDLED_CATALOG}
      documents={new Map()}
    />
  ) : null;
}

describe('focus in the workshop editor', () => {
  it('keeps focus in the field being typed in after a block was moved', async () => {
    const session = await workshopsSessionFor(new MemoryStorage());
    let workshopId = '' as UserWorkshopId;
    session.apply((db) => {
      const created = createWorkshop(db, { title: 'Our council session' });
      workshopId = created.workshop.id;
      const first = addBlock(created.db, workshopId, { title: 'Welcome', minutes: 10 });
      return addBlock(first.db, workshopId, { title: 'Closing', minutes: 10 });
    }, 0);
    const { container } = await renderSettled(
      <Harness session={session} workshopId={workshopId} />,
    );
    const titles = () => session.getSnapshot().db.workshops[0]?.blocks.map((b) => b.title);

    const down = queryAllByRole<HTMLButtonElement>(container, 'button', { name: 'Move down' })[0];
    if (!down) throw new Error('no Move down button');
    await click(down);
    expect(titles()).toEqual(['Closing', 'Welcome']);
    // The moved block is now last: its Move down is disabled, so focus goes to its Move up.
    const movedUp = queryAllByRole<HTMLButtonElement>(container, 'button', { name: 'Move up' })[1];
    expect(document.activeElement).toBe(movedUp);

    const title = getByRole<HTMLInputElement>(container, 'textbox', { name: 'Title' });
    await typeInto(title, 'Our council session, revised');
    expect(session.getSnapshot().db.workshops[0]?.title).toBe('Our council session, revised');
    expect(document.activeElement).toBe(title);
  });
});
