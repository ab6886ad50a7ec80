import {
  DELETED_FIELD,
  fieldValue,
  isDeleted,
  type FieldValue,
  type RecordSet,
  type Write,
} from '../../../renderer/src/core/team/records';
import type { Materialized } from '../../../renderer/src/core/store/recordLogBackend';

/**
 * A small feature's data kept as records, for the record-log store's tests: notes with a title
 * and a done flag, as `capture` records. Its diff and materialize follow the planner's rules
 * (unchanged notes are the same objects; a removed note becomes a tombstone), so the store is
 * tested with real behaviour, independent of the planner's own record mapping.
 */
export interface Note {
  readonly id: string;
  readonly title: string;
  readonly done: boolean;
}
export interface Notes {
  readonly notes: readonly Note[];
}

export function noteWrites(prev: Notes, next: Notes): Write[] {
  const before = new Map(prev.notes.map((note) => [note.id, note]));
  const writes: Write[] = [];
  for (const note of next.notes) {
    const old = before.get(note.id);
    before.delete(note.id);
    if (old === note) continue;
    const set: Record<string, FieldValue> = {};
    if (!old) set[DELETED_FIELD] = false;
    if (old?.title !== note.title) set.title = note.title;
    if (old?.done !== note.done) set.done = note.done;
    if (Object.keys(set).length > 0) writes.push({ kind: 'capture', id: note.id, set });
  }
  for (const id of before.keys())
    writes.push({ kind: 'capture', id, set: { [DELETED_FIELD]: true } });
  return writes;
}

/** Notes in id order; `previous` keeps unchanged notes as the same objects. */
export function materializeNotes(
  records: RecordSet,
  previous?: Materialized<Notes, never>,
): Materialized<Notes, never> {
  const old = new Map(previous?.db.notes.map((note) => [note.id, note]));
  const notes = records
    .ofKind('capture')
    .filter((record) => !isDeleted(record))
    .map((record): Note => {
      const title = fieldValue(record, 'title');
      const note: Note = {
        id: record.id,
        title: typeof title === 'string' ? title : '',
        done: fieldValue(record, 'done') === true,
      };
      const kept = old.get(note.id);
      return kept && kept.title === note.title && kept.done === note.done ? kept : note;
    });
  return { db: { notes }, notices: [] };
}

/** `count` notes with ids n-00000…, titled by their number. */
export function manyNotes(count: number): Notes {
  return {
    notes: Array.from({ length: count }, (_, index) => ({
      id: `n-${String(index).padStart(5, '0')}`,
      title: `Note ${index}`,
      done: false,
    })),
  };
}

/** `notes` with note `id` changed by `patch` (a new object; the rest unchanged). */
export function withNote(notes: Notes, id: string, patch: Partial<Note>): Notes {
  return { notes: notes.notes.map((note) => (note.id === id ? { ...note, ...patch } : note)) };
}
