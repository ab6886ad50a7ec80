// @vitest-environment jsdom
/**
 * A plan's or task's linked documents with content packs (issue 15): a pack's own local document
 * can be linked like a case study, and a link to a document whose pack was removed is kept and
 * says the document is no longer in the library.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocId } from '../../../renderer/src/core/content/ids';
import { DocLinks } from '../../../renderer/src/ui/planner/plan/DocLinks';
import { getByRole, renderSettled, settle, unmountAll } from '../support/dom';
import {
  fixtureCollection,
  installCollections,
  serveBundledLibrary,
} from '../library/libraryFixture';

beforeEach(() => {
  serveBundledLibrary();
  installCollections([fixtureCollection('pack', 'town-pack', 'Town pack', '1.0.0')]);
});
afterEach(unmountAll);

async function renderLinks(linked: DocId[]) {
  await renderSettled(
    <DocLinks linked={linked} onChange={() => undefined} label="Linked documents" />,
  );
  await settle(new Promise((resolve) => setTimeout(resolve, 10)));
}

describe('DocLinks with content packs', () => {
  it("offers a pack's local document in the picker", async () => {
    await renderLinks([]);
    const select = getByRole(document.body, 'combobox', { name: 'Link a document' });
    const options = [...select.querySelectorAll('option')].map((option) => option.textContent);
    expect(options).toContain('How our council publishes minutes');
  });

  it('keeps a link whose pack was removed and says so', async () => {
    const gone = 'old-pack--minutes' as DocId;
    await renderLinks([gone, 'town-pack--council-minutes-policy' as DocId]);
    expect(
      getByRole(document.body, 'link', { name: 'old-pack--minutes (removed from the library)' }),
    ).toBeTruthy();
    expect(
      getByRole(document.body, 'link', { name: 'How our council publishes minutes' }),
    ).toBeTruthy();
  });
});
