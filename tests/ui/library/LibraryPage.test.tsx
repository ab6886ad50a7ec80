// @vitest-environment jsdom
/**
 * The Library with collections (issue 15): a content pack's documents are listed with the bundled
 * ones, each card naming its pack; the user's own documents are in "Your documents", not among the
 * library's types; and the Library links to the Content packs page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveOwnDocument } from '../../../renderer/src/core/ownDocuments/operations';
import { LibraryPage } from '../../../renderer/src/ui/library/LibraryPage';
import { getByRole, queryAllByRole, renderSettled, settle, unmountAll } from '../support/dom';
import { content } from '../../unit/ownDocuments/sample';
import { WithHost, ownTestHost, sessionOf } from '../ownDocuments/ownFixture';
import { fixtureCollection, installCollections, serveBundledLibrary } from './libraryFixture';

beforeEach(() => {
  serveBundledLibrary();
  window.location.hash = '#/library';
});
afterEach(unmountAll);

/** The Library over a host with fresh storage ("Your documents" reads the own-documents store). */
async function renderLibrary(ownTitles: string[] = []) {
  const test = ownTestHost();
  const session = await sessionOf(test.storage);
  ownTitles.forEach((title, index) =>
    session.apply((db) =>
      saveOwnDocument(db, `doc-${index}`, content({ title }), new Date().toISOString()),
    ),
  );
  await session.whenSaved();
  await renderSettled(
    <WithHost host={test.host}>
      <LibraryPage />
    </WithHost>,
  );
  await settle(new Promise((resolve) => setTimeout(resolve, 10)));
}

const cardOf = (title: string) =>
  getByRole(document.body, 'link', { name: title }).closest('article');

describe('LibraryPage with content packs and own documents', () => {
  it('links to the Content packs page', async () => {
    installCollections([]);
    await renderLibrary();
    expect(getByRole(document.body, 'link', { name: 'Content packs' }).getAttribute('href')).toBe(
      '#/packs',
    );
  });

  it('lists a pack’s documents with the bundled ones, each saying which pack it is from', async () => {
    installCollections([fixtureCollection('pack', 'testville-notes', 'Testville notes', '1.2.0')]);
    await renderLibrary();
    const packCard = cardOf('Testville opens a portal');
    expect(packCard?.querySelector('a')?.getAttribute('href')).toBe(
      '#/doc/testville-notes--case-testville-portal',
    );
    expect(packCard?.textContent).toContain('From the content pack Testville notes');
    // A bundled document names no pack.
    expect(cardOf('Assess your readiness')?.textContent).not.toContain('From the content pack');
    expect(getByRole(document.body, 'status').textContent).toBe('4 documents');
  });

  it('lists own documents under "Your documents" only, and says when there are none', async () => {
    // The collection `own` is in the catalog (for search and the reader); the section lists the
    // own-documents store.
    installCollections([fixtureCollection('own', 'own', 'Your documents')]);
    await renderLibrary(['How our council publishes minutes']);
    const own = getByRole(document.body, 'region', { name: 'Your documents' });
    expect(own.querySelector('.your-documents__title')?.textContent).toBe(
      'How our council publishes minutes',
    );
    expect(own.textContent).not.toContain('From the content pack');
    // Not listed among the library's types, nor counted there.
    expect(queryAllByRole(document.body, 'link', { name: 'E-form' })).toHaveLength(0);
    expect(getByRole(document.body, 'status').textContent).toBe('1 document');

    unmountAll();
    installCollections([]);
    await renderLibrary();
    expect(getByRole(document.body, 'region', { name: 'Your documents' }).textContent).toContain(
      'You have not written any documents yet.',
    );
  });
});
