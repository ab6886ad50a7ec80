/**
 * What another window of the app stored reaches this window's screens, as a teammate's merge
 * does: at once when it says so, when this window comes back to the front, and in any case with
 * this window's next save; a change still waiting for its typing pause is kept.
 */
import { describe, expect, it, vi } from 'vitest';
import { createRecordLogBackend } from '../../../renderer/src/core/store/recordLogBackend';
import { RecordStoreSession } from '../../../renderer/src/core/store/RecordStoreSession';
import type { DocumentStorage } from '../../../renderer/src/core/store/DocumentStorage';
import { AppWindows } from './AppWindows';
import { ManualScheduler } from './ManualScheduler';
import { MemoryStorage } from './MemoryStorage';
import { ME, freshLoad } from './NotesWindow';
import { materializeNotes, noteWrites, type Note, type Notes } from './notesRecords';

type NotesSession = RecordStoreSession<Notes, never, never>;

async function sessionOver(storage: DocumentStorage, scheduler = new ManualScheduler()) {
  const store = createRecordLogBackend<Notes>({
    storage,
    key: 'notes',
    me: ME,
    writes: noteWrites,
    materialize: materializeNotes,
  });
  const session: NotesSession = new RecordStoreSession(store, await store.load(), { scheduler });
  return { session, scheduler };
}

const titles = (session: NotesSession) => session.getSnapshot().db.notes.map((n) => n.title);
const adding =
  (id: string, title: string) =>
  (db: Notes): Notes => ({ notes: [...db.notes, { id, title, done: false }] });
const editing =
  (id: string, patch: Partial<Note>) =>
  (db: Notes): Notes => ({ notes: db.notes.map((n) => (n.id === id ? { ...n, ...patch } : n)) });

describe('a session shows what another window stored', () => {
  it('as soon as the other window says it stored it', async () => {
    const shared = new MemoryStorage();
    const group = new AppWindows(() => shared);
    const presenter = (await sessionOver(group.open())).session;
    const main = (await sessionOver(group.open())).session;
    presenter.apply(adding('n-1', 'Captured in the room'));
    await presenter.whenSaved();
    await vi.waitFor(() => expect(titles(main)).toEqual(['Captured in the room']));
    expect(main.getSnapshot().saveState).toEqual({ status: 'idle' });
  });

  it('when this window comes back to the front, if it missed the message', async () => {
    const shared = new MemoryStorage();
    const group = new AppWindows(() => shared, { quiet: true });
    const presenter = (await sessionOver(group.open())).session;
    const main = (await sessionOver(group.open())).session;
    presenter.apply(adding('n-1', 'Captured'));
    await presenter.whenSaved();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(titles(main)).toEqual([]);
    group.focusAll();
    await vi.waitFor(() => expect(titles(main)).toEqual(['Captured']));
  });

  it('with its next save, keeping a change still waiting for its typing pause', async () => {
    const shared = new MemoryStorage();
    const group = new AppWindows(() => shared, { quiet: true });
    const presenter = (await sessionOver(group.open())).session;
    const { session: main, scheduler } = await sessionOver(group.open());
    main.apply(adding('n-main', 'Main'));
    await main.whenSaved();
    presenter.apply(adding('n-room', 'Room'));
    await presenter.whenSaved();
    // The main window is typing: its change waits for the pause, then its save catches up.
    main.apply(editing('n-main', { title: 'Main, typed' }), 600);
    scheduler.advance(600);
    await main.whenSaved();
    await vi.waitFor(() => expect(titles(main)).toEqual(['Main, typed', 'Room']));
    // Typing again while the presenter's news arrives: the typed text is written first, kept.
    presenter.apply(editing('n-room', { done: true }));
    await presenter.whenSaved();
    main.apply(editing('n-main', { title: 'Main, typed more' }), 600);
    group.focusAll();
    await vi.waitFor(() => expect(main.getSnapshot().db.notes[1]?.done).toBe(true));
    expect(titles(main)).toEqual(['Main, typed more', 'Room']);
    await main.whenSaved();
    const loaded = await freshLoad(group);
    expect(loaded.notes.map((n) => [n.title, n.done])).toEqual([
      ['Main, typed more', false],
      ['Room', true],
    ]);
  });
});
