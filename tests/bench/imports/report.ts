/**
 * The import benchmark's rows for the shared table: four per file (time to the preview or
 * refusal, heap growth, longest main-thread task while importing, longest task while opening the
 * plan or document afterwards), each with the goal.
 */
import { median, round } from '../support/stats';
import type { BenchRow } from '../support/types';
import type { ImportCase } from './cases';
import { IMPORT_LIMIT_MS, type ImportRun } from './measureImport';
import type { LongTasks } from './pageProbes';

/** The goals ("Goals", issue 11). */
export const IMPORT_GOALS = {
  /** Choosing a file to the preview or refusal appearing, in ms. */
  shownMs: 3_000,
  /** Heap growth of the page and all its workers together, in MB. */
  heapMB: 300,
  /** Longest main-thread task while importing, in ms. */
  importTaskMs: 200,
  /** Longest main-thread task while opening a document or plan afterwards, in ms. */
  openTaskMs: 100,
} as const;

/** The Long Tasks API reports only tasks over this long, so "none" means "at most this". */
const LONG_TASK_THRESHOLD_MS = 50;
const MB = 1024 * 1024;

function size(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

/** Median of the measured values, NaN when none was measured (a NaN row is never met). */
function medianOf(values: readonly (number | null)[]): number {
  const measured = values.filter(
    (value): value is number => value !== null && !Number.isNaN(value),
  );
  return measured.length === 0 ? Number.NaN : median(measured);
}

/** "max 120, n=3" when there was more than one run. */
function spread(values: readonly (number | null)[]): string {
  const measured = values.filter(
    (value): value is number => value !== null && !Number.isNaN(value),
  );
  if (values.length < 2 || measured.length === 0) return '';
  return `max ${round(Math.max(...measured))}, n=${values.length}`;
}

function joined(...parts: readonly string[]): string {
  return parts.filter((part) => part !== '').join('; ');
}

/** What happened to the file, said plainly; a wrong outcome is shouted. */
function outcomeText(item: ImportCase, runs: readonly ImportRun[]): string {
  const texts = runs.map((run) => {
    switch (run.outcome) {
      case 'refused':
      case 'accepted': {
        const word = run.outcome === 'refused' ? 'refused' : 'preview';
        const listed = run.outcome === 'refused' && run.listed > 0 ? `, ${run.listed} listed` : '';
        const verdict =
          run.outcome === item.expect
            ? `${word} as expected${listed}`
            : `WRONG OUTCOME: ${run.outcome}, should be ${item.expect}${listed}`;
        return `${verdict}: “${run.message.slice(0, 60)}${run.message.length > 60 ? '…' : ''}”`;
      }
      case 'timed out':
        return `timed out: nothing shown within ${IMPORT_LIMIT_MS / 1000} s`;
      case 'crashed':
        return 'the page crashed (out of memory?)';
      case 'failed':
        return `the run failed: ${run.message}`;
    }
  });
  const distinct = [...new Set(texts)];
  return distinct.length === 1
    ? (distinct[0] ?? '')
    : distinct.map((text) => `${texts.filter((t) => t === text).length}× ${text}`).join(' / ');
}

/** The longest task as a value (an upper bound of 50 ms when none was long), with its detail. */
function longestTask(tasks: LongTasks | null, supported: boolean): number | null {
  if (!supported || tasks === null) return null;
  return tasks.longest ?? LONG_TASK_THRESHOLD_MS;
}

function tasksText(runs: readonly ImportRun[], pick: (run: ImportRun) => LongTasks | null): string {
  if (runs.some((run) => !run.longTaskSupported)) return 'Long Tasks API not available';
  const seen = runs.map(pick).filter((tasks): tasks is LongTasks => tasks !== null);
  if (seen.length === 0) return 'not measured';
  // The run with the longest task speaks for the rest: its count and total are the worst case.
  const worst = seen.reduce((a, b) => ((b.longest ?? 0) > (a.longest ?? 0) ? b : a));
  if (worst.longest === null)
    return `no task over ${LONG_TASK_THRESHOLD_MS} ms (the value is that bound)`;
  const where = seen.length > 1 ? ' in the worst run' : '';
  return `${worst.count} long task(s), ${round(worst.total)} ms in all${where}`;
}

function heapRow(prefix: string, runs: readonly ImportRun[]): BenchRow {
  const growth = runs.map((run) => (run.heap ? run.heap.growthBytes / MB : null));
  const last = runs[runs.length - 1];
  const heap = last?.heap;
  const rss = last?.rssPeakGrowthBytes;
  const detail = heap
    ? joined(
        spread(growth),
        `${heap.samples} readings, largest gap ${round(heap.largestGapMs)} ms` +
          (heap.staleReadings > 0 ? ` (${heap.staleReadings} with an isolate too busy)` : ''),
        heap.workerProblem ?? `${heap.workersSeen} worker(s)`,
        rss === null || rss === undefined ? '' : `renderer RSS peak +${round(rss / MB)} MB`,
        last?.outcome === 'timed out' || last?.outcome === 'crashed' ? 'the import timed out' : '',
      )
    : 'not measured';
  return {
    metric: `${prefix}: heap growth, page + workers`,
    value: medianOf(growth),
    unit: 'MB',
    detail,
    goal: { kind: 'below', limit: IMPORT_GOALS.heapMB },
  };
}

/** The four rows of one file. */
export function rowsForCase(item: ImportCase, runs: readonly ImportRun[]): BenchRow[] {
  // The generator's names start with the importer ("planner-zeros"); others get it added.
  const name = item.name.startsWith(item.importer.kind)
    ? item.name
    : `${item.importer.kind}-${item.name}`;
  const prefix = `${name} (${size(item.bytes)}, expect ${item.expect})`;
  const shown = runs.map(
    (run) => run.shownMs ?? (run.outcome === 'timed out' ? IMPORT_LIMIT_MS : null),
  );
  const importTask = runs.map((run) => longestTask(run.importTasks, run.longTaskSupported));
  const openTask = runs.map((run) => longestTask(run.opened.tasks, run.longTaskSupported));
  const last = runs[runs.length - 1];
  const openReady = runs.map((run) => run.opened.readyMs);
  const opened = last
    ? joined(
        ['not offered', 'not reached'].includes(last.applied) ? '' : `applied: ${last.applied}`,
        last.opened.readyMs === null
          ? ''
          : `${last.opened.what} shown in ${round(medianOf(openReady))} ms`,
        last.opened.note,
      )
    : '';
  return [
    {
      metric: `${prefix}: preview or refusal shown`,
      value: medianOf(shown),
      unit: 'ms',
      detail: joined(outcomeText(item, runs), spread(shown)),
      goal: { kind: 'below', limit: IMPORT_GOALS.shownMs },
    },
    heapRow(prefix, runs),
    {
      metric: `${prefix}: longest main-thread task, importing`,
      value: medianOf(importTask),
      unit: 'ms',
      detail: joined(
        tasksText(runs, (run) => run.importTasks),
        [...new Set(runs.map((run) => run.importNote).filter(Boolean))].join('; '),
        spread(importTask),
      ),
      goal: { kind: 'below', limit: IMPORT_GOALS.importTaskMs },
    },
    {
      metric: `${prefix}: longest main-thread task, opening ${item.importer.opens} after`,
      value: medianOf(openTask),
      unit: 'ms',
      detail: joined(
        tasksText(runs, (run) => run.opened.tasks),
        spread(openTask),
        opened,
      ),
      goal: { kind: 'below', limit: IMPORT_GOALS.openTaskMs },
    },
  ];
}

/** Rows for a file whose runs could not even start (the app did not load, Chromium failed). */
export function failedRows(item: ImportCase, message: string): BenchRow[] {
  return rowsForCase(item, [
    {
      outcome: 'failed',
      message,
      listed: 0,
      shownMs: null,
      heap: null,
      rssPeakGrowthBytes: null,
      importTasks: null,
      importNote: '',
      applied: 'not reached',
      opened: { what: '', readyMs: null, tasks: null, note: '' },
      longTaskSupported: true,
    },
  ]);
}
