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
 * - Every `compactEvery` changes (or before the ring would come round to a log not yet covered)
 *   the snapshot is written again. Once a snapshot exists, a new one is first announced by a log
 *   document (empty, its `base` the sequence the new snapshot will cover; the slot after the
 *   newest log, or that log itself when it is empty), so the logs alone tell other windows that
 *   the snapshot changed. Appends stop a slot short of a full ring so that slot is always free.
 *
 * Several windows of the app write the same store (the desktop's main and presenter windows, or
 * browser tabs: otherWindows.ts). Each write holds the store's lock across windows and first
 * catches up (recordLogCatchUp.ts): it folds in what the others stored since this window last
 * read or wrote, and carries on from their newest log, so no window writes over another's log or
 * leaves its changes out of a snapshot. What it folded in reaches the screen through
 * `onStoredElsewhere` and `refresh`, as a teammate's merge does; the others hear of each write
 * (`OtherWindows.stored`) and catch up at once, and again when their window comes to the front.
 *
 * Saving diffs the previous data against the new (`writes`), stamps the writes with this
 * machine's clock and folds them in at once, where `save` is called, so the order of calls is
 * the order of changes whatever storage does; writing follows in the same order. Changes that
 * storage refused stay pending and go with the next write, so a failed save is retried by the
 * next one, as with a whole document. Merging changes from teammates goes the same way.
 *
 * The data every screen sees is *materialized* from the records (`materialize`), on load,
 * after a merge and after catching up with another window (`refresh`), never after a local save:
 * the data saved is what the records now stand for.
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
import { inProcessLock, type OtherWindows } from './otherWindows';
import { readStoredSince, recordsToFold, type StoredSince } from './recordLogCatchUp';
import {
  encodeChange,
  encodeLog,
  encodeSnapshot,
  parseLog,
  parseSnapshot,
  type LogData,
  type SnapshotData,
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
  /**
   * Log slots in the ring: at most one less hold logs the snapshot does not cover (see the module
   * comment); enough for compactEvery changes in full segments.
   */
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
  /**
   * The app's other windows over this storage; by default the storage's own
   * (`DocumentStorage.otherWindows`). Without either, writes are serialized within this
   * JavaScript realm only (otherWindows.ts says where that falls short).
   */
  otherWindows?: OtherWindows;
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
  /**
   * Called when changes another window stored were folded into the records (before a write of
   * this one, or on `catchUp`); `refresh` then gives the data. Returns the unsubscribe.
   */
  onStoredElsewhere(listener: () => void): () => void;
  /**
   * The data the records stand for, when changes another window stored were folded in since the
   * data last came from the records; null when none were. Later saves diff against it, so a
   * change waiting to be saved must be saved first (its writes would be lost from the diff).
   */
  refresh(): T | null;
  /**
   * Reads what other windows stored since this one last read or wrote, under the store's lock,
   * and folds it in; true when anything was new (listeners of `onStoredElsewhere` are told).
   */
  catchUp(): Promise<boolean>;
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
  const otherWindows = options.otherWindows ?? options.storage.otherWindows;
  const lock = otherWindows?.lock ?? inProcessLock(options.storage);
  const lockName = `onmuni-records:${options.key}`;
  const listeners = new Set<(changes: readonly Change[]) => void>();
  const elsewhereListeners = new Set<() => void>();

  let records = new RecordSet();
  let clock: HybridClock | undefined;
  let last: T | undefined;
  let notices: readonly N[] = [];
  /** The snapshot's sequence as this window last read or wrote it. */
  let covers = 0;
  /** The greatest log `base` the snapshot was read for (recordLogCatchUp.ts). */
  let checkedBase = 0;
  /** The newest log as stored (changes from every window), which the next append continues. */
  let segment: Segment = { seq: 1, changes: [], bytes: 0 };
  /** Changes in each log the snapshot does not cover: their sum is due for compaction. */
  let logSizes = new Map<number, number>();
  let pending: Pending[] = [];
  let needsSnapshot = false;
  let blockedBecause: string | null = null;
  /** The last write stored some of its log documents and then failed (see `undo`). */
  let storedPart = false;
  /** Counts catch-ups that folded something in: a save made before one is not taken back. */
  let foreignFolds = 0;
  /** Changes from another window are in the records and not yet in `last` (see `refresh`). */
  let unseen = false;
  let watching = false;
  /** A catch-up waiting its turn in the queue, which a new request joins. */
  let waitingCatchUp: Promise<boolean> | null = null;
  let queue: Promise<void> = Promise.resolve();

  const loadedClock = (): HybridClock => {
    if (!clock) throw new Error(`The ${options.key} store is used before it was loaded.`);
    return clock;
  };

  const sinceSnapshot = (): number => {
    let sum = 0;
    for (const size of logSizes.values()) sum += size;
    return sum;
  };

  /** Runs storage work one at a time, in call order; a failure does not stop later work. */
  function enqueue(work: () => Promise<void>): Promise<void> {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Writes whatever is pending, holding the store across windows: first what other windows
   * stored is folded in, then this window's changes are appended to the log, or written as a new
   * snapshot when one is due.
   */
  async function persist(): Promise<void> {
    storedPart = false;
    if (blockedBecause !== null) throw new Error(`Not saved: ${blockedBecause}.`);
    if (pending.length === 0 && !needsSnapshot) return;
    try {
      await lock(lockName, async () => {
        await catchUp();
        await write();
      });
      otherWindows?.stored(options.key);
    } finally {
      tellStoredElsewhere();
    }
  }

  /** Appends the pending changes to the log, or compacts when a snapshot is due. */
  async function write(): Promise<void> {
    if (needsSnapshot || sinceSnapshot() + pending.length > limits.compactEvery) {
      return compact();
    }
    const batch = pending.slice();
    const docs: LogData[] = [];
    let current: Segment = { ...segment, changes: segment.changes.slice() };
    let dirty = false;
    for (const { change } of batch) {
      const size = changeBytes(change);
      const full =
        current.changes.length >= limits.segmentChanges ||
        (current.changes.length > 0 && current.bytes + size > limits.segmentBytes);
      if (full) {
        if (dirty) docs.push({ seq: current.seq, base: covers, changes: current.changes });
        current = { seq: current.seq + 1, changes: [], bytes: 0 };
      }
      current.changes.push(change);
      current.bytes += size;
      dirty = true;
    }
    docs.push({ seq: current.seq, base: covers, changes: current.changes });
    // The slot after the newest log must stay free to announce a snapshot: compact instead.
    if (current.seq - covers >= limits.slots) return compact();
    for (const [index, doc] of docs.entries()) {
      await writeEncoded(logDocFor(doc.seq), encodeLog(doc));
      logSizes.set(doc.seq, doc.changes.length);
      // A later document may still fail: then part of this batch is stored and must stay.
      storedPart = index < docs.length - 1;
    }
    segment = current;
    done(batch.length);
  }

  /**
   * Writes every record as the new snapshot, covering every log written so far (by any window:
   * the records hold what they stored). When a snapshot already exists, the new one is announced
   * first (see the module comment): a window that has read the old one learns of the new one
   * from the logs, even if this one stops between the two writes.
   */
  async function compact(): Promise<void> {
    const count = pending.length;
    const seq = segment.seq;
    if (covers > 0) await announce(seq);
    // Encoded now, with every pending change in it: later saves fold in while this is written.
    await writeEncoded(
      snapshotDoc,
      encodeSnapshot({ covers: seq, clock: loadedClock().latest(), records: [...records.all()] }),
    );
    covers = seq;
    checkedBase = Math.max(checkedBase, seq);
    segment = { seq: seq + 1, changes: [], bytes: 0 };
    logSizes = new Map();
    needsSnapshot = false;
    done(count);
  }

  /**
   * Writes the log document that announces a snapshot covering `seq`: the newest log itself when
   * it holds nothing (a fresh segment, or an announcement whose snapshot was never written), else
   * the slot after it, which appends keep free; only a ring filled by an older version of the app
   * leaves no free slot, and then the newest log is written again with the new base.
   */
  async function announce(seq: number): Promise<void> {
    const next = seq + 1;
    const doc: LogData =
      segment.changes.length === 0
        ? { seq, base: seq, changes: [] }
        : next - limits.slots <= covers
          ? { seq: next, base: seq, changes: [] }
          : { seq, base: seq, changes: segment.changes };
    await writeEncoded(logDocFor(doc.seq), encodeLog(doc));
  }

  /**
   * Folds in what other windows stored since this one last read or wrote (recordLogCatchUp.ts),
   * and moves on to their newest log. Called holding the lock.
   */
  async function catchUp(): Promise<boolean> {
    const found = await readStoredSince(
      { snapshot: snapshotDoc, logs: logDocs },
      { seq: segment.seq, covers, checkedBase },
    );
    const own = loadedClock();
    let touched = 0;
    if (found.snapshot) touched += foldSnapshot(found.snapshot, found);
    for (const log of found.logs) {
      if (log.seq <= covers) continue;
      const known = log.seq === segment.seq ? knownPart(log) : 0;
      const fresh = known === 0 ? log.changes : log.changes.slice(known);
      for (const change of fresh) own.observe(change.at);
      touched += records.apply(fresh).size;
      logSizes.set(log.seq, log.changes.length);
      // Only a race without the lock could show an older log here: never go back to it.
      if (log.seq < segment.seq) continue;
      const bytes = known === 0 ? 0 : segment.bytes;
      segment = {
        seq: log.seq,
        changes: log.changes,
        bytes: bytes + fresh.reduce((sum, change) => sum + changeBytes(change), 0),
      };
    }
    if (touched === 0) return false;
    foreignFolds += 1;
    unseen = true;
    return true;
  }

  /** Takes in a snapshot catching up read; returns how many records changed. */
  function foldSnapshot(snapshot: SnapshotData, found: StoredSince): number {
    const touched = records.merge(recordsToFold(records, snapshot)).size;
    if (snapshot.clock !== null) loadedClock().observe(snapshot.clock);
    covers = snapshot.covers;
    checkedBase = Math.max(checkedBase, found.base, covers);
    for (const seq of logSizes.keys()) if (seq <= covers) logSizes.delete(seq);
    if (segment.seq <= covers) segment = { seq: covers + 1, changes: [], bytes: 0 };
    return touched;
  }

  /**
   * How many of a stored log's changes this window already has in `segment`: all of them as it
   * knew them when the stored log continues them (as it does when every window holds the lock),
   * else none, and the whole log is folded again (which changes nothing for what was known).
   */
  function knownPart(log: LogData): number {
    const count = segment.changes.length;
    if (count === 0 || log.changes.length < count) return 0;
    const mine = segment.changes[count - 1];
    const theirs = log.changes[count - 1];
    return mine && theirs && mine.at === theirs.at && mine.id === theirs.id ? count : 0;
  }

  /** Tells the screens' listeners that changes from another window are in the records. */
  function tellStoredElsewhere(): void {
    if (!unseen) return;
    for (const listener of elsewhereListeners) {
      try {
        listener();
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Catches up in turn; joins a catch-up already waiting (news comes in bursts). */
  function catchUpSoon(): Promise<boolean> {
    if (blockedBecause !== null || clock === undefined) return Promise.resolve(false);
    if (waitingCatchUp) return waitingCatchUp;
    let changed = false;
    const run = enqueue(async () => {
      waitingCatchUp = null;
      try {
        changed = await lock(lockName, catchUp);
      } finally {
        tellStoredElsewhere();
      }
    }).then(() => changed);
    waitingCatchUp = run;
    return run;
  }

  /**
   * Takes back a save storage refused, when nothing of it was stored and nothing came after it
   * (no later save, no change from another window folded in): then, as with a whole document,
   * what was stored before stands and the next save starts from it (an import too large for the
   * browser's storage must not stay pending forever). Otherwise its changes stay pending and go
   * with the next write.
   */
  function undo(save: {
    before: ReadonlyMap<string, TeamRecord | undefined>;
    changes: readonly Change[];
    previous: T;
    data: T;
    foreignFolds: number;
  }): void {
    const count = save.changes.length;
    const tail = pending.slice(-count);
    const lastInLine =
      last === save.data &&
      save.foreignFolds === foreignFolds &&
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

  /** Every document, read holding the lock so no other window is halfway through a write. */
  function readAll(): Promise<[SnapshotData | null, ...(LogData | null)[]]> {
    return lock(lockName, () =>
      Promise.all([snapshotDoc.read(), ...logDocs.map((doc) => doc.read())]),
    );
  }

  async function load(): Promise<Loaded<T>> {
    records = new RecordSet();
    pending = [];
    needsSnapshot = false;
    blockedBecause = null;
    unseen = false;
    const [snapshot, ...logs] = await readAll();
    const reports = [snapshotDoc, ...logDocs].map((doc) => ({
      name: doc.key,
      report: doc.lastLoad,
    }));
    covers = snapshot?.covers ?? 0;
    if (snapshot) records.merge(snapshot.records);
    const live = logs
      .filter((log): log is LogData => log !== null && log.seq > covers)
      .sort((a, b) => a.seq - b.seq);
    checkedBase = Math.max(covers, ...live.map((log) => log.base ?? 0));
    // Every stamp stored here was made or accepted by this machine: the clock resumes after the
    // latest, even if the wall clock has gone back since.
    let latest = snapshot?.clock ?? undefined;
    logSizes = new Map();
    for (const log of live) {
      for (const { at } of log.changes) if (latest === undefined || at > latest) latest = at;
      records.apply(log.changes);
      logSizes.set(log.seq, log.changes.length);
    }
    const newest = live.at(-1);
    segment = newest
      ? {
          seq: newest.seq,
          changes: newest.changes,
          bytes: newest.changes.reduce((sum, change) => sum + changeBytes(change), 0),
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
    watchOtherWindows();
    if (needsSnapshot && blockedBecause === null) {
      // Stored now, so the legacy document is read only once; if storage refuses, every save
      // tries again (no log is written before it: a log alone would hide the legacy data).
      await enqueue(persist).catch(() => undefined);
    }
    return { data: last, report };
  }

  /** Catches up when another window says it stored this store, or this window comes back. */
  function watchOtherWindows(): void {
    if (watching || !otherWindows) return;
    watching = true;
    otherWindows.watch((name) => {
      if (name === null || name === options.key) void catchUpSoon().catch(() => undefined);
    });
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
      const folds = foreignFolds;
      return enqueue(async () => {
        try {
          await persist();
        } catch (error) {
          undo({ before, changes, previous, data, foreignFolds: folds });
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
      // Whatever another window stored and was folded in before is in this data too.
      unseen = false;
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
    onStoredElsewhere(listener) {
      elsewhereListeners.add(listener);
      return () => elsewhereListeners.delete(listener);
    },
    refresh() {
      if (!unseen) return null;
      unseen = false;
      const materialized = options.materialize(records, last && { db: last, notices });
      last = materialized.db;
      notices = materialized.notices;
      return last;
    },
    catchUp: catchUpSoon,
  };
}

/** A change's size in a log document, as JSON with its separating comma. */
function changeBytes(change: Change): number {
  return JSON.stringify(encodeChange(change)).length + 1;
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
