import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkshopCheck } from '../../../electron/main/knownWorkshops';
import type { DocId } from '../../../renderer/src/core/content/ids';
import {
  deleteOwnDocument,
  saveOwnDocument,
  setOwnDocumentShared,
} from '../../../renderer/src/core/ownDocuments/operations';
import {
  OWN_DOCUMENTS_KEY,
  createOwnDocumentsStore,
} from '../../../renderer/src/core/ownDocuments/ownDocumentsStore';
import {
  emptyOwnDocumentsDatabase,
  type OwnDocumentsDatabase,
} from '../../../renderer/src/core/ownDocuments/schema';
import { HybridClock, type MemberId } from '../../../renderer/src/core/team/hlc';
import { withoutLocalFields } from '../../../renderer/src/core/team/itemRecords';
import {
  DOCUMENT_LOCAL_FIELDS,
  materializeOwnDocuments,
  ownDocumentWrites,
} from '../../../renderer/src/core/team/ownDocumentRecords';
import { ownChanges } from '../../../renderer/src/core/team/ownChanges';
import { sharedItemScope } from '../../../renderer/src/core/team/itemRecords';
import { RecordSet, stampWrites, type Change } from '../../../renderer/src/core/team/records';
import {
  materializeWorkshops,
  workshopShareScope,
  workshopWrites,
} from '../../../renderer/src/core/team/workshopRecords';
import type { SessionId, UserWorkshopId } from '../../../renderer/src/core/workshops/ids';
import {
  addStickyNote,
  deleteSession,
  setSessionShared,
  startSession,
} from '../../../renderer/src/core/workshops/sessionOperations';
import {
  emptyWorkshopsDatabase,
  type WorkshopsDatabase,
} from '../../../renderer/src/core/workshops/schema';
import { addBlock, createWorkshop } from '../../../renderer/src/core/workshops/workshopOperations';
import {
  WORKSHOPS_KEY,
  createWorkshopsStore,
} from '../../../renderer/src/core/workshops/workshopsStore';
import { MemoryStorage } from '../store/MemoryStorage';
import { T0, T1, T2, content } from '../ownDocuments/sample';

const ME = 'aaaaaaaaaaaaaaaa' as MemberId;
const TEAMMATE = 'bbbbbbbbbbbbbbbb' as MemberId;
const BUNDLED = 'workshop-council-digital-awareness' as DocId;

/** Records holding `db`, as a store would after saving it over an empty one. */
function recordsOf<T>(writes: (prev: T, next: T) => ReturnType<typeof workshopWrites>) {
  return (empty: T, db: T, clock = mine) => {
    const records = new RecordSet();
    records.apply(stampWrites(writes(empty, db), clock));
    return records;
  };
}
const workshopRecords = recordsOf(workshopWrites);
const documentRecords = recordsOf(ownDocumentWrites);

/**
 * A user workshop with a block, a session of it with a note, a session of a bundled workshop,
 * and another user workshop no session ran: built by the real operations.
 */
function workshops(): { db: WorkshopsDatabase; own: SessionId; bundled: SessionId } {
  // A minute between steps: lists are ordered by when things were made, as they were added.
  let minute = 0;
  const tick = () => vi.setSystemTime(Date.UTC(2026, 10, 26, 14, (minute += 1)));
  tick();
  let { db } = createWorkshop(
    emptyWorkshopsDatabase(),
    { title: 'Our kickoff' },
    'w-ours' as UserWorkshopId,
  );
  db = addBlock(db, 'w-ours' as UserWorkshopId, { title: 'Welcome', minutes: 10 }).db;
  tick();
  db = createWorkshop(db, { title: 'Not run yet' }, 'w-other' as UserWorkshopId).db;
  tick();
  const ran = startSession(db, { kind: 'user', id: 'w-ours' as UserWorkshopId }, 'Our kickoff');
  db = addStickyNote(ran.db, ran.session.id, 'Start with permits', 0).db;
  tick();
  const bundled = startSession(db, { kind: 'bundled', docId: BUNDLED }, 'Council awareness');
  return { db: bundled.db, own: ran.session.id, bundled: bundled.session.id };
}

/** This member's clock: one for every change of a test, as on a machine. */
let mine: HybridClock;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  mine = new HybridClock(ME);
});
afterEach(() => vi.useRealTimers());

describe('workshop records', () => {
  it('materialize what the writes made: workshops and sessions, nothing lost', () => {
    const { db } = workshops();
    const records = workshopRecords(emptyWorkshopsDatabase(), db);
    expect(records.ofKind('workshop')).toHaveLength(2);
    expect(records.ofKind('capture')).toHaveLength(2);
    expect(materializeWorkshops(records).db).toEqual(db);
  });

  it('write only the session that changed, and a deleted one is gone everywhere', () => {
    const { db, own, bundled } = workshops();
    const next = addStickyNote(db, bundled, 'Budget first', null).db;
    const writes = workshopWrites(db, next);
    expect(writes.map((w) => [w.kind, w.id, Object.keys(w.set)])).toEqual([
      ['capture', bundled, ['value']],
    ]);
    const gone = deleteSession(next, own);
    expect(workshopWrites(next, gone)).toEqual([
      { kind: 'capture', id: own, set: { $deleted: true } },
    ]);
    const records = workshopRecords(emptyWorkshopsDatabase(), next);
    records.apply(stampWrites(workshopWrites(next, gone), mine));
    expect(materializeWorkshops(records).db).toEqual(gone);
  });

  it('share a session only once chosen, with the user workshop it ran, never the others', () => {
    const { db, own, bundled } = workshops();
    const records = workshopRecords(emptyWorkshopsDatabase(), db);
    expect(ownChanges(records.all(), ME, workshopShareScope(records))).toEqual([]);

    const shared = setSessionShared(db, own, true, ME);
    expect(shared.sessions.find((s) => s.id === own)).toMatchObject({ shared: true, sharedBy: ME });
    records.apply(stampWrites(workshopWrites(db, shared), mine));
    const published = ownChanges(records.all(), ME, workshopShareScope(records));
    expect(published.map((c) => `${c.kind}/${c.id}`).sort()).toEqual([
      `capture/${own}`,
      'workshop/w-ours',
    ]);
    expect(published.some((c) => c.id === bundled || c.id === 'w-other')).toBe(false);

    // A teammate who reads only what was published sees the session under its workshop.
    const theirs = new RecordSet();
    theirs.apply(published);
    const seen = materializeWorkshops(theirs).db;
    expect(seen.workshops.map((w) => w.id)).toEqual(['w-ours']);
    expect(seen.sessions).toEqual([shared.sessions.find((s) => s.id === own)]);

    // Withdrawn: the record stays in scope, so teammates learn it is no longer shared.
    const withdrawn = setSessionShared(shared, own, false, ME);
    records.apply(stampWrites(workshopWrites(shared, withdrawn), mine));
    const after = ownChanges(records.all(), ME, workshopShareScope(records));
    expect(after.find((c) => c.id === own)?.set.value).toMatchObject({
      shared: false,
      sharedBy: ME,
    });
  });

  it('leave out an invalid record with a notice, never a crash', () => {
    const records = new RecordSet();
    const clock = new HybridClock(TEAMMATE);
    records.apply([
      { kind: 'capture', id: 'session-x', at: clock.tick(), set: { value: { id: 'session-x' } } },
    ]);
    const { db, notices } = materializeWorkshops(records);
    expect(db.sessions).toEqual([]);
    expect(notices).toEqual([
      { code: 'recordSkipped', kind: 'capture', recordId: 'session-x', field: 'value' },
    ]);
  });
});

describe('own document records', () => {
  const saved = (): OwnDocumentsDatabase => {
    let db = saveOwnDocument(emptyOwnDocumentsDatabase(), 'doc-a', content(), T0).db;
    db = saveOwnDocument(db, 'doc-a', content({ summary: 'Shorter.' }), T1).db;
    return saveOwnDocument(db, 'doc-b', content({ title: 'Private draft' }), T1).db;
  };

  it('materialize what the writes made, versions included', () => {
    const db = saved();
    const records = documentRecords(emptyOwnDocumentsDatabase(), db);
    expect(materializeOwnDocuments(records).db).toEqual(db);
    expect(materializeOwnDocuments(records).db.documents[0]?.versions).toHaveLength(2);
  });

  it('publish a shared document without its versions, and never an unshared one', () => {
    const db = saved();
    const records = documentRecords(emptyOwnDocumentsDatabase(), db);
    const scope = sharedItemScope(['document']);
    expect(ownChanges(records.all(), ME, scope)).toEqual([]);

    const shared = setOwnDocumentShared(db, 'doc-a', true, ME);
    records.apply(stampWrites(ownDocumentWrites(db, shared), mine));
    const published = withoutLocalFields(ownChanges(records.all(), ME, scope), {
      document: DOCUMENT_LOCAL_FIELDS,
    });
    expect(published.map((c) => c.id)).toEqual(['doc-a']);
    expect(published.every((c) => !('versions' in c.set))).toBe(true);

    // The teammate's copy: the document as it is, its history starting there.
    const theirs = new RecordSet();
    theirs.apply(published);
    const doc = materializeOwnDocuments(theirs).db.documents[0];
    const original = shared.documents[0];
    expect(doc).toEqual({ ...original, versions: original?.versions.slice(-1) });
  });

  it("add a teammate's edit to the local versions; the later edit wins, whole", () => {
    const db = setOwnDocumentShared(saved(), 'doc-a', true, ME);
    const records = documentRecords(emptyOwnDocumentsDatabase(), db);
    // The teammate saves over it, later; their change carries no versions.
    const theirs = saveOwnDocument(db, 'doc-a', content({ title: 'Their title' }), T2).db;
    const clock = new HybridClock(TEAMMATE);
    clock.observe(mine.tick());
    const change = stampWrites(ownDocumentWrites(db, theirs), clock).map((c): Change => ({
      ...c,
      set: { value: c.set.value ?? null },
    }));
    records.apply(change);
    const merged = materializeOwnDocuments(records).db.documents.find((d) => d.id === 'doc-a');
    expect(merged?.title).toBe('Their title');
    expect(merged?.versions.map((v) => v.title)).toEqual([
      'How Tinyville posts its minutes',
      'How Tinyville posts its minutes',
      'Their title',
    ]);
    expect(merged?.versions.at(-1)?.saved).toBe(T2);
  });

  it('a deleted shared document is deleted for the team too', () => {
    const db = setOwnDocumentShared(saved(), 'doc-a', true, ME);
    const records = documentRecords(emptyOwnDocumentsDatabase(), db);
    const gone = deleteOwnDocument(db, 'doc-a').db;
    records.apply(stampWrites(ownDocumentWrites(db, gone), mine));
    const published = ownChanges(records.all(), ME, sharedItemScope(['document']));
    const theirs = new RecordSet();
    theirs.apply(published);
    expect(materializeOwnDocuments(theirs).db.documents).toEqual([]);
    expect(materializeOwnDocuments(records).db).toEqual(gone);
  });
  it('a withdrawn document travels only from the member who withdrew it', () => {
    const shared = setOwnDocumentShared(saved(), 'doc-a', true, ME);
    const withdrawn = setOwnDocumentShared(shared, 'doc-a', false, ME);
    // The teammate had it while shared and took the withdrawal in: the same records.
    const records = documentRecords(emptyOwnDocumentsDatabase(), shared);
    records.apply(stampWrites(ownDocumentWrites(shared, withdrawn), mine));
    // Then the teammate deletes their (now private) copy.
    const clock = new HybridClock(TEAMMATE);
    clock.observe(mine.tick());
    const gone = deleteOwnDocument(withdrawn, 'doc-a').db;
    records.apply(stampWrites(ownDocumentWrites(withdrawn, gone), clock));

    // The deletion stays on the teammate's computer; the withdrawal still travels from mine.
    expect(ownChanges(records.all(), TEAMMATE, sharedItemScope(['document'], TEAMMATE))).toEqual(
      [],
    );
    const mineOut = ownChanges(records.all(), ME, sharedItemScope(['document'], ME));
    expect(mineOut.map((c) => c.set.value)).toContainEqual(
      expect.objectContaining({ shared: false, sharedBy: ME }),
    );
    // Without a member (the old rule), the teammate's deletion would reach the owner.
    expect(ownChanges(records.all(), TEAMMATE, sharedItemScope(['document']))).toHaveLength(1);
  });
});

describe('moving the whole documents into records', () => {
  it('keeps every workshop and session of a version 1 document, which stays as the backup', async () => {
    const { db } = workshops();
    // As the toolkit wrote it before sharing existed: format 1, no `shared` on sessions.
    const versionOne = {
      schemaVersion: 1,
      workshops: db.workshops,
      sessions: db.sessions.map(({ shared: _shared, sharedBy: _by, ...session }) => session),
    };
    const text = JSON.stringify(versionOne);
    const storage = new MemoryStorage();
    storage.documents.set(WORKSHOPS_KEY, text);
    const loaded = await createWorkshopsStore(storage, ME).load();
    expect(loaded.report).toMatchObject({ status: 'ok', migratedFromDocument: WORKSHOPS_KEY });
    expect(loaded.data).toEqual(db);
    expect(loaded.data.sessions.every((s) => !s.shared && s.sharedBy === null)).toBe(true);
    expect(storage.documents.get(WORKSHOPS_KEY)).toBe(text);
    const again = await createWorkshopsStore(storage, ME).load();
    expect(again).toEqual({ data: db, report: { status: 'ok' } });
  });

  it('keeps every own document of a version 1 document with its versions', async () => {
    const db = saveOwnDocument(
      saveOwnDocument(emptyOwnDocumentsDatabase(), 'doc-a', content(), T0).db,
      'doc-a',
      content({ body: 'Changed.' }),
      T1,
    ).db;
    const versionOne = {
      schemaVersion: 1,
      documents: db.documents.map(({ shared: _shared, sharedBy: _by, ...doc }) => doc),
    };
    const text = JSON.stringify(versionOne);
    const storage = new MemoryStorage();
    storage.documents.set(OWN_DOCUMENTS_KEY, text);
    const loaded = await createOwnDocumentsStore(storage, ME).load();
    expect(loaded.report).toMatchObject({ status: 'ok', migratedFromDocument: OWN_DOCUMENTS_KEY });
    expect(loaded.data).toEqual(db);
    expect(storage.documents.get(OWN_DOCUMENTS_KEY)).toBe(text);
    expect(await createOwnDocumentsStore(storage, ME).load()).toEqual({
      data: db,
      report: { status: 'ok' },
    });
  });

  it('the desktop presenter still knows a user workshop stored as a record', async () => {
    const storage = new MemoryStorage();
    const store = createWorkshopsStore(storage, ME);
    await store.load();
    const { db } = createWorkshop(
      emptyWorkshopsDatabase(),
      { title: 'Mine' },
      'w-new' as UserWorkshopId,
    );
    await store.save(db);
    const check = createWorkshopCheck({
      catalogPaths: [],
      readStored: (key) => Promise.resolve(storage.documents.get(key)),
    });
    expect(await check('w-new')).toBe(true);
    expect(await check('w-nobody')).toBe(false);
  });
});
