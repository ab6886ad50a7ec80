// @vitest-environment jsdom
/**
 * "Share with team" on an own document (the same component serves a workshop session), over the
 * real browser host, team session and own-documents session in memory: hidden until a team
 * folder is joined, shown then; on a document a teammate shared it says who, and stops sharing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  saveOwnDocument,
  setOwnDocumentShared,
} from '../../../renderer/src/core/ownDocuments/operations';
import type { FolderAccess } from '../../../renderer/src/core/team/folderAccess';
import type { MemberId } from '../../../renderer/src/core/team/hlc';
import type { TeamFolderHost } from '../../../renderer/src/core/team/teamFolderHost';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import type { Host } from '../../../renderer/src/host/Host';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import {
  ownDocumentsSessionFor,
  type OwnDocumentsSession,
} from '../../../renderer/src/ui/ownDocuments/ownDocumentsSession';
import { ShareOwnDocument } from '../../../renderer/src/ui/ownDocuments/ShareOwnDocument';
import { teamSessionFor } from '../../../renderer/src/ui/team/openTeamSession';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import { content, T0 } from '../../unit/ownDocuments/sample';
import {
  accessibleDescription,
  click,
  getByRole,
  queryAllByRole,
  renderSettled,
  unmountAll,
} from '../support/dom';

afterEach(unmountAll);

const TEAMMATE = 'bbbbbbbbbbbbbbbb' as MemberId;

/** An empty folder that takes writes and forgets them: enough to join. */
const emptyFolder: FolderAccess = {
  list: () => Promise.resolve([]),
  read: () => Promise.resolve({ status: 'missing' }),
  writeAtomic: () => Promise.resolve(),
  remove: () => Promise.resolve(),
};

function hostWith(teamFolder: TeamFolderHost): Host {
  return { ...createBrowserHost(window), storage: new MemoryStorage(), teamFolder };
}

const joinable: TeamFolderHost = {
  available: true,
  choose: () => Promise.resolve({ folder: emptyFolder, name: 'Task force' }),
  restore: () => Promise.resolve(null),
  forget: () => Promise.resolve(),
};

async function renderDocument(host: Host, session: OwnDocumentsSession): Promise<HTMLElement> {
  const doc = session.getSnapshot().db.documents[0];
  if (!doc) throw new Error('no document');
  const { container } = await renderSettled(
    <HostContext.Provider value={host}>
      <ShareOwnDocument doc={doc} session={session} />
    </HostContext.Provider>,
  );
  // The team session opens the record stores first: let that finish.
  await renderSettled(null);
  return container;
}

async function withDocument(host: Host, shared: MemberId | null) {
  const session = await ownDocumentsSessionFor(host.storage);
  session.apply((db) => {
    const next = saveOwnDocument(db, 'doc-a', content(), T0).db;
    return shared ? setOwnDocumentShared(next, 'doc-a', true, shared) : next;
  });
  await session.whenSaved();
  return session;
}

describe('Share with team on an own document', () => {
  it('is hidden before a team folder is joined, and shares the document once joined', async () => {
    const host = hostWith(joinable);
    const session = await withDocument(host, null);
    const team = await teamSessionFor(host);
    let container = await renderDocument(host, session);
    expect(team.getSnapshot().status).toBe('off');
    expect(queryAllByRole(container, 'checkbox')).toEqual([]);

    team.start('Alice');
    await team.join();
    unmountAll();
    container = await renderDocument(host, session);
    const box = getByRole<HTMLInputElement>(container, 'checkbox', { name: 'Share with team' });
    expect(box.checked).toBe(false);
    await click(box);
    expect(session.getSnapshot().db.documents[0]).toMatchObject({
      shared: true,
      sharedBy: team.me,
    });
    team.dispose();
  });

  it('says who shared a teammate’s document, and stops sharing it here', async () => {
    const host = hostWith({ ...joinable, available: { unavailableReason: 'noFileSystemAccess' } });
    const session = await withDocument(host, TEAMMATE);
    const container = await renderDocument(host, session);
    const box = getByRole<HTMLInputElement>(container, 'checkbox', { name: 'Share with team' });
    expect(box.checked).toBe(true);
    expect(accessibleDescription(box)).toContain('Shared by');
    await click(box);
    expect(session.getSnapshot().db.documents[0]).toMatchObject({
      shared: false,
      sharedBy: TEAMMATE,
    });
  });
});
