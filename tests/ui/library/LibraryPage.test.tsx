// @vitest-environment jsdom
/**
 * The Library with collections (issue 15): a content pack's documents are listed with the bundled
 * ones, each card naming its pack; the user's own documents are in "Your documents", not among the
 * library's types; and the Library links to the Content packs page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryPage } from '../../../renderer/src/ui/library/LibraryPage';
import { getByRole, queryAllByRole, renderSettled, unmountAll } from '../support/dom';
import { fixtureCollection, installCollections, serveBundledLibrary } from './libraryFixture';

beforeEach(() => {
  serveBundledLibrary();
  window.location.hash = '#/library';
});
afterEach(unmountAll);

const cardOf = (title: string) =>
  getByRole(document.body, 'link', { name: title }).closest('article');

describe('LibraryPage with content packs and own documents', () => {
  it('links to the Content packs page', async () => {
    installCollections([]);
    await renderSettled(<LibraryPage />);
    expect(getByRole(document.body, 'link', { name: 'Content packs' }).getAttribute('href')).toBe(
      '#/packs',
    );
  });

  it('lists a pack’s documents with the bundled ones, each saying which pack it is from', async () => {
    installCollections([fixtureCollection('pack', 'testville-notes', 'Testville notes', '1.2.0')]);
    await renderSettled(<LibraryPage />);
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
    installCollections([fixtureCollection('own', 'own', 'Your documents')]);
    await renderSettled(<LibraryPage />);
    const own = getByRole(document.body, 'region', { name: 'Your documents' });
    const titles = queryAllByRole(own, 'link').map((link) => link.textContent);
    expect(titles).toEqual([
      'Testville opens a portal',
      'E-form',
      'How our council publishes minutes',
    ]);
    expect(own.textContent).not.toContain('From the content pack');
    // Not listed again among the library's types, nor counted there.
    expect(queryAllByRole(document.body, 'link', { name: 'E-form' })).toHaveLength(1);
    expect(getByRole(document.body, 'status').textContent).toBe('1 document');

    unmountAll();
    installCollections([]);
    await renderSettled(<LibraryPage />);
    expect(getByRole(document.body, 'region', { name: 'Your documents' }).textContent).toContain(
      'You have not written any documents yet.',
    );
  });
});
