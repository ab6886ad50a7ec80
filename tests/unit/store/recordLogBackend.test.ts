import { describe, expect, it } from 'vitest';
import { HybridClock, type MemberId } from '../../../renderer/src/core/team/hlc';
import { stampWrites, type Change } from '../../../renderer/src/core/team/records';
import {
  createRecordLogBackend,
  recordLogKeys,
  type RecordLogLimits,
} from '../../../renderer/src/core/store/recordLogBackend';
import { createJsonDocumentBackend } from '../../../renderer/src/core/store/jsonDocumentBackend';
import type { ParsedDocument } from '../../../renderer/src/core/store/DocumentStorage';
import { MemoryStorage } from './MemoryStorage';
import { manyNotes, materializeNotes, noteWrites, withNote, type Notes } from './notesRecords';

const ME = 'aaaaaaaaaaaaaaaa' as MemberId;
const THEM = 'bbbbbbbbbbbbbbbb' as MemberId;
const keys = recordLogKeys('notes');

/** A wall clock that moves 1 ms per reading, so stamps are distinct and repeatable. */
function steadyClock(start = 1_800_000_000_000): () => number {
  let now = start;
  return () => (now += 1);
}

function backendOver(storage: MemoryStorage, limits?: Partial<RecordLogLimits>) {
  return createRecordLogBackend<Notes>({
    storage,
    key: 'notes',
    me: ME,
    now: steadyClock(),
    writes: noteWrites,
    materialize: materializeNotes,
    limits,
  });
}

/** The legacy whole-document store for notes: what the record log migrates from. */
function legacyOver(storage: MemoryStorage) {
  const parse = (raw: unknown): ParsedDocument<Notes> => ({ data: raw as Notes, issues: [] });
  const store = createJsonDocumentBackend<Notes>({
    storage,
    key: 'notes',
    parse,
    defaults: () => ({ notes: [] }),
  });
  return { key: 'notes', load: () => store.load() };
}

const keysWritten = (storage: MemoryStorage, from = 0) =>
  storage.writeLog.slice(from).map((entry) => entry.key);

describe('record-log store: saving and loading', () => {
  it('starts empty, appends a small save to a log document, and loads it back', async () => {
    const storage = new MemoryStorage();
    const store = backendOver(storage);
    await expect(store.load()).resolves.toEqual({
      data: { notes: [] },
      report: { status: 'missing' },
    });

    const notes = manyNotes(3);
    await store.save(notes);
    expect(keysWritten(storage)).toEqual([keys.logs[1]]);

    const again = await backendOver(storage).load();
    expect(again).toEqual({ data: notes, report: { status: 'ok' } });
  });

  it('saves a one-field edit of a large store as one small log document', async () => {
    const storage = new MemoryStorage();
    const store = backendOver(storage);
    await store.load();
    let notes = manyNotes(2_000);
    await store.save(notes);
    // 2,000 new notes are more than one compaction's worth: they go straight to a snapshot.
    expect(keysWritten(storage)).toEqual([keys.snapshot]);

    const from = storage.writeLog.length;
    notes = withNote(notes, 'n-01234', { done: true });
    await store.save(notes);
    const written = storage.writeLog.slice(from);
    expect(written.map((entry) => entry.key)).toEqual([keys.logs[2]]);
    expect(written[0]?.text.length).toBeLessThan(300);

    expect((await backendOver(storage).load()).data).toEqual(notes);
  });

  it('rewrites the snapshot every compactEvery changes and reuses log slots it covers', async () => {
    const storage = new MemoryStorage();
    const limits = { segmentChanges: 3, compactEvery: 10, slots: 4 };
    const store = backendOver(storage, limits);
    await store.load();
    let notes = manyNotes(1);
    await store.save(notes);
    const seen: Notes[] = [];
    for (let i = 0; i < 40; i++) {
      notes = withNote(notes, 'n-00000', { title: `edit ${i}` });
      await store.save(notes);
      seen.push(notes);
      // After every save, a fresh load sees exactly what was saved: stale slots are skipped.
      expect((await backendOver(storage, limits).load()).data).toEqual(notes);
    }
    const snapshots = keysWritten(storage).filter((key) => key === 'notes-records');
    expect(snapshots.length).toBeGreaterThanOrEqual(3);
    expect(new Set(keysWritten(storage))).toEqual(
      new Set(['notes-records', 'notes-log-0', 'notes-log-1', 'notes-log-2', 'notes-log-3']),
    );
  });

  it('loses nothing when the app stops between a snapshot and the next log', async () => {
    const storage = new MemoryStorage();
    const limits = { segmentChanges: 2, compactEvery: 4, slots: 3 };
    const store = backendOver(storage, limits);
    await store.load();
    let notes = manyNotes(2);
    for (let i = 0; i < 6; i++) {
      notes = withNote(notes, `n-0000${i % 2}`, { title: `t${i}` });
      await store.save(notes);
      if (keysWritten(storage).at(-1) === keys.snapshot) break;
    }
    expect(keysWritten(storage).at(-1)).toBe(keys.snapshot);
    // What storage holds right after the snapshot: the logs it covers are still there.
    const copy = new MemoryStorage();
    for (const [key, text] of storage.documents) copy.documents.set(key, text);
    expect((await backendOver(copy, limits).load()).data).toEqual(notes);
  });

  it('settles saves in call order, and the last one called wins', async () => {
    const storage = new MemoryStorage();
    const store = backendOver(storage);
    await store.load();
    storage.writeDelays = [30, 0];
    const first = manyNotes(2);
    const second = withNote(first, 'n-00001', { title: 'second' });
    const order: string[] = [];
    await Promise.all([
      store.save(first).then(() => order.push('first')),
      store.save(second).then(() => order.push('second')),
    ]);
    expect(order).toEqual(['first', 'second']);
    expect((await backendOver(storage).load()).data).toEqual(second);
  });
});

describe('record-log store: when storage fails', () => {
  it('takes back a refused save, so the next one starts from what was stored', async () => {
    const storage = new MemoryStorage();
    const store = backendOver(storage);
    await store.load();
    const kept = manyNotes(2);
    await store.save(kept);
    storage.failWritesTo.set(keys.logs[1] as string, new Error('disk full'));
    const refused = withNote(kept, 'n-00000', { title: 'refused' });
    await expect(store.save(refused)).rejects.toThrow('disk full');
    expect(store.records().get('capture', 'n-00000')?.fields.title?.value).toBe('Note 0');

    storage.failWritesTo.clear();
    const next = withNote(kept, 'n-00001', { done: true });
    await store.save(next);
    expect((await backendOver(storage).load()).data).toEqual(next);
  });

  it('keeps a refused save pending when a later save was made on top of it', async () => {
    const storage = new MemoryStorage();
    const store = backendOver(storage);
    await store.load();
    const write = storage.write.bind(storage);
    let failures = 1;
    storage.write = (key, text) =>
      failures-- > 0 ? Promise.reject(new Error('disk full')) : write(key, text);
    const first = manyNotes(2);
    const firstSaved = store.save(first);
    const second = withNote(first, 'n-00001', { done: true });
    const secondSaved = store.save(second);
    await expect(firstSaved).rejects.toThrow('disk full');
    await secondSaved;
    expect((await backendOver(storage).load()).data).toEqual(second);
  });

  it('refuses every save when a document could not be read at all', async () => {
    const storage = new MemoryStorage();
    await backendOver(storage).load();
    storage.failReadsWith = new Error('locked');
    const store = backendOver(storage);
    const loaded = await store.load();
    expect(loaded.report).toEqual({ status: 'unreadable', reason: 'locked' });
    storage.failReadsWith = null;
    await expect(store.save(manyNotes(1))).rejects.toThrow(/Not saved/);
    expect(storage.writeLog).toEqual([]);
  });

  it('moves a damaged log aside and still loads the others', async () => {
    const storage = new MemoryStorage();
    const limits = { segmentChanges: 1 };
    const store = backendOver(storage, limits);
    await store.load();
    let notes = manyNotes(0);
    for (let i = 0; i < 3; i++) {
      notes = { notes: [...notes.notes, { id: `n-${i}`, title: `T${i}`, done: false }] };
      await store.save(notes);
    }
    storage.documents.set(keys.logs[2] as string, '{"format":"onmuni-record-log", cut');
    const loaded = await backendOver(storage, limits).load();
    expect(loaded.report).toMatchObject({ status: 'recovered', movedTo: 'notes-log-2.corrupt' });
    expect(loaded.data.notes.map((note) => note.id)).toEqual(['n-0', 'n-2']);
  });

  it('keeps an invalid log aside, drops only its bad changes, and says where', async () => {
    const storage = new MemoryStorage();
    const store = backendOver(storage);
    await store.load();
    await store.save(manyNotes(2));
    const text = storage.documents.get(keys.logs[1] as string) ?? '';
    const log = JSON.parse(text) as { changes: unknown[] };
    log.changes.push(['capture', 'n-x', 'not a stamp', { title: 'bad' }]);
    storage.documents.set(keys.logs[1] as string, JSON.stringify(log));

    const loaded = await backendOver(storage).load();
    expect(loaded.report).toMatchObject({ status: 'repaired', keptCopyAs: 'notes-log-1-invalid' });
    if (loaded.report.status === 'repaired') {
      expect(loaded.report.issues[0]?.path).toBe('notes-log-1.changes.2');
    }
    expect(storage.documents.get('notes-log-1-invalid')).toBe(JSON.stringify(log));
    expect(loaded.data).toEqual(manyNotes(2));
  });
});

describe('record-log store: moving from the whole-document store', () => {
  it('moves the legacy document into records once, and leaves it as it was', async () => {
    const storage = new MemoryStorage();
    const legacyText = JSON.stringify(manyNotes(50));
    storage.documents.set('notes', legacyText);
    const open = () =>
      createRecordLogBackend<Notes>({
        storage,
        key: 'notes',
        me: ME,
        writes: noteWrites,
        materialize: materializeNotes,
        legacy: legacyOver(storage),
      });
    const first = await open().load();
    expect(first.report).toEqual({ status: 'ok', migratedFromDocument: 'notes' });
    expect(first.data).toEqual(manyNotes(50));
    expect(keysWritten(storage)).toEqual([keys.snapshot]);

    const second = await open().load();
    expect(second).toEqual({ data: manyNotes(50), report: { status: 'ok' } });
    expect(storage.documents.get('notes')).toBe(legacyText);
    expect(keysWritten(storage)).not.toContain('notes');
  });

  it('writes no log before the moved data is stored, so a failed move is tried again', async () => {
    const storage = new MemoryStorage();
    storage.documents.set('notes', JSON.stringify(manyNotes(5)));
    storage.failWritesTo.set(keys.snapshot, new Error('full'));
    const open = () =>
      createRecordLogBackend<Notes>({
        storage,
        key: 'notes',
        me: ME,
        writes: noteWrites,
        materialize: materializeNotes,
        legacy: legacyOver(storage),
      });
    const store = open();
    const loaded = await store.load();
    expect(loaded.data).toEqual(manyNotes(5));
    const edited = withNote(loaded.data, 'n-00001', { done: true });
    await expect(store.save(edited)).rejects.toThrow('full');
    expect(storage.writeLog).toEqual([]);

    storage.failWritesTo.clear();
    const reopened = await open().load();
    expect(reopened.report).toEqual({ status: 'ok', migratedFromDocument: 'notes' });
    expect(reopened.data).toEqual(manyNotes(5));
  });
});

describe('record-log store: teammates and the clock', () => {
  it('merges a teammate’s changes, stores them locally, and tells listeners only of its own', async () => {
    const storage = new MemoryStorage();
    const store = backendOver(storage);
    await store.load();
    const heard: Change[][] = [];
    store.onChanges((changes) => heard.push([...changes]));
    const mine = manyNotes(2);
    await store.save(mine);
    expect(heard).toHaveLength(1);
    expect(heard[0]?.map((change) => change.id)).toEqual(['n-00000', 'n-00001']);

    const theirClock = new HybridClock(THEM, () => 1_800_000_100_000);
    const theirs = stampWrites(
      [{ kind: 'capture', id: 'n-00001', set: { title: 'Renamed by them' } }],
      theirClock,
    );
    const merged = store.mergeRemote(theirs);
    expect(merged.data?.notes[1]?.title).toBe('Renamed by them');
    // Unchanged notes keep their identity, so screens redraw only what changed.
    expect(merged.data?.notes[0]).toBe(mine.notes[0]);
    await merged.saved;
    expect(heard).toHaveLength(1);
    expect(store.mergeRemote(theirs).data).toBeNull();

    // The clock moved past their stamp: my next edit wins over theirs.
    const next = withNote(merged.data as Notes, 'n-00001', { title: 'Mine again' });
    await store.save(next);
    expect((heard[1]?.[0]?.at ?? '') > (theirs[0]?.at ?? '')).toBe(true);

    const reloaded = backendOver(storage);
    expect((await reloaded.load()).data).toEqual(next);
    expect(reloaded.records().get('capture', 'n-00001')?.history.length).toBe(3);
  });

  it('skips a teammate’s change stamped years ahead', async () => {
    const storage = new MemoryStorage();
    const store = backendOver(storage);
    await store.load();
    const future = new HybridClock(THEM, () => 1_800_000_000_000 + 5 * 366 * 86_400_000);
    const changes = stampWrites([{ kind: 'capture', id: 'n-1', set: { title: 'x' } }], future);
    expect(store.mergeRemote(changes).data).toBeNull();
    expect(store.records().size).toBe(0);
  });

  it('never stamps earlier after a restart, even when the wall clock went back', async () => {
    const storage = new MemoryStorage();
    const store = backendOver(storage);
    await store.load();
    await store.save(manyNotes(1));
    const before = store.clock().latest();
    const restarted = createRecordLogBackend<Notes>({
      storage,
      key: 'notes',
      me: ME,
      now: () => 1_000,
      writes: noteWrites,
      materialize: materializeNotes,
    });
    await restarted.load();
    expect(restarted.clock().tick() > before).toBe(true);
  });
});
