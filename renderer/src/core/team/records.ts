/**
 * Shared data as records of last-writer-wins fields: the state every member's change log folds
 * into. A record is a kind and an id (`task/task-3f2b…`); each field holds the value with the
 * latest clock stamp written to it. Deleting is a field too (`$deleted`), a tombstone that can be
 * undone by a later `$deleted: false`, and that travels like any edit, so a member who was away
 * still learns of it.
 *
 * Folding changes into records is commutative, associative and idempotent (each field is a
 * register that keeps the greatest stamp, and the bounded history keeps the latest entries of a
 * union), so members converge whatever order files arrive in, and reading a file twice changes
 * nothing. tests/unit/team/records.property.test.ts proves it.
 */
import { canonicalJson, compareStrings } from '../common/canonicalJson';
import { compareHlc, type Hlc, type MemberId } from './hlc';
import { adoptLegacyStamp } from './legacyStamp';

/** What a field can hold: JSON. */
export type FieldValue =
  null | boolean | number | string | readonly FieldValue[] | { readonly [key: string]: FieldValue };

/** The kinds of shared records. */
export const RECORD_KINDS = [
  'profile',
  'plan',
  'phase',
  'task',
  'assessment',
  'annotation',
  'capture',
  'document',
  'member',
  /** A user's own workshop: stored as a record on this device, never shared (issue 16). */
  'workshop',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The field that marks a record deleted (true) or restored (false). */
export const DELETED_FIELD = '$deleted';

/** Entries of a record's history kept (the latest by stamp): enough to say whose change won. */
export const HISTORY_LIMIT = 20;

/** One field's value and the stamp of the change that wrote it. */
export interface Register {
  readonly value: FieldValue;
  readonly at: Hlc;
}

/** One change as it was made: fields set together, under one stamp. */
export interface HistoryEntry {
  readonly at: Hlc;
  readonly set: Readonly<Record<string, FieldValue>>;
}

/** A change to one record: what travels in change logs. */
export interface Change extends HistoryEntry {
  readonly kind: RecordKind;
  readonly id: string;
}

/** A change before it is stamped: what a feature's diff produces. */
export interface Write {
  readonly kind: RecordKind;
  readonly id: string;
  readonly set: Readonly<Record<string, FieldValue>>;
  /**
   * The stamp the change already has, for data that carries its own (an annotation's `rev`,
   * stamped when it was made, perhaps on another machine and imported from a file): kept, so
   * that the record orders it as the data does. Re-stamping it at save time would put a copy
   * imported late after an edit made earlier elsewhere, and lose the edit.
   */
  readonly at?: Hlc;
}

/**
 * Stamps writes made together, each with its own tick of `clock`, except a write that carries
 * its stamp: that one keeps it (observed by the clock, so later ticks come after it), and a
 * stamp derived from data made before clocks existed (`LEGACY_MEMBER`) becomes this member's,
 * at the same time and counter, so that this member publishes it and it keeps its order.
 */
export function stampWrites(
  writes: readonly Write[],
  clock: { tick(): Hlc; readonly member?: MemberId; observe?(stamp: Hlc): boolean },
): Change[] {
  return writes.map(({ at, ...write }) => {
    if (at === undefined) return { ...write, at: clock.tick() };
    const own = clock.member === undefined ? at : adoptLegacyStamp(at, clock.member);
    clock.observe?.(own);
    return { ...write, at: own };
  });
}

/** A record: its fields' registers and its latest changes, newest first. */
export interface TeamRecord {
  readonly kind: RecordKind;
  readonly id: string;
  readonly fields: Readonly<Record<string, Register>>;
  readonly history: readonly HistoryEntry[];
}

/** The key of a record in maps and logs: `kind/id`. */
export function recordKey(kind: RecordKind, id: string): string {
  return `${kind}/${id}`;
}

/**
 * The register that wins: the later stamp; for the same stamp (only a hand-edited file can make
 * two), the greater value as canonical JSON, so every machine still picks the same one.
 */
export function winningRegister(a: Register, b: Register): Register {
  const byStamp = compareHlc(a.at, b.at);
  if (byStamp !== 0) return byStamp > 0 ? a : b;
  return compareStrings(canonicalJson(a.value), canonicalJson(b.value)) >= 0 ? a : b;
}

/** Orders history entries newest first, ties (same stamp) by content. */
function compareEntries(a: HistoryEntry, b: HistoryEntry): number {
  return compareHlc(b.at, a.at) || compareStrings(canonicalJson(b.set), canonicalJson(a.set));
}

/** The latest HISTORY_LIMIT entries of both lists, without duplicates, newest first. */
function mergeHistory(
  a: readonly HistoryEntry[],
  b: readonly HistoryEntry[],
): readonly HistoryEntry[] {
  const all = [...a, ...b].sort(compareEntries);
  const kept: HistoryEntry[] = [];
  for (const entry of all) {
    const last = kept[kept.length - 1];
    if (last && compareEntries(last, entry) === 0) continue;
    kept.push(entry);
    if (kept.length === HISTORY_LIMIT) break;
  }
  return kept;
}

/** A record with a change folded in (a new object; the old one is untouched). */
export function applyChange(record: TeamRecord | undefined, change: Change): TeamRecord {
  const fields: Record<string, Register> = { ...record?.fields };
  for (const [name, value] of Object.entries(change.set)) {
    const incoming: Register = { value, at: change.at };
    const current = fields[name];
    fields[name] = current ? winningRegister(current, incoming) : incoming;
  }
  const entry: HistoryEntry = { at: change.at, set: change.set };
  return {
    kind: change.kind,
    id: change.id,
    fields,
    history: mergeHistory(record?.history ?? [], [entry]),
  };
}

/** Two versions of one record merged (same kind and id). */
export function mergeRecord(a: TeamRecord, b: TeamRecord): TeamRecord {
  const fields: Record<string, Register> = { ...a.fields };
  for (const [name, register] of Object.entries(b.fields)) {
    const current = fields[name];
    fields[name] = current ? winningRegister(current, register) : register;
  }
  return { kind: a.kind, id: a.id, fields, history: mergeHistory(a.history, b.history) };
}

/** True when the record's latest word is that it is deleted. */
export function isDeleted(record: TeamRecord): boolean {
  return record.fields[DELETED_FIELD]?.value === true;
}

/** A field's value, or undefined when it was never written. */
export function fieldValue(record: TeamRecord, name: string): FieldValue | undefined {
  return record.fields[name]?.value;
}

/** The latest stamp anywhere in the record (for clocks and "last changed"). */
export function latestStamp(record: TeamRecord): Hlc | undefined {
  let latest: Hlc | undefined;
  for (const register of Object.values(record.fields)) {
    if (latest === undefined || compareHlc(register.at, latest) > 0) latest = register.at;
  }
  return latest;
}

/**
 * Records by key, folded from changes. Mutable for speed (a team folder can hold tens of
 * thousands of changes), but every record in it is immutable, so a caller can keep one and tell
 * by identity whether it changed.
 */
export class RecordSet {
  private readonly records = new Map<string, TeamRecord>();

  /** Folds changes in; returns the keys of the records that changed. */
  apply(changes: Iterable<Change>): Set<string> {
    const touched = new Set<string>();
    for (const change of changes) {
      const key = recordKey(change.kind, change.id);
      const before = this.records.get(key);
      const after = applyChange(before, change);
      if (!before || !sameRecord(before, after)) {
        this.records.set(key, after);
        touched.add(key);
      }
    }
    return touched;
  }

  /** Merges whole records in (from a snapshot); returns the keys of the records that changed. */
  merge(records: Iterable<TeamRecord>): Set<string> {
    const touched = new Set<string>();
    for (const record of records) {
      const key = recordKey(record.kind, record.id);
      const before = this.records.get(key);
      const after = before ? mergeRecord(before, record) : record;
      if (!before || !sameRecord(before, after)) {
        this.records.set(key, after);
        touched.add(key);
      }
    }
    return touched;
  }

  get(kind: RecordKind, id: string): TeamRecord | undefined {
    return this.records.get(recordKey(kind, id));
  }

  byKey(key: string): TeamRecord | undefined {
    return this.records.get(key);
  }

  /** Every record of a kind, deleted ones included, in key order (the same on every machine). */
  ofKind(kind: RecordKind): TeamRecord[] {
    const prefix = `${kind}/`;
    return [...this.records.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([, record]) => record);
  }

  all(): IterableIterator<TeamRecord> {
    return this.records.values();
  }

  get size(): number {
    return this.records.size;
  }
}

/** True when merging changed nothing: same registers and the same history. */
function sameRecord(a: TeamRecord, b: TeamRecord): boolean {
  const aNames = Object.keys(a.fields);
  if (aNames.length !== Object.keys(b.fields).length) return false;
  for (const name of aNames) {
    const x = a.fields[name];
    const y = b.fields[name];
    if (!x || !y || x.at !== y.at || (x.value !== y.value && !sameValue(x.value, y.value))) {
      return false;
    }
  }
  if (a.history.length !== b.history.length) return false;
  return a.history.every((entry, index) => entry.at === b.history[index]?.at);
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
