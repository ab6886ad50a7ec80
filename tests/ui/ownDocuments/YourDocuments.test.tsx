// @vitest-environment jsdom
/**
 * The Library's "Your documents" section over the real own-documents session: its heading and
 * "New document" button, the list with links to read and edit, and export as a content pack:
 * nothing selected is refused in an alert; selected documents become a pack the pack reader
 * accepts, their documents that pack's local-documents, saved through the host.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPack } from '../../../renderer/src/core/packs/readPack';
import { YourDocuments } from '../../../renderer/src/ui/ownDocuments/YourDocuments';
import { discardDraft, keepDraft } from '../../../renderer/src/ui/ownDocuments/ownDrafts';
import { click, getByRole, queryAllByRole, typeInto, unmountAll } from '../support/dom';
import { BUNDLED_ID, content } from '../../unit/ownDocuments/sample';
import {
  afterTimers,
  ownTestHost,
  renderWithHost,
  serveBundledCatalog,
  storeAfter,
  VOCABULARY,
} from './ownFixture';

beforeEach(() => {
  serveBundledCatalog();
  window.location.hash = '#/library';
});
afterEach(unmountAll);

async function showSection(titles: string[]) {
  const test = ownTestHost();
  await storeAfter(
    test,
    titles.map((title, index) => ({
      id: `doc-${index}`,
      content: content({ title }),
      at: '2026-11-02T15:00:00.000Z',
    })),
  );
  await renderWithHost(test, <YourDocuments />);
  return test;
}

describe('Your documents', () => {
  it('has its heading and a "New document" button that opens the editor', async () => {
    await showSection([]);
    expect(getByRole(document.body, 'heading', { name: 'Your documents' }).tagName).toBe('H2');
    expect(document.body.textContent).toContain('You have not written any documents yet.');
    await click(getByRole(document.body, 'button', { name: 'New document' }));
    expect(window.location.hash).toBe('#/own/new');
  });

  it('lists the documents by title with links to read and edit each', async () => {
    await showSection(['Snow routes', 'Agenda practice']);
    const items = queryAllByRole(getByRole(document.body, 'list'), 'listitem');
    expect(items.map((item) => item.querySelector('.your-documents__title')?.textContent)).toEqual([
      'Agenda practice',
      'Snow routes',
    ]);
    expect(
      getByRole<HTMLAnchorElement>(document.body, 'link', {
        name: 'Read “Snow routes”',
      }).getAttribute('href'),
    ).toBe('#/doc/own--doc-0');
    expect(
      getByRole<HTMLAnchorElement>(document.body, 'link', {
        name: 'Edit “Snow routes”',
      }).getAttribute('href'),
    ).toBe('#/own/doc-0');
  });

  it('marks a document whose editor was left with unsaved changes', async () => {
    keepDraft('doc-1', content({ title: 'Agenda practice, revised' }), false);
    try {
      await showSection(['Snow routes', 'Agenda practice']);
      const row = (title: string) =>
        getByRole(document.body, 'checkbox', { name: `Select “${title}”` }).closest('li');
      expect(row('Agenda practice')?.textContent).toContain('Unsaved changes');
      expect(row('Snow routes')?.textContent).not.toContain('Unsaved changes');
    } finally {
      discardDraft('doc-1');
    }
  });

  it('refuses to export nothing, saying so in an alert', async () => {
    const test = await showSection(['Snow routes']);
    await click(getByRole(document.body, 'button', { name: 'Export as content pack' }));
    expect(getByRole(document.body, 'alert').textContent).toBe(
      'Select at least one document to export.',
    );
    expect(test.saved).toEqual([]);
  });

  it('exports the selected documents as a pack that imports as that pack’s local-documents', async () => {
    const test = await showSection(['Snow routes', 'Agenda practice', 'Not this one']);
    await click(getByRole(document.body, 'checkbox', { name: 'Select “Snow routes”' }));
    await click(getByRole(document.body, 'checkbox', { name: 'Select “Agenda practice”' }));
    await click(getByRole(document.body, 'button', { name: 'Export as content pack' }));
    const form = getByRole(document.body, 'region', { name: 'Export as content pack' });
    expect(getByRole<HTMLInputElement>(form, 'textbox', { name: 'Pack title' }).value).toBe(
      'Our documents',
    );
    expect(getByRole<HTMLInputElement>(form, 'textbox', { name: 'Pack id' }).value).toBe(
      'our-documents',
    );
    expect(getByRole<HTMLInputElement>(form, 'textbox', { name: 'Version' }).value).toBe('1.0.0');
    await typeInto(getByRole(form, 'textbox', { name: 'Pack title' }), 'Tinyville notes');
    expect(getByRole<HTMLInputElement>(form, 'textbox', { name: 'Pack id' }).value).toBe(
      'tinyville-notes',
    );

    // No publisher: the writer's refusal is listed, nothing is saved.
    await click(getByRole(form, 'button', { name: 'Save pack' }));
    await afterTimers(50);
    expect(getByRole(form, 'alert').textContent).toContain('publisher');
    expect(test.saved).toEqual([]);

    await typeInto(getByRole(form, 'textbox', { name: 'Publisher' }), 'Township of Tinyville');
    await click(getByRole(form, 'button', { name: 'Save pack' }));
    await afterTimers(50);
    expect(test.saved).toHaveLength(1);
    const file = test.saved[0];
    expect(file).toMatchObject({
      suggestedName: 'tinyville-notes-1.0.0.onmunipack',
      mimeType: 'application/zip',
      extensions: ['onmunipack'],
    });
    expect(getByRole(form, 'status').textContent).toBe('Pack saved to Downloads.');
    const read = await readPack(file?.contents as Uint8Array, {
      vocabulary: VOCABULARY,
      bundledIds: new Set([BUNDLED_ID]),
    });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.pack.manifest).toMatchObject({
      id: 'tinyville-notes',
      title: 'Tinyville notes',
      publisher: 'Township of Tinyville',
      version: '1.0.0',
    });
    expect(read.pack.documents.map((doc) => [doc.id, doc.type, doc.title])).toEqual([
      ['tinyville-notes--doc-0', 'local-document', 'Snow routes'],
      ['tinyville-notes--doc-1', 'local-document', 'Agenda practice'],
    ]);
  });
});
