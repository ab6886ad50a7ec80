/**
 * The own-documents store: the operations (save with versions, restore, delete, undo), the real
 * store over in-memory host storage (a round trip, a repaired load that keeps the original
 * aside) and the parse that never throws, including a document of a newer format.
 */
import { describe, expect, it } from 'vitest';
import { OwnDocumentError } from '../../../renderer/src/core/ownDocuments/errors';
import { migrateOwnDocumentsDocument } from '../../../renderer/src/core/ownDocuments/migrations';
import {
  deleteOwnDocument,
  findOwnDocument,
  newOwnDocumentId,
  restoreOwnVersion,
  saveOwnDocument,
  undoOwnChange,
  withVersion,
} from '../../../renderer/src/core/ownDocuments/operations';
import {
  OWN_DOCUMENTS_KEY,
  createOwnDocumentsStore,
} from '../../../renderer/src/core/ownDocuments/ownDocumentsStore';
import { parseOwnDocumentsDocument } from '../../../renderer/src/core/ownDocuments/parseOwnDocumentsDocument';
import {
  OWN_DOCUMENTS_SCHEMA_VERSION,
  OWN_LIMITS,
  emptyOwnDocumentsDatabase,
  type OwnDocumentsDatabase,
} from '../../../renderer/src/core/ownDocuments/schema';
import { LIBRARY_DOC_ID_PATTERN } from '../../../renderer/src/core/content/ids';
import { openStoreSession } from '../../../renderer/src/core/store/StoreSession';
import { INVALID_COPY_SUFFIX } from '../../../renderer/src/core/store/DocumentStorageAdapter';
import { wordError, wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { MemoryStorage } from '../store/MemoryStorage';
import { T0, T1, T2, content } from './sample';

const empty = emptyOwnDocumentsDatabase;

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OwnDocumentError);
    return wordError(error);
  }
  throw new Error('expected a refusal');
}

describe('own documents: operations', () => {
  it('gives new documents ids that address them in the library as own--<id>', () => {
    const id = newOwnDocumentId();
    expect(`own--${id}`).toMatch(LIBRARY_DOC_ID_PATTERN);
    expect(newOwnDocumentId()).not.toBe(id);
  });

  it('creates a document with its first version', () => {
    const { db, before, index } = saveOwnDocument(empty(), 'doc-a', content(), T0);
    expect(before).toBeNull();
    expect(index).toBe(0);
    const doc = findOwnDocument(db, 'doc-a');
    expect(doc).toMatchObject({ ...content(), created: T0, updated: T0 });
    expect(doc?.versions).toEqual([{ ...content(), saved: T0 }]);
  });

  it('adds a version on each save that changes something, and none when nothing changed', () => {
    let db = saveOwnDocument(empty(), 'doc-a', content(), T0).db;
    db = saveOwnDocument(db, 'doc-a', content({ title: 'Second title' }), T1).db;
    const same = saveOwnDocument(db, 'doc-a', content({ title: 'Second title' }), T2);
    expect(same.db).toBe(db);
    const doc = findOwnDocument(db, 'doc-a');
    expect(doc).toMatchObject({ title: 'Second title', created: T0, updated: T1 });
    expect(doc?.versions.map((v) => [v.title, v.saved])).toEqual([
      ['How Tinyville posts its minutes', T0],
      ['Second title', T1],
    ]);
  });

  it('keeps the last 50 versions', () => {
    let db = empty();
    for (let i = 0; i < OWN_LIMITS.versions + 5; i++)
      db = saveOwnDocument(db, 'doc-a', content({ title: `Title ${i}` }), T0).db;
    const versions = findOwnDocument(db, 'doc-a')?.versions ?? [];
    expect(versions).toHaveLength(OWN_LIMITS.versions);
    expect(versions[0]?.title).toBe('Title 5');
    expect(versions.at(-1)?.title).toBe(`Title ${OWN_LIMITS.versions + 4}`);
  });

  it('keeps the history within its size, the newest version always', () => {
    const big = (c: string) => ({ ...content({ body: c.repeat(400_000) }), saved: T0 });
    const versions = withVersion(withVersion(withVersion([], big('a')), big('b')), big('c'));
    expect(versions.map((v) => v.body[0])).toEqual(['b', 'c']);
    const huge = { ...content({ body: 'x'.repeat(OWN_LIMITS.historyCharacters + 1) }), saved: T0 };
    expect(withVersion(versions, huge)).toEqual([huge]);
  });

  it('restores an earlier version as a new save', () => {
    let db = saveOwnDocument(empty(), 'doc-a', content(), T0).db;
    db = saveOwnDocument(db, 'doc-a', content({ body: 'Rewritten.' }), T1).db;
    const restored = restoreOwnVersion(db, 'doc-a', 0, T2);
    const doc = findOwnDocument(restored.db, 'doc-a');
    expect(doc?.body).toBe(content().body);
    expect(doc?.versions.map((v) => v.saved)).toEqual([T0, T1, T2]);
    expect(restored.before?.body).toBe('Rewritten.');
  });

  it('deletes a document, and undo puts it back where it was', () => {
    let db = saveOwnDocument(empty(), 'doc-a', content(), T0).db;
    db = saveOwnDocument(db, 'doc-b', content({ title: 'B' }), T0).db;
    const deleted = deleteOwnDocument(db, 'doc-a');
    expect(deleted.db.documents.map((d) => d.id)).toEqual(['doc-b']);
    expect(undoOwnChange(deleted.db, deleted)).toEqual(db);
  });

  it('undoes a save (back to the content before) and a creation (the document goes)', () => {
    const created = saveOwnDocument(empty(), 'doc-a', content(), T0);
    expect(undoOwnChange(created.db, created).documents).toEqual([]);
    const edited = saveOwnDocument(created.db, 'doc-a', content({ title: 'New' }), T1);
    expect(undoOwnChange(edited.db, edited)).toEqual(created.db);
  });

  it('refuses what the store cannot keep, saying why, and leaves the data alone', () => {
    const db = saveOwnDocument(empty(), 'doc-a', content(), T0).db;
    expect(refusal(() => saveOwnDocument(db, 'doc-a', content({ title: '  ' }), T1))).toBe(
      'The document was not saved: title: must not be blank',
    );
    expect(refusal(() => deleteOwnDocument(db, 'doc-gone'))).toBe(
      'This document is no longer there; it may have been deleted in another window.',
    );
    expect(refusal(() => restoreOwnVersion(db, 'doc-a', 7, T1))).toBe(
      'That version is no longer kept.',
    );
    expect(findOwnDocument(db, 'doc-a')?.versions).toHaveLength(1);
  });
});

describe('own documents: the store', () => {
  it('saves through a session and reads the same documents back', async () => {
    const storage = new MemoryStorage();
    const session = await openStoreSession(createOwnDocumentsStore(storage));
    session.apply((db) => saveOwnDocument(db, 'doc-a', content(), T0));
    session.apply((db) => saveOwnDocument(db, 'doc-a', content({ summary: 'Shorter.' }), T1));
    await session.whenSaved();
    expect(session.getSnapshot().saveState).toEqual({ status: 'saved' });
    const loaded = await createOwnDocumentsStore(storage).load();
    expect(loaded.report).toEqual({ status: 'ok' });
    expect(loaded.data).toEqual(session.getSnapshot().db);
    expect(loaded.data.documents[0]?.versions).toHaveLength(2);
    // Stored as records: the whole-document key is only ever read, as the legacy backup.
    expect(storage.documents.has(OWN_DOCUMENTS_KEY)).toBe(false);
    expect(storage.documents.has(`${OWN_DOCUMENTS_KEY}-log-1`)).toBe(true);
  });

  it('starts empty when nothing is stored', async () => {
    const loaded = await createOwnDocumentsStore(new MemoryStorage()).load();
    expect(loaded).toEqual({ data: empty(), report: { status: 'missing' } });
  });

  it('keeps the valid documents of a damaged copy and the original aside', async () => {
    const storage = new MemoryStorage();
    const good = saveOwnDocument(empty(), 'doc-a', content(), T0).db.documents[0];
    const stored = {
      schemaVersion: 1,
      documents: [good, { ...good, id: 'Not An Id' }, good],
    };
    const text = JSON.stringify(stored);
    storage.documents.set(OWN_DOCUMENTS_KEY, text);
    const loaded = await createOwnDocumentsStore(storage).load();
    expect(loaded.data.documents).toEqual([good]);
    expect(loaded.report).toMatchObject({
      status: 'repaired',
      keptCopyAs: `${OWN_DOCUMENTS_KEY}${INVALID_COPY_SUFFIX}`,
    });
    expect(storage.documents.get(`${OWN_DOCUMENTS_KEY}${INVALID_COPY_SUFFIX}`)).toBe(text);
  });
});

describe('own documents: parse and migrations', () => {
  const valid = (): OwnDocumentsDatabase => saveOwnDocument(empty(), 'doc-a', content(), T0).db;

  it('reads the current format as it is', () => {
    expect(migrateOwnDocumentsDocument(valid())).toEqual({
      ok: true,
      doc: valid(),
      fromVersion: OWN_DOCUMENTS_SCHEMA_VERSION,
    });
    expect(parseOwnDocumentsDocument(JSON.parse(JSON.stringify(valid())))).toEqual({
      data: valid(),
      issues: [],
    });
  });

  it('never throws, whatever is stored, and says what it did', () => {
    for (const raw of [
      null,
      3,
      'text',
      [],
      {},
      { schemaVersion: 1 },
      { schemaVersion: 1, documents: 'x' },
    ]) {
      const parsed = parseOwnDocumentsDocument(raw);
      expect(parsed.data).toEqual(empty());
      expect(parsed.issues.length).toBeGreaterThan(0);
    }
    expect(wordProblems(parseOwnDocumentsDocument(null).issues, 'document')).toEqual([
      '(document): expected an object; started with none',
    ]);
  });

  it('drops a document that breaks the schema, naming the field', () => {
    const db = valid();
    const broken = { ...db, documents: [{ ...db.documents[0], versions: [] }] };
    const parsed = parseOwnDocumentsDocument(broken);
    expect(parsed.data.documents).toEqual([]);
    expect(wordProblems(parsed.issues, 'document')[0]).toMatch(
      /^documents\.0\.versions: .*; item dropped$/,
    );
  });

  it('refuses to misread a newer format: keeps what it can read, and says so', () => {
    const newer = { ...valid(), schemaVersion: OWN_DOCUMENTS_SCHEMA_VERSION + 1, extra: true };
    const parsed = parseOwnDocumentsDocument(newer);
    expect(parsed.data.documents).toEqual(valid().documents);
    expect(wordProblems(parsed.issues, 'document')).toEqual([
      `schemaVersion: made by a newer version of OnMuni Toolkit (own documents format ${OWN_DOCUMENTS_SCHEMA_VERSION + 1}; this version reads formats 1 to ${OWN_DOCUMENTS_SCHEMA_VERSION}). Update OnMuni Toolkit, then try again.; kept what this version understands`,
    ]);
  });

  it('keeps the first 2,000 documents of a copy that holds more, says so and keeps it aside', async () => {
    const good = valid().documents[0] as OwnDocumentsDatabase['documents'][number];
    const many = Array.from({ length: OWN_LIMITS.documents + 3 }, (_, i) => ({
      ...good,
      id: `doc-${i}`,
    }));
    const raw = { schemaVersion: OWN_DOCUMENTS_SCHEMA_VERSION, documents: many };
    const parsed = parseOwnDocumentsDocument(raw);
    expect(parsed.data.documents).toEqual(many.slice(0, OWN_LIMITS.documents));
    expect(wordProblems(parsed.issues, 'document')).toEqual([
      'documents: holds 2,003 documents, more than the 2,000 the toolkit keeps; kept the first 2,000',
    ]);

    const storage = new MemoryStorage();
    const text = JSON.stringify(raw);
    storage.documents.set(OWN_DOCUMENTS_KEY, text);
    const loaded = await createOwnDocumentsStore(storage).load();
    expect(loaded.data.documents).toHaveLength(OWN_LIMITS.documents);
    expect(loaded.report).toMatchObject({
      status: 'repaired',
      keptCopyAs: `${OWN_DOCUMENTS_KEY}${INVALID_COPY_SUFFIX}`,
    });
    expect(storage.documents.get(`${OWN_DOCUMENTS_KEY}${INVALID_COPY_SUFFIX}`)).toBe(text);
  });

  it('refuses a document without a version number', () => {
    const outcome = migrateOwnDocumentsDocument({ documents: [] });
    expect(outcome).toMatchObject({ ok: false, reason: 'unversioned' });
  });
});
