/**
 * The two document shapes of a record-log store (recordLogBackend.ts) in host storage:
 *
 * - the snapshot, `<key>-records`: every record, the clock's latest stamp and the last log
 *   sequence number it covers. Records are written compactly, because at 10,000 planner tasks
 *   the snapshot must still fit in a browser's localStorage: stamps are listed once and named by
 *   their index, a record's fields are grouped by the stamp that wrote them, and a history entry
 *   repeats only the values its fields no longer hold (the rest are the current registers').
 * - log documents, `<key>-log-<slot>`: a sequence number, the snapshot its writer built on
 *   (`base`, added in place: older versions ignore it) and the changes made after the snapshot,
 *   each `[kind, id, stamp, fields]`.
 *
 * Parsing never throws: what is not valid is dropped and listed, so the store keeps a copy of the
 * original aside (DocumentStorageAdapter) and goes on with the rest.
 */
import { canonicalJson } from '../common/canonicalJson';
import { problemLine, withOutcome, type ProblemLine } from '../common/problemLine';
import { isHlc, maxHlc, type Hlc } from '../team/hlc';
import {
  RECORD_KINDS,
  type Change,
  type FieldValue,
  type HistoryEntry,
  type RecordKind,
  type Register,
  type TeamRecord,
} from '../team/records';
import type { ParsedDocument } from './DocumentStorage';
import { foundProblem, isPlainObject } from './migrateDocument';

export const SNAPSHOT_FORMAT = 'onmuni-records';
export const LOG_FORMAT = 'onmuni-record-log';
/** The version of both formats this code writes and reads. */
export const RECORD_LOG_VERSION = 1;

/** What a snapshot holds. */
export interface SnapshotData {
  /** Log documents with this sequence number or lower are folded in (and skipped on load). */
  covers: number;
  /** The latest stamp the clock had made or seen (null: none yet). */
  clock: Hlc | null;
  records: TeamRecord[];
}

/** What a log document holds. */
export interface LogData {
  seq: number;
  /**
   * The `covers` of the newest snapshot its writer had written or read (absent: none, or a log
   * written before windows coordinated). A snapshot is announced this way before it is written
   * (recordLogBackend.ts), so another window reading the logs knows when to read it.
   */
  base?: number;
  changes: Change[];
}

type Fields = Record<string, FieldValue>;
/** Fields as `[shape index, ...values]`: the shape (the list of names) is stored once. */
type EncodedFields = [number, ...FieldValue[]];
/** `[stamp index, ...fields]`: the fields it wrote that still hold. */
type EncodedGroup = [number, ...EncodedFields];
/**
 * A history entry: a stamp index alone when its fields are exactly that stamp's group;
 * `[0, stamp, ...fields]` with the fields it set that were overwritten since; or
 * `[1, stamp, ...fields]`, its fields in full.
 */
type EncodedEntry = number | [0 | 1, number, ...EncodedFields];
type EncodedRecord = [RecordKind, string, EncodedGroup[], EncodedEntry[]];
type EncodedChange = [RecordKind, string, Hlc, Fields];

/** The tables a snapshot names stamps and field lists by, filled while records are encoded. */
class SnapshotTables {
  readonly stamps: Hlc[] = [];
  readonly shapes: string[][] = [];
  private readonly stampIndexes = new Map<Hlc, number>();
  private readonly shapeIndexes = new Map<string, number>();

  stamp(stamp: Hlc): number {
    let index = this.stampIndexes.get(stamp);
    if (index === undefined) {
      index = this.stamps.push(stamp) - 1;
      this.stampIndexes.set(stamp, index);
    }
    return index;
  }

  fields(fields: Fields): EncodedFields {
    const names = Object.keys(fields);
    const key = names.join('\u0000');
    let index = this.shapeIndexes.get(key);
    if (index === undefined) {
      index = this.shapes.push(names) - 1;
      this.shapeIndexes.set(key, index);
    }
    return [index, ...names.map((name) => fields[name] as FieldValue)];
  }
}

/** The snapshot document for `data`, ready for JSON.stringify. */
export function encodeSnapshot(data: SnapshotData): object {
  const tables = new SnapshotTables();
  const records = data.records.map((record) => encodeRecord(record, tables));
  return {
    format: SNAPSHOT_FORMAT,
    version: RECORD_LOG_VERSION,
    covers: data.covers,
    clock: data.clock,
    stamps: tables.stamps,
    shapes: tables.shapes,
    records,
  };
}

function encodeRecord(record: TeamRecord, tables: SnapshotTables): EncodedRecord {
  const groups = new Map<Hlc, Fields>();
  for (const [name, register] of Object.entries(record.fields)) {
    let group = groups.get(register.at);
    if (!group) groups.set(register.at, (group = {}));
    group[name] = register.value;
  }
  const history = record.history.map((entry) => encodeEntry(entry, groups.get(entry.at), tables));
  return [
    record.kind,
    record.id,
    [...groups].map(([at, fields]) => [tables.stamp(at), ...tables.fields(fields)]),
    history,
  ];
}

function encodeEntry(
  entry: HistoryEntry,
  group: Fields | undefined,
  tables: SnapshotTables,
): EncodedEntry {
  const index = tables.stamp(entry.at);
  // The group holds what still stands of the change made at this stamp; if it says anything the
  // entry does not (only a hand-edited file can make two changes share a stamp), keep it whole.
  const standing = group ?? {};
  for (const [name, value] of Object.entries(standing)) {
    if (!(name in entry.set) || !sameValue(entry.set[name] as FieldValue, value)) {
      return [1, index, ...tables.fields(entry.set)];
    }
  }
  const extra: Fields = {};
  let hasExtra = false;
  for (const [name, value] of Object.entries(entry.set)) {
    if (name in standing) continue;
    extra[name] = value;
    hasExtra = true;
  }
  return hasExtra ? [0, index, ...tables.fields(extra)] : index;
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}

/** The log document for `data`, ready for JSON.stringify. */
export function encodeLog(data: LogData): object {
  return {
    format: LOG_FORMAT,
    version: RECORD_LOG_VERSION,
    seq: data.seq,
    ...(data.base === undefined ? {} : { base: data.base }),
    changes: data.changes.map(encodeChange),
  };
}

export function encodeChange(change: Change): EncodedChange {
  return [change.kind, change.id, change.at, change.set];
}

const KINDS = new Set<string>(RECORD_KINDS);

function isKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && KINDS.has(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

/** Checks the format marker and version shared by both documents; a problem line when wrong. */
function headerProblem(raw: unknown, format: string): ProblemLine | undefined {
  if (!isPlainObject(raw) || raw.format !== format) {
    return problemLine(undefined, 'problems:stored.notAnObject');
  }
  if (raw.version !== RECORD_LOG_VERSION) {
    return typeof raw.version === 'number' && raw.version > RECORD_LOG_VERSION
      ? problemLine('version', 'problems:version.newer.madeBy', {
          name: format,
          version: raw.version,
          current: RECORD_LOG_VERSION,
        })
      : foundProblem('version', 'problems:stored.notVersionOne', {}, raw.version);
  }
  return undefined;
}

function isSeq(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

const dropped = (path: string): ProblemLine =>
  withOutcome(problemLine(path, 'problems:stored.invalid'), 'problems:outcome.dropped');

/** Reads a stored snapshot; invalid records are dropped and listed. */
export function parseSnapshot(raw: unknown): ParsedDocument<SnapshotData> {
  const empty: SnapshotData = { covers: 0, clock: null, records: [] };
  const header = headerProblem(raw, SNAPSHOT_FORMAT);
  if (header || !isPlainObject(raw)) {
    const line = header ?? problemLine(undefined, 'problems:stored.notAnObject');
    return { data: empty, issues: [withOutcome(line, 'problems:outcome.startedWithNone')] };
  }
  const issues: ProblemLine[] = [];
  const covers = isSeq(raw.covers) ? raw.covers : 0;
  if (!isSeq(raw.covers)) issues.push(dropped('covers'));
  let clock = isHlc(raw.clock) ? raw.clock : null;
  if (raw.clock !== null && clock === null) issues.push(dropped('clock'));
  const stamps = Array.isArray(raw.stamps) ? raw.stamps : [];
  const shapes = Array.isArray(raw.shapes) ? (raw.shapes as unknown[]) : [];
  const tables: ReadTables = {
    stamp(index) {
      if (typeof index !== 'number') return undefined;
      const stamp: unknown = stamps[index];
      return isHlc(stamp) ? stamp : undefined;
    },
    fields(list, from) {
      const shape = shapes[list[from] as number];
      if (!Array.isArray(shape) || list.length - from - 1 !== shape.length) return undefined;
      const fields: Fields = {};
      shape.forEach((name: unknown, index) => {
        // `__proto__` would set the object's prototype instead of a field: a hand-edited file.
        if (typeof name === 'string' && name !== '__proto__') {
          fields[name] = list[from + 1 + index] as FieldValue;
        }
      });
      return Object.keys(fields).length === shape.length ? fields : undefined;
    },
  };
  const records: TeamRecord[] = [];
  const list = Array.isArray(raw.records) ? (raw.records as unknown[]) : [];
  if (!Array.isArray(raw.records)) issues.push(dropped('records'));
  list.forEach((item, index) => {
    const record = decodeRecord(item, tables);
    if (record) records.push(record);
    else issues.push(dropped(`records.${index}`));
  });
  // The clock must be at least every stamp kept, or a restart could stamp earlier than them.
  for (const stamp of stamps)
    if (isHlc(stamp)) clock = clock === null ? stamp : maxHlc(clock, stamp);
  return { data: { covers, clock, records }, issues };
}

/** How a snapshot's records name its stamps and field lists; undefined for what is not valid. */
interface ReadTables {
  stamp(index: unknown): Hlc | undefined;
  /** The fields encoded in `list` from index `from` on (`[shape, ...values]`). */
  fields(list: readonly unknown[], from: number): Fields | undefined;
}

function decodeRecord(item: unknown, tables: ReadTables): TeamRecord | undefined {
  if (!Array.isArray(item) || item.length !== 4) return undefined;
  const [kind, id, groups, history] = item as unknown[];
  if (!isKind(kind) || !isId(id) || !Array.isArray(groups) || !Array.isArray(history)) {
    return undefined;
  }
  const fields: Record<string, Register> = {};
  const byStamp = new Map<Hlc, Fields>();
  for (const group of groups as unknown[]) {
    if (!Array.isArray(group)) return undefined;
    const at = tables.stamp(group[0]);
    const values = tables.fields(group, 1);
    if (at === undefined || values === undefined) return undefined;
    byStamp.set(at, values);
    for (const [name, value] of Object.entries(values)) fields[name] = { value, at };
  }
  const entries: HistoryEntry[] = [];
  for (const encoded of history as unknown[]) {
    const entry = decodeEntry(encoded, tables, byStamp);
    if (!entry) return undefined;
    entries.push(entry);
  }
  return { kind, id, fields, history: entries };
}

function decodeEntry(
  encoded: unknown,
  tables: ReadTables,
  byStamp: ReadonlyMap<Hlc, Fields>,
): HistoryEntry | undefined {
  if (typeof encoded === 'number') {
    const at = tables.stamp(encoded);
    return at === undefined ? undefined : { at, set: { ...byStamp.get(at) } };
  }
  if (!Array.isArray(encoded) || (encoded[0] !== 0 && encoded[0] !== 1)) return undefined;
  const at = tables.stamp(encoded[1]);
  const set = tables.fields(encoded, 2);
  if (at === undefined || set === undefined) return undefined;
  return { at, set: encoded[0] === 1 ? set : { ...byStamp.get(at), ...set } };
}

/** Reads a stored log document; invalid changes are dropped and listed. */
export function parseLog(raw: unknown): ParsedDocument<LogData | null> {
  const header = headerProblem(raw, LOG_FORMAT);
  if (header || !isPlainObject(raw) || !isSeq(raw.seq) || !Array.isArray(raw.changes)) {
    const where = isPlainObject(raw) && !isSeq(raw.seq) ? 'seq' : 'changes';
    const line = header ?? problemLine(where, 'problems:stored.invalid');
    return { data: null, issues: [withOutcome(line, 'problems:outcome.droppedAlone')] };
  }
  const issues: ProblemLine[] = [];
  const changes: Change[] = [];
  (raw.changes as unknown[]).forEach((item, index) => {
    const change = decodeChange(item);
    if (change) changes.push(change);
    else issues.push(dropped(`changes.${index}`));
  });
  // A base that is not a sequence number only makes another window read the snapshot sooner.
  const base = isSeq(raw.base) ? { base: raw.base } : {};
  return { data: { seq: raw.seq, ...base, changes }, issues };
}

function decodeChange(item: unknown): Change | undefined {
  if (!Array.isArray(item) || item.length !== 4) return undefined;
  const [kind, id, at, set] = item as unknown[];
  if (!isKind(kind) || !isId(id) || !isHlc(at) || !isPlainObject(set)) return undefined;
  return { kind, id, at, set: set as Fields };
}
