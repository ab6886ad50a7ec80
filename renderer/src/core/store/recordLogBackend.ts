/**
 * A `StoreBackend` whose state is a RecordSet (core/team/records.ts) kept as a snapshot plus a
 * short change log, so a save writes only what changed: at 10,000 planner tasks a one-field edit
 * rewrites one small log document instead of the whole 4 MB database.
 *
 * Storage (named documents, formats in recordLogFormat.ts):
 * - `<key>-records`: the snapshot, every record folded in, and the last log sequence it covers.
 * - `<key>-log-<slot>`: log documents in a ring of LOG_SLOTS slots; the document of sequence n
 *   lives in slot n mod LOG_SLOTS and holds up to `segmentChanges` changes or `segmentBytes`.
 *   Host storage has no delete, so slots are reused instead: a slot is only ever written with a
 *   sequence whose previous occupant the snapshot covers, and loading skips every document at or
 *   below the snapshot's sequence. A crash between writing a snapshot and the next log loses
 *   nothing; folding a log twice changes nothing (records are idempotent).
 * - Every `compactEvery` changes (or before the ring would wrap onto a log not yet covered) the
 *   snapshot is written again.
 *
 * Saving diffs the previous data against the new (`writes`), stamps the writes with this
 * machine's clock and folds them in at once, where `save` is called, so the order of calls is
 * the order of changes whatever storage does; writing follows in the same order. Changes that
 * storage refused stay pending and go with the next write, so a failed save is retried by the
 * next one, as with a whole document. Merging changes from teammates goes the same way.
 *
 * The data every screen sees is *materialized* from the records (`materialize`), on load and
 * after a merge, never after a local save: the data saved is what the records now stand for.
 */
import type { MemberId } from '../team/hlc';
import { HybridClock } from '../team/hlc';
import {
  RecordSet,
  recordKey,
  stampWrites,
  type Change,
  type TeamRecord,
  type Write,
} from '../team/records';
import type { ProblemLine } from '../common/problemLine';
import type { DocumentStorage, LoadReport } from './DocumentStorage';
import { DocumentStorageAdapter } from './DocumentStorageAdapter';
import {
  encodeChange,
  encodeLog,
  encodeSnapshot,
  parseLog,
  parseSnapshot,
  type LogData,
} from './recordLogFormat';
import type { Loaded, StoreBackend } from './StoreBackend';

/** When a log document is closed and when the snapshot is rewritten. */
export interface RecordLogLimits {
  /** Changes per log document. */
  segmentChanges: number;
  /** JSON characters per log document. */
  segmentBytes: number;
  /** Changes in logs after which the next write is a snapshot instead. */
  compactEvery: number;
  /** Log slots in the ring (more than compactEvery needs: see the module comment). */
  slots: number;
}

export const DEFAULT_LIMITS: RecordLogLimits = {
  segmentChanges: 200,
  segmentBytes: 256 * 1024,
  compactEvery: 1000,
  slots: 8,
};

/** What `materialize` gives: the data, and what it had to repair to make it consistent. */
export interface Materialized<T, N> {
  db: T;
  notices: readonly N[];
}

export interface RecordLogBackendOptions<T, N> {
  storage: DocumentStorage;
  /** The store's name: documents are `<key>-records` and `<key>-log-<slot>`. */
  key: string;
  /**
   * This machine's member id, or how to get it (core/team/identity.ts), asked for only once the
   * stored documents have been read, so a load that fails writes nothing at all.
   */
  me: MemberId | (() => Promise<MemberId>);
  /** Wall clock for stamps (tests pass their own). */
  now?: () => number;
  /** The writes that turn `prev` into `next` (both immutable: unchanged parts are the same objects). */
  writes(prev: T, next: T): Write[];
  /**
   * The data the records stand for; `previous` (the last materialized or saved data) lets
   * unchanged parts keep their identity.
   */
  materialize(records: RecordSet, previous?: Materialized<T, N>): Materialized<T, N>;
  /**
   * The store's previous whole-document storage: when nothing record-based is stored yet, its
   * data is moved into records on load. The document itself is never written: it stays as the
   * backup of the data as it was.
   */
  legacy?: { key: string; load(): Promise<Loaded<T>> };
  limits?: Partial<RecordLogLimits>;
}

/** A merge folded in: the new data (null when nothing changed) and when it is stored locally. */
export interface MergeOutcome<T> {
  data: T | null;
  saved: Promise<void>;
}

export interface RecordLogBackend<T, N> extends StoreBackend<T> {
  /** The records as they stand (after `load`); callers must not change them. */
  records(): RecordSet;
  /** This machine's clock (after `load`). */
  clock(): HybridClock;
  /** What the last materialization repaired. */
  notices(): readonly N[];
  /**
   * Folds teammates' changes in, now: observes their stamps (a stamp too far in the future is
   * refused and its change skipped), re-materializes, and appends them to the local log, so a
   * team folder that vanishes loses nothing here. Later saves diff against the returned data.
   */
  mergeRemote(changes: readonly Change[]): MergeOutcome<T>;
  /** Called with this machine's own stamped changes once they are stored; returns unsubscribe. */
  onChanges(listener: (changes: readonly Change[]) => void): () => void;
}

const SNAPSHOT_SUFFIX = '-records';
const LOG_SUFFIX = '-log-';

/** The document names a record-log store over `key` uses, e.g. for tests and the benchmark. */
export function recordLogKeys(key: string, slots = DEFAULT_LIMITS.slots) {
  return {
    snapshot: `${key}${SNAPSHOT_SUFFIX}`,
    logs: Array.from({ length: slots }, (_, slot) => `${key}${LOG_SUFFIX}${slot}`),
  };
}

interface Pending {
  change: Change;
  local: boolean;
}

/** The log document being filled: its sequence, its changes and their size as JSON. */
interface Segment {
  seq: number;
  changes: Change[];
  bytes: number;
}

export function createRecordLogBackend<T, N = never>(
  options: RecordLogBackendOptions<T, N>,
): RecordLogBackend<T, N> {
  const limits: RecordLogLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const names = recordLogKeys(options.key, limits.slots);
  const snapshotDoc = new DocumentStorageAdapter(options.storage, names.snapshot, parseSnapshot);
  const logDocs = names.logs.map(
    (name) => new DocumentStorageAdapter(options.storage, name, parseLog),
  );
  const listeners = new Set<(changes: readonly Change[]) => void>();

  let records = new RecordSet();
  let clock: HybridClock | undefined;
  let last: T | undefined;
  let notices: readonly N[] = [];
  let covers = 0;
  let segment: Segment = { seq: 1, changes: [], bytes: 0 };
  let sinceSnapshot = 0;
  let pending: Pending[] = [];
  let needsSnapshot = false;
  let blockedBecause: string | null = null;
  /** The last write stored some of its log documents and then failed (see `undo`). */
  let storedPart = false;
  let queue: Promise<void> = Promise.resolve();

  const loadedClock = (): HybridClock => {
    if (!clock) throw new Error(`The ${options.key} store is used before it was loaded.`);
    return clock;
  };

  /** Runs storage work one at a time, in call order; a failure does not stop later work. */
  function enqueue(work: () => Promise<void>): Promise<void> {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  }

  /** Writes whatever is pending: appended to the log, or as a new snapshot when one is due. */
  async function persist(): Promise<void> {
    storedPart = false;
    if (blockedBecause !== null) throw new Error(`Not saved: ${blockedBecause}.`);
    if (pending.length === 0 && !needsSnapshot) return;
    if (needsSnapshot || sinceSnapshot + pending.length > limits.compactEvery) {
      return compact();
    }
    const batch = pending.slice();
    const docs: LogData[] = [];
    let current: Segment = { ...segment, changes: segment.changes.slice() };
    let dirty = false;
    for (const { change } of batch) {
      const size = JSON.stringify(encodeChange(change)).length + 1;
      const full =
        current.changes.length >= limits.segmentChanges ||
        (current.changes.length > 0 && current.bytes + size > limits.segmentBytes);
      if (full) {
        if (dirty) docs.push({ seq: current.seq, changes: current.changes });
        current = { seq: current.seq + 1, changes: [], bytes: 0 };
      }
      current.changes.push(change);
      current.bytes += size;
      dirty = true;
    }
    docs.push({ seq: current.seq, changes: current.changes });
    // The next slot still holds a log the snapshot does not cover: write a snapshot instead.
    if (current.seq - covers > limits.slots) return compact();
    for (const [index, doc] of docs.entries()) {
      await writeEncoded(logDocFor(doc.seq), encodeLog(doc));
      // A later document may still fail: then part of this batch is stored and must stay.
      storedPart = index < docs.length - 1;
    }
    segment = current;
    sinceSnapshot += batch.length;
    done(batch.length);
  }

  /** Writes every record as the new snapshot, covering every log written so far. */
  async function compact(): Promise<void> {
    const count = pending.length;
    const seq = segment.seq;
    // Encoded now, with every pending change in it: later saves fold in while this is written.
    await writeEncoded(
      snapshotDoc,
      encodeSnapshot({ covers: seq, clock: loadedClock().latest(), records: [...records.all()] }),
    );
    covers = seq;
    segment = { seq: seq + 1, changes: [], bytes: 0 };
    sinceSnapshot = 0;
    needsSnapshot = false;
    done(count);
  }

  /**
   * Takes back a save storage refused, when nothing of it was stored and nothing came after it:
   * then, as with a whole document, what was stored before stands and the next save starts from
   * it (an import too large for the browser's storage must not stay pending forever). Otherwise
   * its changes stay pending and go with the next write.
   */
  function undo(save: {
    before: ReadonlyMap<string, TeamRecord | undefined>;
    changes: readonly Change[];
    previous: T;
    data: T;
  }): void {
    const count = save.changes.length;
    const tail = pending.slice(-count);
    const lastInLine =
      last === save.data &&
      tail.length === count &&
      tail.every((item, index) => item.change === save.changes[index]);
    if (!lastInLine || storedPart) return;
    pending = pending.slice(0, -count);
    const restored = new RecordSet();
    for (const record of records.all()) {
      if (!save.before.has(recordKey(record.kind, record.id))) restored.merge([record]);
    }
    for (const record of save.before.values()) if (record) restored.merge([record]);
    records = restored;
    last = save.previous;
  }

  function logDocFor(seq: number): DocumentStorageAdapter<LogData | null> {
    return logDocs[seq % limits.slots] as DocumentStorageAdapter<LogData | null>;
  }

  /** The first `count` pending changes are stored: tell listeners about this machine's own. */
  function done(count: number): void {
    const stored = pending.slice(0, count);
    pending = pending.slice(count);
    const local = stored.filter((item) => item.local).map((item) => item.change);
    if (local.length === 0) return;
    for (const listener of listeners) {
      try {
        listener(local);
      } catch (error) {
        // A listener's bug must not make a save that succeeded look failed.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  async function load(): Promise<Loaded<T>> {
    records = new RecordSet();
    pending = [];
    needsSnapshot = false;
    blockedBecause = null;
    const [snapshot, ...logs] = await Promise.all([
      snapshotDoc.read(),
      ...logDocs.map((doc) => doc.read()),
    ]);
    const reports = [snapshotDoc, ...logDocs].map((doc) => ({
      name: doc.key,
      report: doc.lastLoad,
    }));
    covers = snapshot?.covers ?? 0;
    if (snapshot) records.merge(snapshot.records);
    const live = logs
      .filter((log): log is LogData => log !== null && log.seq > covers)
      .sort((a, b) => a.seq - b.seq);
    // Every stamp stored here was made or accepted by this machine: the clock resumes after the
    // latest, even if the wall clock has gone back since.
    let latest = snapshot?.clock ?? undefined;
    sinceSnapshot = 0;
    for (const log of live) {
      for (const { at } of log.changes) if (latest === undefined || at > latest) latest = at;
      records.apply(log.changes);
      sinceSnapshot += log.changes.length;
    }
    const newest = live.at(-1);
    segment = newest
      ? {
          seq: newest.seq,
          changes: newest.changes,
          bytes: newest.changes.reduce(
            (sum, c) => sum + JSON.stringify(encodeChange(c)).length + 1,
            0,
          ),
        }
      : { seq: covers + 1, changes: [], bytes: 0 };

    let report = combineReports(reports);
    const nothingStored = reports.every((r) => r.report.status === 'missing');
    const legacy = nothingStored ? options.legacy : undefined;
    const legacyLoaded = legacy && (await legacy.load());
    const me = typeof options.me === 'function' ? await options.me() : options.me;
    clock = new HybridClock(me, options.now, latest);
    if (legacy && legacyLoaded) report = migrate(legacy.key, legacyLoaded);
    blockedBecause = blockingReason([...reports.map((r) => r.report), report]);

    const materialized = options.materialize(records);
    last = materialized.db;
    notices = materialized.notices;
    if (needsSnapshot && blockedBecause === null) {
      // Stored now, so the legacy document is read only once; if storage refuses, every save
      // tries again (no log is written before it: a log alone would hide the legacy data).
      await enqueue(persist).catch(() => undefined);
    }
    return { data: last, report };
  }

  /** Moves the legacy document's data into records (stamped as this machine's changes). */
  function migrate(legacyKey: string, loaded: Loaded<T>): LoadReport {
    const { report } = loaded;
    if (report.status !== 'ok' && report.status !== 'repaired') return report;
    const empty = options.materialize(new RecordSet()).db;
    const changes = stampWrites(options.writes(empty, loaded.data), loadedClock());
    records.apply(changes);
    pending = changes.map((change) => ({ change, local: true }));
    needsSnapshot = true;
    if (report.status === 'repaired') return report;
    return { ...report, migratedFromDocument: legacyKey };
  }

  return {
    load,
    save(data) {
      if (last === undefined) return Promise.reject(new Error(`Not saved: not loaded yet.`));
      const previous = last;
      const writes = options.writes(previous, data);
      last = data;
      if (writes.length === 0) return enqueue(persist);
      const changes = stampWrites(writes, loadedClock());
      const before = new Map<string, TeamRecord | undefined>();
      for (const { kind, id } of changes) {
        const key = recordKey(kind, id);
        if (!before.has(key)) before.set(key, records.byKey(key));
      }
      records.apply(changes);
      for (const change of changes) pending.push({ change, local: true });
      return enqueue(async () => {
        try {
          await persist();
        } catch (error) {
          undo({ before, changes, previous, data });
          throw error;
        }
      });
    },
    mergeRemote(changes) {
      const own = loadedClock();
      const accepted = changes.filter((change) => own.observe(change.at));
      const touched = records.apply(accepted);
      if (touched.size === 0) return { data: null, saved: Promise.resolve() };
      const materialized = options.materialize(records, last && { db: last, notices });
      last = materialized.db;
      notices = materialized.notices;
      for (const change of accepted) pending.push({ change, local: false });
      return { data: last, saved: enqueue(persist) };
    },
    records: () => records,
    clock: loadedClock,
    notices: () => notices,
    onChanges(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Writes a document in its stored (encoded) shape through the adapter that reads it back
 * decoded: the adapter keeps writes in order and refuses them while a damaged original could
 * not be kept aside.
 */
function writeEncoded<D>(doc: DocumentStorageAdapter<D>, encoded: object): Promise<void> {
  return doc.write(encoded as D);
}

const SEVERITY: Record<LoadReport['status'], number> = {
  missing: 0,
  ok: 1,
  repaired: 2,
  recovered: 3,
  unreadable: 4,
};

/**
 * One report for the snapshot and the logs: the most serious; when that is a repair, every
 * document's repairs, each line under its document's name, and the first copy kept aside.
 */
export function combineReports(
  reports: readonly { name: string; report: LoadReport }[],
): LoadReport {
  let worst: LoadReport = { status: 'missing' };
  for (const { report } of reports) {
    if (SEVERITY[report.status] > SEVERITY[worst.status]) worst = report;
  }
  if (worst.status !== 'repaired') return worst;
  const issues: ProblemLine[] = [];
  let keptCopyAs: string | null = worst.keptCopyAs;
  for (const { name, report } of reports) {
    if (report.status !== 'repaired') continue;
    if (report.keptCopyAs === null) keptCopyAs = null;
    for (const line of report.issues) {
      issues.push({ ...line, path: line.path === undefined ? name : `${name}.${line.path}` });
    }
  }
  return { status: 'repaired', issues, keptCopyAs };
}

/**
 * Why no save may be written, or null: a document that could not be read (or kept aside)
 * would be covered by the next snapshot and its changes never read again.
 */
function blockingReason(reports: readonly LoadReport[]): string | null {
  for (const report of reports) {
    if (report.status === 'unreadable')
      return `the saved copy could not be read (${report.reason})`;
    if (report.status === 'repaired' && report.keptCopyAs === null) {
      return 'the original could not be copied aside';
    }
  }
  return null;
}
