import type { DocumentStorage } from '../../../renderer/src/core/store/DocumentStorage';
import {
  createRecordLogBackend,
  type RecordLogBackend,
  type RecordLogLimits,
} from '../../../renderer/src/core/store/recordLogBackend';
import type { MemberId } from '../../../renderer/src/core/team/hlc';
import { RecordSet, type Change } from '../../../renderer/src/core/team/records';
import type { AppWindows } from './AppWindows';
import { materializeNotes, noteWrites, type Note, type Notes } from './notesRecords';

/** Both windows run on one machine: the member id is kept in storage and shared. */
export const ME = 'aaaaaaaaaaaaaaaa' as MemberId;

/**
 * One window's store and what its screen shows: saves diff against what it showed, and what the
 * store caught up with from the other window is shown on `refresh`, as RecordStoreSession does.
 * Every change it stored (its own, and teammates' it merged) is kept for the expected result.
 */
export class Window {
  shown: Notes = { notes: [] };
  readonly store: RecordLogBackend<Notes, never>;

  constructor(
    storage: DocumentStorage,
    stored: Change[],
    limits?: Partial<RecordLogLimits>,
    now?: () => number,
  ) {
    this.store = createRecordLogBackend<Notes>({
      storage,
      key: 'notes',
      me: ME,
      now,
      writes: noteWrites,
      materialize: materializeNotes,
      limits,
    });
    this.store.onChanges((changes) => stored.push(...changes));
  }

  async load(): Promise<this> {
    this.shown = (await this.store.load()).data;
    return this;
  }

  /** Changes what the screen shows and saves it (resolves once stored). */
  save(change: (notes: readonly Note[]) => Note[]): Promise<void> {
    this.shown = { notes: change(this.shown.notes) };
    return this.store.save(this.shown);
  }

  add(id: string, title: string): Promise<void> {
    return this.save((notes) => [...notes, { id, title, done: false }]);
  }

  edit(id: string, patch: Partial<Note>): Promise<void> {
    return this.save((notes) => notes.map((n) => (n.id === id ? { ...n, ...patch } : n)));
  }

  remove(id: string): Promise<void> {
    return this.save((notes) => notes.filter((n) => n.id !== id));
  }

  /** Shows what the store caught up with, as the session does when told. */
  refresh(): void {
    this.shown = this.store.refresh() ?? this.shown;
  }
}

/** What a store holding exactly `changes` shows. */
export function expected(changes: readonly Change[]): Notes {
  const records = new RecordSet();
  records.apply(changes);
  return materializeNotes(records).db;
}

/** What a window opened now on the stored documents shows. */
export async function freshLoad(
  windows: AppWindows,
  limits?: Partial<RecordLogLimits>,
): Promise<Notes> {
  return (await new Window(windows.open(), [], limits).load()).shown;
}
