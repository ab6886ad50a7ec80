/** The team bench's tables (console and README) and its rows for the shared table. */
import { markdownTable } from '../support/markdown';
import type { BenchRow } from '../support/types';
import { SIZES, TEAM_READ, WARMUP, type SaveRun, type TeamResult } from './result';

const HOSTS: Record<SaveRun['host'], string> = {
  desktop: 'desktop (data folder code, Node)',
  browser: 'browser (localStorage, Chromium)',
};
const STORES: Record<SaveRun['kind'], string> = {
  document: 'whole document (before)',
  records: 'records + log (now)',
};

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const count = (value: number) => value.toLocaleString('en-CA');

function stored(run: SaveRun): string {
  const unit = run.host === 'browser' ? 'M units' : 'MB';
  return `${(run.storedBytes / 1_000_000).toFixed(2)} ${unit}`;
}

function met(run: SaveRun): string {
  return run.save.p95 < run.goalMs && run.mainThread.p95 < run.goalMs ? 'met' : 'NOT MET';
}

export function formatSaveTable(result: TeamResult): string {
  const rows = result.saves.map((run) => [
    HOSTS[run.host],
    count(run.tasks),
    STORES[run.kind],
    `${ms(run.save.p50)} / ${ms(run.save.p95)} / ${ms(run.save.max)}`,
    `${ms(run.mainThread.p50)} / ${ms(run.mainThread.p95)}`,
    `< ${run.goalMs} ms: ${met(run)}`,
    ms(run.firstSaveMs),
    stored(run),
  ]);
  return markdownTable(
    [
      'Host',
      'Tasks',
      'Planner store',
      'Save p50 / p95 / max (ms)',
      'Main thread p50 / p95 (ms)',
      'Goal (p95)',
      'First save, every task (ms)',
      'Stored',
    ],
    rows,
  );
}

export function formatTeamReadTable(result: TeamResult): string {
  const read = result.teamRead;
  if (!read) return 'Team folder read: not measured (see the failures).';
  return markdownTable(
    ['Team folder', 'Read, cold (ms)', 'Merged into the planner (ms)', 'Together', 'Goal'],
    [
      [
        `${read.members} members, ${count(read.published)} records published, ${count(read.changes)} changes read from ${read.files} files, ${count(read.records)} records merged${read.warnings.length > 0 ? ` (warnings: ${read.warnings.join(', ')})` : ''}`,
        ms(read.readMs),
        ms(read.mergeMs),
        ms(read.readMs + read.mergeMs),
        `< ${TEAM_READ.goalMs} ms: ${read.readMs + read.mergeMs < TEAM_READ.goalMs ? 'met' : 'NOT MET'}`,
      ],
    ],
  );
}

export function methodText(result: TeamResult): string {
  const floor = result.desktopFloor;
  const timed = SIZES.map((size) => `${size.saves} at ${count(size.tasks)} tasks`).join(' and ');
  return [
    `Saves: a generated planner (100 tasks and 8 phases a plan) saved once (the "first save" column: for the records, the snapshot a compaction writes every 1,000 changes), then timed saves of one task's owner each (${timed}) after ${WARMUP} untimed ones, through the planner's store as the app's session calls it. Main thread: event-loop utilisation in Node (page and main process together, as one thread there), a posted-message probe in Chromium. The IPC hop of the desktop is not included.`,
    ...(floor
      ? [
          `The desktop's floor: one 10 KB document written by the same data folder code (temporary file, flush to disk, rename, flush of the folder) took ${ms(floor.p50)} ms at the median, ${ms(floor.p95)} ms at p95 and ${ms(floor.max)} ms at most in this run.`,
        ]
      : []),
    `Team folder: ${TEAM_READ.members} members each publish their share of the plans with TeamSync into one folder (desktop folder code, Node); a sixteenth member, freshly started, reads every member folder and merges the changes into its planner (folded, materialized, stored in its local log).`,
    ...(result.failures.length > 0 ? [`Failures: ${result.failures.join('; ')}`] : []),
  ].join('\n\n');
}

export function formatReport(result: TeamResult): string {
  return [formatSaveTable(result), '', formatTeamReadTable(result), '', methodText(result)].join(
    '\n',
  );
}

/** Rows for the shared table: goals on the record store (the old store is the comparison). */
export function toBenchRows(result: TeamResult): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const run of result.saves) {
    const where = `${run.host}, ${run.kind === 'records' ? 'records' : 'whole document'}`;
    const goal = run.kind === 'records' ? { kind: 'below' as const, limit: run.goalMs } : undefined;
    rows.push(
      {
        metric: `Save p95, ${count(run.tasks)} tasks (${where})`,
        value: run.save.p95,
        unit: 'ms',
        detail: `p50 ${ms(run.save.p50)}, max ${ms(run.save.max)}, n=${run.n}; first save ${ms(run.firstSaveMs)} ms`,
        ...(goal && { goal }),
      },
      {
        metric: `Main-thread per save p95, ${count(run.tasks)} tasks (${where})`,
        value: run.mainThread.p95,
        unit: 'ms',
        detail: `p50 ${ms(run.mainThread.p50)}`,
        ...(goal && { goal }),
      },
    );
  }
  const read = result.teamRead;
  if (read) {
    rows.push({
      metric: `Team folder read and merge, ${read.members} members, ${count(read.published)} records`,
      value: read.readMs + read.mergeMs,
      unit: 'ms',
      detail: `read ${ms(read.readMs)}, merge ${ms(read.mergeMs)}; ${read.files} files; ${count(read.records)} of ${count(read.published)} records arrived`,
      goal: { kind: 'below', limit: TEAM_READ.goalMs },
    });
  }
  return rows;
}
