/**
 * The record-log store written by two windows of the app at once (the desktop's main and
 * presenter windows, two browser tabs): neither window's changes are ever lost, whichever
 * appends, merges or compacts, and the lock keeps their writes apart.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { HybridClock, type MemberId } from '../../../renderer/src/core/team/hlc';
import { stampWrites, type Change } from '../../../renderer/src/core/team/records';
import type { DocumentStorage } from '../../../renderer/src/core/store/DocumentStorage';
import {
  recordLogKeys,
  type RecordLogLimits,
} from '../../../renderer/src/core/store/recordLogBackend';
import { AppWindows, STORAGES, removeFolders } from './AppWindows';
import { MemoryStorage } from './MemoryStorage';
import { Window, expected, freshLoad } from './NotesWindow';

const THEM = 'bbbbbbbbbbbbbbbb' as MemberId;
const SMALL: Partial<RecordLogLimits> = { segmentChanges: 2, compactEvery: 6, slots: 4 };

afterAll(removeFolders);

describe.each(STORAGES)('two windows writing one record-log store (%s)', (_where, open) => {
  it('keeps both windows’ changes when they append to the same log', async () => {
    const windows = new AppWindows(await open());
    const stored: Change[] = [];
    const a = await new Window(windows.open(), stored).load();
    const b = await new Window(windows.open(), stored).load();
    await a.add('n-a', 'From the presenter window');
    // B was loaded before A saved: it used to write its own log as the same sequence, in the
    // same slot, over A's.
    await b.add('n-b', 'From the main window');
    await a.edit('n-a', { done: true });
    await b.edit('n-b', { title: 'Renamed in the main window' });

    const loaded = await freshLoad(windows);
    expect(loaded).toEqual(expected(stored));
    expect(loaded.notes.map((note) => note.id)).toEqual(['n-a', 'n-b']);
    expect(loaded.notes[0]?.done).toBe(true);
  });

  it('keeps everything through ring wraps and snapshots written by either window', async () => {
    const windows = new AppWindows(await open());
    const stored: Change[] = [];
    const a = await new Window(windows.open(), stored, SMALL).load();
    const b = await new Window(windows.open(), stored, SMALL).load();
    const keys = recordLogKeys('notes', SMALL.slots);
    const snapshotsBy = { a: 0, b: 0 };
    for (let step = 0; step < 60; step++) {
      // Mostly one window at a time, as a presenter records a run of captures, then the other.
      const [window, name] = Math.floor(step / 5) % 3 === 1 ? [b, 'b' as const] : [a, 'a' as const];
      const snapshotText = await textOf(windows, keys.snapshot);
      if (step % 4 === 0) await window.add(`n-${name}-${step}`, `${name} ${step}`);
      else {
        const target = window.shown.notes[step % window.shown.notes.length];
        if (target) await window.edit(target.id, { title: `${name} edit ${step}` });
      }
      if ((await textOf(windows, keys.snapshot)) !== snapshotText) snapshotsBy[name] += 1;
      window.refresh();
      expect(await freshLoad(windows, SMALL)).toEqual(expected(stored));
    }
    expect(snapshotsBy.a).toBeGreaterThan(1);
    expect(snapshotsBy.b).toBeGreaterThan(1);
    // A fresh load after each of 60 saves: on the desktop's disk (each write synced), seconds.
  }, 30_000);

  it('stores teammates’ changes merged in one window beside the other window’s saves', async () => {
    const windows = new AppWindows(await open());
    const stored: Change[] = [];
    const a = await new Window(windows.open(), stored, SMALL).load();
    const b = await new Window(windows.open(), stored, SMALL).load();
    await a.add('n-1', 'Mine');
    const theirs = stampWrites(
      [{ kind: 'capture', id: 'n-2', set: { title: 'Theirs', $deleted: false } }],
      new HybridClock(THEM),
    );
    const merged = b.store.mergeRemote(theirs);
    b.shown = merged.data ?? b.shown;
    await merged.saved;
    stored.push(...theirs);
    await a.edit('n-1', { done: true });
    expect(await freshLoad(windows, SMALL)).toEqual(expected(stored));
    // A learns of the teammate's note from storage, as from B's save.
    await a.store.catchUp();
    a.refresh();
    expect(a.shown.notes.map((note) => note.title)).toEqual(['Mine', 'Theirs']);
  });
});

async function textOf(windows: AppWindows, key: string): Promise<string | null> {
  const read = await windows.open().read(key);
  return read.status === 'ok' ? read.text : null;
}

/**
 * Storage that says what each window did, in the order storage saw it: a write is logged when it
 * has been stored, after `delayMs` (a slow disk), so two windows left to themselves interleave.
 */
function tracedStorage(shared: MemoryStorage, name: string, trace: string[], delayMs = 5) {
  return (windows: AppWindows): DocumentStorage => {
    const inner = windows.open();
    return {
      otherWindows: inner.otherWindows,
      async read(key) {
        trace.push(`${name} read ${key}`);
        return shared.read(key);
      },
      async write(key, text) {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        await shared.write(key, text);
        trace.push(`${name} wrote ${key}`);
      },
    };
  };
}

describe('the lock across windows', () => {
  async function saveAtOnce(noLock: boolean) {
    const shared = new MemoryStorage();
    const windows = new AppWindows(() => shared, { noLock });
    const trace: string[] = [];
    const stored: Change[] = [];
    const a = await new Window(tracedStorage(shared, 'A', trace)(windows), stored).load();
    const b = await new Window(tracedStorage(shared, 'B', trace)(windows), stored).load();
    await a.add('n-0', 'Before');
    trace.length = 0;
    await Promise.all([a.add('n-a', 'A'), b.add('n-b', 'B')]);
    return { trace, loaded: await freshLoad(windows), stored };
  }

  it('runs one window’s save (its catching up and its writes) wholly before the other’s', async () => {
    const { trace, loaded, stored } = await saveAtOnce(false);
    const owners = trace.map((line) => line[0]);
    // One run of A's operations and one of B's, never mixed.
    const switches = owners.filter((owner, index) => index > 0 && owner !== owners[index - 1]);
    expect(switches).toHaveLength(1);
    expect(trace.filter((line) => line.includes('wrote'))).toHaveLength(2);
    expect(loaded).toEqual(expected(stored));
    expect(loaded.notes.map((note) => note.id)).toEqual(['n-0', 'n-a', 'n-b']);
  });

  it('is what keeps both: without it, two saves at once write the same log', async () => {
    const { loaded } = await saveAtOnce(true);
    expect(loaded.notes.map((note) => note.id)).not.toEqual(['n-0', 'n-a', 'n-b']);
  });

  it('uses the lock of the storage’s other windows, by the store’s name', async () => {
    const storage = new MemoryStorage();
    const names: string[] = [];
    const otherStorage: DocumentStorage = {
      read: (key) => storage.read(key),
      write: (key, text) => storage.write(key, text),
      otherWindows: {
        lock: (name, work) => {
          names.push(name);
          return work();
        },
        stored: () => undefined,
        watch: () => () => undefined,
      },
    };
    const window = await new Window(otherStorage, []).load();
    await window.add('n-1', 'x');
    expect(names).toEqual(['onmuni-records:notes', 'onmuni-records:notes']);
  });
});

describe('a store’s first snapshot, written by the other window', () => {
  it('is read with the logs after it, though no log was written at the sequence it covers', async () => {
    const shared = new MemoryStorage();
    const windows = new AppWindows(() => shared, { quiet: true });
    const stored: Change[] = [];
    const a = await new Window(windows.open(), stored, SMALL).load();
    const b = await new Window(windows.open(), stored, SMALL).load();
    // More than compactEvery at once: straight to the first snapshot, then a log after it.
    await a.save(() =>
      Array.from({ length: 8 }, (_, i) => ({ id: `n-${i}`, title: `${i}`, done: false })),
    );
    await a.edit('n-1', { title: 'After the snapshot' });
    expect(await b.store.catchUp()).toBe(true);
    b.refresh();
    expect(b.shown).toEqual(expected(stored));
  });
});

describe('a window that stops while writing a snapshot', () => {
  it('announces the snapshot first, so the other window still finds every change', async () => {
    const shared = new MemoryStorage();
    const windows = new AppWindows(() => shared);
    const stored: Change[] = [];
    const keys = recordLogKeys('notes', SMALL.slots);
    const a = await new Window(windows.open(), stored, SMALL).load();
    const b = await new Window(windows.open(), stored, SMALL).load();
    // A first snapshot, so the next one is announced.
    for (let i = 0; i < 8; i++) await a.add(`n-${i}`, `Note ${i}`);
    expect(shared.documents.has(keys.snapshot)).toBe(true);
    // B reads that snapshot while saving, and from then on only the logs, unless one says more.
    await b.edit('n-0', { done: true });
    // A's next snapshot is refused after its announcement was stored; B, which read the old
    // snapshot, finds the announcement, reads the snapshot again and carries on.
    shared.failWritesTo.set(keys.snapshot, new Error('disk full'));
    let refused = false;
    for (let i = 0; i < 12 && !refused; i++) {
      await a.edit('n-0', { title: `A ${i}` }).catch(() => (refused = true));
    }
    expect(refused).toBe(true);
    shared.failWritesTo.clear();
    for (let i = 0; i < 10; i++) await b.edit('n-1', { title: `B ${i}` });
    await a.edit('n-2', { done: true });
    expect(await freshLoad(windows, SMALL)).toEqual(expected(stored));
  });
});
