/**
 * What other windows of the app stored in a record-log store since this window last read or
 * wrote it (recordLogBackend.ts explains the documents). Read under the store's lock before every
 * write, so a window never writes a log sequence another one already holds, nor a snapshot
 * without their changes.
 *
 * It is cheap on purpose, since it runs on every save: the log being filled and the slot after it
 * (two small documents) when nothing happened elsewhere; more logs when other windows wrote more;
 * the snapshot (megabytes at 10,000 planner tasks) only when another window wrote one, which a
 * log's `base` announces before the snapshot is written, or while this window knows of none yet.
 */
import { canonicalJson } from '../common/canonicalJson';
import type { RecordSet, TeamRecord } from '../team/records';
import type { DocumentStorageAdapter } from './DocumentStorageAdapter';
import type { LogData, SnapshotData } from './recordLogFormat';

/** What this window knows of the store as stored. */
export interface KnownPosition {
  /** The newest log sequence it read or wrote. */
  seq: number;
  /** The `covers` of the snapshot it read or wrote last (0: none). */
  covers: number;
  /** The greatest `base` it has read the snapshot for: a greater one means a newer snapshot. */
  checkedBase: number;
}

/** What storage holds beyond it. */
export interface StoredSince {
  /**
   * Log documents from the known sequence on, in sequence order, as stored; when `snapshot` is
   * set and the ring has moved on past the known sequence, every log the snapshot does not cover.
   */
  logs: LogData[];
  /** The snapshot, when it had to be read. */
  snapshot: SnapshotData | null;
  /** The greatest `base` among the logs read. */
  base: number;
}

export interface StoreDocuments {
  snapshot: DocumentStorageAdapter<SnapshotData | null>;
  /** The log slots, in slot order. */
  logs: readonly DocumentStorageAdapter<LogData | null>[];
}

/** Reads what was stored beyond `known` (see the module comment). A read that fails rejects. */
export async function readStoredSince(
  docs: StoreDocuments,
  known: KnownPosition,
): Promise<StoredSince> {
  const slots = docs.logs.length;
  const logs: LogData[] = [];
  let wrapped = false;
  // Logs are written in sequence order under the lock, so the new ones are the known sequence
  // and those after it, each in its slot, up to the first slot still holding an older one.
  let seq = known.seq;
  for (; seq < known.seq + slots; seq++) {
    const log = await readLog(docs, seq);
    if (log === null || log.seq < seq) break;
    if (log.seq > seq) {
      // The ring came round past the known sequence: logs were written over that only a newer
      // snapshot covers (their writer compacted in between).
      wrapped = true;
      break;
    }
    logs.push(log);
  }
  let base = Math.max(0, ...logs.map((log) => log.base ?? 0));
  const needsSnapshot = wrapped || known.covers === 0 || base > known.checkedBase;
  if (!needsSnapshot) return { logs, snapshot: null, base };
  const snapshot = await readChecked(docs.snapshot);
  const covers = snapshot?.covers ?? 0;
  // A snapshot covering the sequence the scan stopped at may have been written with no log at
  // that sequence (a store's first snapshot, of changes never logged): the logs after it are
  // then further on, and only reading every slot finds them.
  if (!wrapped && covers < seq) return { logs, snapshot, base };
  const all = await Promise.all(docs.logs.map((doc) => readChecked(doc)));
  const live = all
    .filter((log): log is LogData => log !== null && log.seq > covers)
    .sort((a, b) => a.seq - b.seq);
  base = Math.max(base, ...live.map((log) => log.base ?? 0));
  return { logs: live, snapshot, base };
}

function readLog(docs: StoreDocuments, seq: number): Promise<LogData | null> {
  const doc = docs.logs[seq % docs.logs.length];
  if (!doc) throw new Error(`No log slot for sequence ${seq}.`);
  return readChecked(doc);
}

/**
 * Reads a document; rejects when storage could not be read, since writing without knowing what
 * another window stored there could lose it (a damaged document is moved aside or kept aside by
 * the adapter, and what could be read of it comes back).
 */
async function readChecked<D>(doc: DocumentStorageAdapter<D | null>): Promise<D | null> {
  const data = await doc.read();
  if (doc.lastLoad.status === 'unreadable') {
    throw new Error(`the saved copy could not be read (${doc.lastLoad.reason})`);
  }
  return data;
}

/**
 * The records of a snapshot another window wrote that `records` does not already hold as they
 * are. Most are the same (both windows folded the same logs), and comparing is far cheaper than
 * merging: at 10,000 planner tasks merging them all took over 200 ms, most of a snapshot read.
 */
export function recordsToFold(records: RecordSet, snapshot: SnapshotData): TeamRecord[] {
  return snapshot.records.filter((record) => {
    const mine = records.get(record.kind, record.id);
    return mine === undefined || !sameRecord(mine, record);
  });
}

/** Same registers (stamp and value) and the same history stamps: merging changes nothing. */
function sameRecord(a: TeamRecord, b: TeamRecord): boolean {
  if (a.history.length !== b.history.length) return false;
  if (!a.history.every((entry, index) => entry.at === b.history[index]?.at)) return false;
  const names = Object.keys(a.fields);
  if (names.length !== Object.keys(b.fields).length) return false;
  return names.every((name) => {
    const x = a.fields[name];
    const y = b.fields[name];
    return (
      x !== undefined &&
      y !== undefined &&
      x.at === y.at &&
      (x.value === y.value || canonicalJson(x.value) === canonicalJson(y.value))
    );
  });
}
