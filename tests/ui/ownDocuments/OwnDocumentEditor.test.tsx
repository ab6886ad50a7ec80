// @vitest-environment jsdom
/**
 * The own-document editor on its page, over the real own-documents session: the fields and their
 * visible labels, a live preview through the reader's sanitising pipeline (hostile Markdown comes
 * out inert), Save (stored, a version kept, the address follows), what stops a save (inline and
 * in an alert, nothing stored), restoring a version with undo, delete with undo, and unsaved
 * changes: kept when the page is left or an earlier save undone, asked about before a restore
 * replaces them or the window unloads.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  OWN_DOCUMENTS_KEY,
  createOwnDocumentsStore,
} from '../../../renderer/src/core/ownDocuments/ownDocumentsStore';
import { OwnDocumentPage } from '../../../renderer/src/ui/ownDocuments/OwnDocumentPage';
import {
  discardDraft,
  draftOf,
  hasKeptDrafts,
  keptNewDocumentId,
} from '../../../renderer/src/ui/ownDocuments/ownDrafts';
import {
  accessibleName,
  click,
  getByRole,
  queryAllByRole,
  settle,
  typeInto,
  unmountAll,
} from '../support/dom';
import { TOPICS, content } from '../../unit/ownDocuments/sample';
import {
  ownTestHost,
  renderWithHost,
  serveBundledCatalog,
  sessionOf,
  storeAfter,
  type OwnTestHost,
  VOCABULARY,
} from './ownFixture';

beforeEach(() => {
  serveBundledCatalog();
  window.location.hash = '#/own/new';
});
afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
  // Drafts are kept for the window: each test starts without the last one's.
  const fresh = keptNewDocumentId();
  if (fresh !== null) discardDraft(fresh);
  discardDraft('doc-a');
});

async function openEditor(test: OwnTestHost = ownTestHost()) {
  await renderWithHost(test, <OwnDocumentPage />);
  return test;
}

const field = (name: string) => getByRole<HTMLInputElement>(document.body, 'textbox', { name });
const topicsGroup = () => getByRole(document.body, 'group', { name: 'Topics' });
const topicLabel = (index: number) => VOCABULARY.topics[TOPICS[index] as string] as string;
const preview = () => getByRole(document.body, 'region', { name: 'Preview' });

async function fillIn(values: { title?: string; summary?: string; body?: string; topic?: number }) {
  if (values.title !== undefined) await typeInto(field('Title'), values.title);
  if (values.summary !== undefined) await typeInto(field('Summary'), values.summary);
  if (values.body !== undefined) await typeInto(field('Body'), values.body);
  if (values.topic !== undefined)
    await click(getByRole(topicsGroup(), 'checkbox', { name: topicLabel(values.topic) }));
}

/** The own documents' stored documents (the member id kept beside them is not one). */
const ownDocumentsStored = (test: OwnTestHost) =>
  [...test.storage.documents.keys()].filter((key) => key.startsWith(OWN_DOCUMENTS_KEY));

const stored = async (test: OwnTestHost) =>
  (await createOwnDocumentsStore(test.storage).load()).data;

describe('the fields', () => {
  it('have the visible labels Title, Summary, Topics and Body', async () => {
    await openEditor();
    expect(getByRole(document.body, 'heading', { name: 'New document' }).tagName).toBe('H1');
    for (const name of ['Title', 'Summary', 'Body']) {
      const control = field(name);
      expect(control.labels?.[0]?.textContent).toBe(name);
    }
    expect(topicsGroup().querySelector('legend')?.textContent).toBe('Topics');
    expect(queryAllByRole(topicsGroup(), 'checkbox')).toHaveLength(
      Object.keys(VOCABULARY.topics).length,
    );
    expect(field('Body').tagName).toBe('TEXTAREA');
  });
});

describe('the preview', () => {
  it('shows the body as the reader renders it, as it is typed', async () => {
    await openEditor();
    await fillIn({ body: '## Our approach\n\nWe **publish** minutes.' });
    expect(preview().querySelector('h2:not(.own-preview__title)')?.textContent).toBe(
      'Our approach',
    );
    expect(preview().querySelector('strong')?.textContent).toBe('publish');
  });

  it('makes hostile Markdown inert', async () => {
    await openEditor();
    const hostile = [
      '<script>window.pwned = 1</script>',
      '<img src=x onerror="window.pwned = 1">',
      '[click](javascript:window.pwned=1)',
      '<a href="https://example.org" onclick="window.pwned=1">x</a>',
      '<iframe src="https://example.org"></iframe>',
      '[data](data:text/html;base64,PHNjcmlwdD4=)',
    ].join('\n\n');
    await fillIn({ body: hostile });
    const body = preview().querySelector('.own-preview__body') as HTMLElement;
    expect(body.querySelector('script, img, iframe, [onerror], [onclick]')).toBeNull();
    for (const link of body.querySelectorAll('a'))
      expect(link.getAttribute('href') ?? '').not.toMatch(/^(javascript|data):/i);
    // Raw HTML shows as the text it is.
    expect(body.textContent).toContain('<script>window.pwned = 1</script>');
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('saving', () => {
  it('stores the document with its first version and moves to its address', async () => {
    const test = await openEditor();
    await fillIn({
      title: 'Snow routes',
      summary: 'Where we plough first. And why.',
      body: 'Hills first.',
      topic: 0,
    });
    await click(getByRole(document.body, 'button', { name: 'Save' }));
    const session = await sessionOf(test.storage);
    await settle(session.whenSaved());
    const db = await stored(test);
    expect(db.documents).toHaveLength(1);
    const doc = db.documents[0];
    expect(doc).toMatchObject({
      title: 'Snow routes',
      summary: 'Where we plough first. And why.',
      body: 'Hills first.',
      topics: [TOPICS[0]],
      sources: [],
    });
    expect(doc?.versions).toHaveLength(1);
    expect(window.location.hash).toBe(`#/own/${doc?.id}`);
    expect(document.querySelector('.own-save')?.textContent).toBe('All changes saved');
  });

  it('shows what stops a save on each field and in an alert, and stores nothing', async () => {
    const test = await openEditor();
    await fillIn({ title: '  ' });
    await click(getByRole(document.body, 'button', { name: 'Save' }));
    const alert = queryAllByRole(document.body, 'alert').find((el) =>
      el.classList.contains('callout'),
    );
    expect(alert?.textContent).toContain('Title: Enter a title.');
    expect(alert?.textContent).toContain('Summary: Enter a summary of one or two sentences.');
    expect(alert?.textContent).toContain('Topics: Choose at least one topic.');
    expect(field('Title').getAttribute('aria-invalid')).toBe('true');
    expect(ownDocumentsStored(test)).toEqual([]);
  });

  it('applies the content rules: a level-one heading in the body is named with its line', async () => {
    const test = await openEditor();
    await fillIn({
      title: 'Snow',
      summary: 'Plough. Salt.',
      body: 'Intro.\n\n# Too big',
      topic: 0,
    });
    await click(getByRole(document.body, 'button', { name: 'Save' }));
    const alert = queryAllByRole(document.body, 'alert').find((el) =>
      el.classList.contains('callout'),
    );
    expect(alert?.textContent).toContain('Body: line 3: headings start at ##');
    expect(ownDocumentsStored(test)).toEqual([]);
  });

  it('refuses a body too large for a content pack, giving its size and the limit', async () => {
    const test = await openEditor();
    // 1.1 million characters, within what the store keeps, but 2.2 MB as UTF-8.
    await fillIn({ title: 'Long', summary: 'Very long. In French.', topic: 0 });
    await typeInto(field('Body'), 'é'.repeat(1_100_000));
    await click(getByRole(document.body, 'button', { name: 'Save' }));
    const alert = queryAllByRole(document.body, 'alert').find((el) =>
      el.classList.contains('callout'),
    );
    expect(alert?.textContent).toContain(
      'Body: The document is 2.1 MB; to be shared in a content pack it may be at most 2 MB. Shorten the body.',
    );
    expect(field('Body').getAttribute('aria-invalid')).toBe('true');
    expect(ownDocumentsStored(test)).toEqual([]);
  });
});

/** The editor of doc-a, saved twice (so one version to restore). */
async function editSaved() {
  const test = ownTestHost();
  const session = await storeAfter(test, [
    { id: 'doc-a', content: content(), at: '2026-11-02T15:00:00.000Z' },
    { id: 'doc-a', content: content({ title: 'Second' }), at: '2026-11-03T15:00:00.000Z' },
  ]);
  window.location.hash = '#/own/doc-a';
  await openEditor(test);
  return { test, session };
}

describe('versions, undo and delete', () => {
  it('lists the versions, restores one as a new save, and undoes that', async () => {
    const { session } = await editSaved();
    expect(field('Title').value).toBe('Second');
    const restore = queryAllByRole(document.body, 'button', { name: /^Restore the version saved/ });
    expect(restore).toHaveLength(1);
    await click(restore[0] as HTMLElement);
    expect(field('Title').value).toBe(content().title);
    expect(session.getSnapshot().db.documents[0]?.versions).toHaveLength(3);
    expect(document.querySelector('.own-undo')?.textContent).toMatch(
      /^Restored the version saved .+\. ?Undo ?Dismiss$/,
    );
    await click(getByRole(document.body, 'button', { name: 'Undo' }));
    expect(field('Title').value).toBe('Second');
    expect(session.getSnapshot().db.documents[0]?.versions).toHaveLength(2);
  });

  it('deletes after confirming, and undo puts the document back', async () => {
    const { session } = await editSaved();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    await click(getByRole(document.body, 'button', { name: 'Delete document' }));
    expect(confirm).toHaveBeenCalledWith('Delete “Second” and all its versions?');
    expect(session.getSnapshot().db.documents).toEqual([]);
    expect(queryAllByRole(document.body, 'textbox')).toEqual([]);
    await click(getByRole(document.body, 'button', { name: 'Undo' }));
    expect(field('Title').value).toBe('Second');
    expect(accessibleName(getByRole(document.body, 'heading', { name: 'Edit “Second”' }))).toBe(
      'Edit “Second”',
    );
  });
});

describe('unsaved changes', () => {
  const status = () => document.querySelector('.own-save')?.textContent;
  const button = (name: string) => getByRole(document.body, 'button', { name });

  /** Leaves the page (the router unmounts it) and comes back to it. */
  async function leaveAndReturn(test: OwnTestHost) {
    unmountAll();
    await openEditor(test);
  }

  it('keeps the draft when the page is left, brings it back, and can discard it with undo', async () => {
    const { test, session } = await editSaved();
    await typeInto(field('Title'), 'Draft title');
    expect(status()).toBe('You have unsaved changes.');
    await leaveAndReturn(test);
    expect(field('Title').value).toBe('Draft title');
    expect(status()).toBe(
      'You have unsaved changes from earlier, kept until you save or discard them.',
    );
    expect(session.getSnapshot().db.documents[0]?.title).toBe('Second');

    await click(button('Discard changes'));
    expect(field('Title').value).toBe('Second');
    expect(hasKeptDrafts()).toBe(false);
    expect(document.querySelector('.own-undo')?.textContent).toMatch(
      /^Discarded your unsaved changes\. ?Undo ?Dismiss$/,
    );
    await click(button('Undo'));
    expect(field('Title').value).toBe('Draft title');
    expect(hasKeptDrafts()).toBe(true);
  });

  it('ends the undo of "Discard changes" at the next edit, so the undo never replaces new typing', async () => {
    await editSaved();
    await typeInto(field('Title'), 'Draft title');
    await click(button('Discard changes'));
    expect(queryAllByRole(document.body, 'button', { name: 'Undo' })).toHaveLength(1);
    await typeInto(field('Summary'), 'Typed after discarding.');
    expect(queryAllByRole(document.body, 'button', { name: 'Undo' })).toEqual([]);
    expect(document.querySelector('.own-undo')?.textContent).toBe('');
    expect(field('Title').value).toBe('Second');
    expect(field('Summary').value).toBe('Typed after discarding.');
    expect(draftOf('doc-a')?.summary).toBe('Typed after discarding.');
    expect(status()).toBe('You have unsaved changes.');
  });

  it('takes up a new document left unsaved when "New document" opens again', async () => {
    const test = await openEditor();
    await typeInto(field('Title'), 'Half written');
    await leaveAndReturn(test);
    expect(field('Title').value).toBe('Half written');
    expect(ownDocumentsStored(test)).toEqual([]);
  });

  it('keeps what was typed when an earlier save is undone', async () => {
    const { session } = await editSaved();
    await typeInto(field('Title'), 'Third');
    await click(button('Save'));
    await typeInto(field('Summary'), 'Typed after saving.');
    await click(button('Undo'));
    expect(session.getSnapshot().db.documents[0]?.title).toBe('Second');
    expect(field('Title').value).toBe('Third');
    expect(field('Summary').value).toBe('Typed after saving.');
    expect(status()).toBe(
      'You have unsaved changes from earlier, kept until you save or discard them.',
    );
  });

  it('asks before a restore replaces unsaved changes', async () => {
    const { session } = await editSaved();
    await typeInto(field('Title'), 'Draft title');
    const restore = () =>
      click(getByRole(document.body, 'button', { name: /^Restore the version saved/ }));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    await restore();
    expect(confirm).toHaveBeenCalledWith(
      'Restore that version? Your unsaved changes will be lost.',
    );
    expect(field('Title').value).toBe('Draft title');
    expect(session.getSnapshot().db.documents[0]?.versions).toHaveLength(2);
    confirm.mockReturnValue(true);
    await restore();
    expect(field('Title').value).toBe(content().title);
    expect(hasKeptDrafts()).toBe(false);
  });

  it('asks before the window closes or reloads while a draft is kept, not after saving', async () => {
    await editSaved();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await typeInto(field('Title'), 'Draft title');
    expect(unload()).toBe(true);
    await click(button('Save'));
    expect(unload()).toBe(false);
  });
});
