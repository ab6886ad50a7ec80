// @vitest-environment jsdom
/**
 * The own-document editor on its page, over the real own-documents session: the fields and their
 * visible labels, a live preview through the reader's sanitising pipeline (hostile Markdown comes
 * out inert), Save (stored, a version kept, the address follows), what stops a save (inline and
 * in an alert, nothing stored), restoring a version with undo, and delete with undo.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOwnDocumentsStore } from '../../../renderer/src/core/ownDocuments/ownDocumentsStore';
import { saveOwnDocument } from '../../../renderer/src/core/ownDocuments/operations';
import { OwnDocumentPage } from '../../../renderer/src/ui/ownDocuments/OwnDocumentPage';
import {
  accessibleName,
  click,
  getByRole,
  queryAllByRole,
  renderSettled,
  settle,
  typeInto,
  unmountAll,
} from '../support/dom';
import { TOPICS, content } from '../../unit/ownDocuments/sample';
import {
  WithHost,
  ownTestHost,
  serveBundledCatalog,
  sessionOf,
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
});

async function openEditor(test: OwnTestHost = ownTestHost()) {
  await renderSettled(
    <WithHost host={test.host}>
      <OwnDocumentPage />
    </WithHost>,
  );
  // The session and the bundled catalog load on their own ticks.
  await settle(new Promise((resolve) => setTimeout(resolve, 10)));
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
    expect(test.storage.documents.size).toBe(0);
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
    expect(test.storage.documents.size).toBe(0);
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
    expect(test.storage.documents.size).toBe(0);
  });
});

describe('versions, undo and delete', () => {
  async function editSaved() {
    const test = ownTestHost();
    const session = await sessionOf(test.storage);
    session.apply((db) => saveOwnDocument(db, 'doc-a', content(), '2026-11-02T15:00:00.000Z'));
    session.apply((db) =>
      saveOwnDocument(db, 'doc-a', content({ title: 'Second' }), '2026-11-03T15:00:00.000Z'),
    );
    await session.whenSaved();
    window.location.hash = '#/own/doc-a';
    await openEditor(test);
    return { test, session };
  }

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
