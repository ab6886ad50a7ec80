/**
 * Planning what to write into my own member folder. Pure: TeamSync (teamSync.ts) knows what the
 * folder holds from reading it, asks `planPublish` what to write and remove, and does it.
 *
 * The folder is a change log in segments (`log-000001.json`, …), each rewritten whole and
 * atomically as changes are appended, until it holds `segmentLimit` changes (or would grow past a
 * byte budget that keeps it well inside every reader's size bound); then the next one starts.
 * After `compactAfterSegments` segments, a snapshot of every change of mine still in effect is
 * written under the number of the last segment (`snapshot-000008.json`), and then the segments and
 * snapshots it replaces are removed: the snapshot is written first, so a crash in between leaves
 * more files than needed, never fewer. Files that could not be read are never removed (they may
 * be a sync still arriving), and neither is anything whose changes the caller has not yet seen.
 */
import type { Change, FieldValue } from './records';
import { segmentFileName, snapshotFileName } from './logFiles';

/** A file of my folder that was read, with the changes it holds. */
export interface OwnChangeFile {
  readonly name: string;
  readonly number: number;
  readonly changes: readonly Change[];
}

/** What my folder holds, as far as reading it told. */
export interface OwnFolderState {
  readonly logs: readonly OwnChangeFile[];
  readonly snapshots: readonly OwnChangeFile[];
  /** The greatest segment or snapshot number among the canonical names, read or not. */
  readonly maxNumber: number;
  /** Copies made by sync tools, read and their changes reported: removed once published again. */
  readonly copies: readonly string[];
  /** True when the folder holds changes the caller has not seen yet: nothing is removed. */
  readonly unreported: boolean;
}

export interface PublishLimits {
  readonly segmentLimit: number;
  readonly compactAfterSegments: number;
  /** Characters of JSON a segment or snapshot may hold (well below the readers' byte bound). */
  readonly maxFileChars: number;
}

export interface PublishPlan {
  /** Files to write, in this order: segments, then the snapshot if any. */
  readonly writes: readonly {
    readonly name: string;
    readonly type: 'log' | 'snapshot';
    readonly number: number;
    readonly changes: readonly Change[];
  }[];
  /** Files to remove once every write has succeeded. */
  readonly removals: readonly string[];
  /** Changes my folder lacked (and the writes add). */
  readonly missing: number;
}

/** Identifies a change: its record and stamp (a member never stamps two changes alike). */
function changeKey(change: Change): string {
  return `${change.at} ${change.kind}/${change.id}`;
}

/** What each change of `desired` has that the files do not: the same change with fewer fields. */
export function lackedChanges(
  desired: readonly Change[],
  files: readonly OwnChangeFile[],
): Change[] {
  // One entry per change rather than per field: a publish compares tens of thousands of fields.
  const held = new Map<string, Set<string>>();
  for (const file of files) {
    for (const change of file.changes) {
      const key = changeKey(change);
      let fields = held.get(key);
      if (!fields) {
        fields = new Set();
        held.set(key, fields);
      }
      for (const field in change.set) fields.add(field);
    }
  }
  const lacked: Change[] = [];
  for (const change of desired) {
    const fields = held.get(changeKey(change));
    if (!fields) {
      lacked.push(change);
      continue;
    }
    let set: Record<string, FieldValue> | undefined;
    for (const field in change.set) {
      if (fields.has(field)) continue;
      set ??= {};
      set[field] = change.set[field] as FieldValue;
    }
    if (set) lacked.push({ ...change, set });
  }
  return lacked;
}

function charsOf(change: Change): number {
  return JSON.stringify(change).length + 1;
}

/** What to write and remove so that my folder holds `desired` (see the module comment). */
export function planPublish(
  state: OwnFolderState,
  desired: readonly Change[],
  limits: PublishLimits,
): PublishPlan {
  const missing = lackedChanges(desired, [...state.logs, ...state.snapshots]);
  const latestSnapshot = Math.max(0, ...state.snapshots.map((file) => file.number));
  const segments = appendToSegments(state, missing, latestSnapshot, limits);
  const removals: string[] = [];
  if (state.unreported) return { writes: segments, removals, missing: missing.length };

  const logNumbers = new Set([
    ...state.logs.map((log) => log.number),
    ...segments.map((write) => write.number),
  ]);
  const sinceSnapshot = [...logNumbers].filter((n) => n > latestSnapshot).length;
  let writes: PublishPlan['writes'] = segments;
  let coveredUpTo = latestSnapshot;
  if (
    sinceSnapshot >= limits.compactAfterSegments &&
    desired.reduce((sum, change) => sum + charsOf(change), 0) <= limits.maxFileChars
  ) {
    // The snapshot holds all that the new segments would: write it instead of them.
    const number = Math.max(state.maxNumber, ...segments.map((write) => write.number));
    writes = [{ name: snapshotFileName(number), type: 'snapshot', number, changes: desired }];
    coveredUpTo = number;
  }
  // What a snapshot replaces: segments up to its number and older snapshots (read ones only).
  for (const log of state.logs) if (log.number <= coveredUpTo) removals.push(log.name);
  for (const snapshot of state.snapshots) {
    if (snapshot.number < coveredUpTo) removals.push(snapshot.name);
  }
  removals.push(...state.copies);
  return { writes, removals, missing: missing.length };
}

/** The segments to write so they hold `missing` too: the last one filled up, then new ones. */
function appendToSegments(
  state: OwnFolderState,
  missing: readonly Change[],
  latestSnapshot: number,
  limits: PublishLimits,
): PublishPlan['writes'][number][] {
  if (missing.length === 0) return [];
  const writes: PublishPlan['writes'][number][] = [];
  let number = state.maxNumber;
  // The last segment takes more, unless a snapshot already covers it or it is full.
  const last = state.logs.find((log) => log.number === number && number > latestSnapshot);
  let segment: Change[] = last ? [...last.changes] : [];
  let chars = segment.reduce((sum, change) => sum + charsOf(change), 0);
  if (!last || segment.length >= limits.segmentLimit || chars >= limits.maxFileChars) {
    number += 1;
    segment = [];
    chars = 0;
  }
  for (const change of missing) {
    const size = charsOf(change);
    const full = segment.length >= limits.segmentLimit || chars + size > limits.maxFileChars;
    if (segment.length > 0 && full) {
      writes.push({ name: segmentFileName(number), type: 'log', number, changes: segment });
      number += 1;
      segment = [];
      chars = 0;
    }
    segment.push(change);
    chars += size;
  }
  writes.push({ name: segmentFileName(number), type: 'log', number, changes: segment });
  return writes;
}
