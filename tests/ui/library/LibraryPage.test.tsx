// @vitest-environment jsdom
/**
 * The Library with collections (issue 15): a content pack's documents are listed with the bundled
 * ones, each card naming its pack; the user's own documents are in "Your documents", not among the
 * library's types; and the Library links to the Content packs page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveOwnDocument } from '../../../renderer/src/core/ownDocuments/operations';
import { LibraryPage } from '../../../renderer/src/ui/library/LibraryPage';
import {
  accessibleName,
  click,
  getByRole,
  queryAllByRole,
  renderSettled,
  settle,
  unmountAll,
} from '../support/dom';
import { content } from '../../unit/ownDocuments/sample';
import { WithHost, ownTestHost, sessionOf } from '../ownDocuments/ownFixture';
import { fixtureCollection, installCollections, serveBundledLibrary } from './libraryFixture';

beforeEach(() => {
  serveBundledLibrary();
  window.location.hash = '#/library';
});
afterEach(unmountAll);

/**
 * Lets work a moment away reach the page: the library's collections loading, or the hash change
 * a checkbox made coming back as the page's new state.
 */
const settleMoment = () => settle(new Promise((resolve) => setTimeout(resolve, 10)));

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
  await settleMoment();
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

/** The Source filter group, if shown. */
const findSourceGroup = () =>
  queryAllByRole(document.body, 'group').find((group) => accessibleName(group) === 'Source');
const sourceGroup = () => getByRole(document.body, 'group', { name: 'Source' });

/** The names of a group's checkboxes (label and count) and whether each is ticked. */
const boxesOf = (group: HTMLElement) =>
  queryAllByRole<HTMLInputElement>(group, 'checkbox').map(
    (box) => `${accessibleName(box)}${box.checked ? ' [x]' : ''}`,
  );

describe('the Source filter', () => {
  const packs = () => [
    fixtureCollection('pack', 'testville-notes', 'Testville notes', '1.2.0'),
    fixtureCollection('pack', 'alpha-notes', 'Alpha notes', '0.1.0'),
    fixtureCollection('own', 'own', 'Your documents'),
  ];

  it('is not offered when the bundled library is the only source', async () => {
    installCollections([fixtureCollection('own', 'own', 'Your documents')]);
    await renderLibrary();
    // Own documents are listed in their section, not in the browsed list: nothing to choose.
    expect(getByRole(document.body, 'group', { name: 'Type' })).toBeTruthy();
    expect(findSourceGroup()).toBeUndefined();
  });

  it('offers the bundled library and each pack by title, with counts, and filters by them', async () => {
    installCollections(packs());
    await renderLibrary();
    const group = sourceGroup();
    expect(group.tagName).toBe('FIELDSET');
    expect(boxesOf(group)).toEqual([
      'OnMuni Toolkit library (1)',
      'Alpha notes (3)',
      'Testville notes (3)',
    ]);

    await click(getByRole(group, 'checkbox', { name: 'Testville notes (3)' }));
    await settleMoment();
    expect(window.location.hash).toBe('#/library?source=testville-notes');
    expect(getByRole(document.body, 'status').textContent).toBe(
      '3 of 7 documents match the filters',
    );
    expect(cardOf('Testville opens a portal')?.querySelector('a')?.getAttribute('href')).toBe(
      '#/doc/testville-notes--case-testville-portal',
    );
    expect(queryAllByRole(document.body, 'link', { name: 'Assess your readiness' })).toHaveLength(
      0,
    );
  });

  it('combines with the other filters and is read back from the URL', async () => {
    installCollections(packs());
    window.location.hash = '#/library?type=glossary&source=_bundled,alpha-notes';
    await renderLibrary();
    expect(getByRole(document.body, 'status').textContent).toBe(
      '1 of 7 documents match the filters',
    );
    expect(cardOf('E-form')?.querySelector('a')?.getAttribute('href')).toBe(
      '#/doc/alpha-notes--glossary-e-form',
    );
    // Counted with the type filter applied: the bundled library has no glossary term here, but
    // stays listed while it is ticked, so it can be unticked.
    expect(boxesOf(sourceGroup())).toEqual([
      'OnMuni Toolkit library (0) [x]',
      'Alpha notes (1) [x]',
      'Testville notes (1)',
    ]);

    await click(getByRole(sourceGroup(), 'checkbox', { name: 'OnMuni Toolkit library (0)' }));
    await settleMoment();
    expect(window.location.hash).toBe('#/library?type=glossary&source=alpha-notes');
  });
});
