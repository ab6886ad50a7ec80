/** What one run of the team bench found (tests/bench/results/team.json). */
import { percentile } from '../planner/report';
import type { StoreKind, StoreRunResult } from './saveLoop';

/** Sizes measured, each with its save p95 goal in ms (issue 16) and how many saves to time. */
export const SIZES = [
  { tasks: 1_000, goalMs: 10, saves: 80 },
  { tasks: 10_000, goalMs: 40, saves: 30 },
] as const;
export const WARMUP = 5;
/** Issue 16: reading a team folder of 15 members holding 10,000 records in total. */
export const TEAM_READ = { members: 15, records: 10_000, goalMs: 2_000 } as const;

export interface Spread {
  p50: number;
  p95: number;
  max: number;
}

export interface SaveRun {
  host: 'desktop' | 'browser';
  kind: StoreKind;
  tasks: number;
  goalMs: number;
  n: number;
  save: Spread;
  mainThread: Spread;
  firstSaveMs: number;
  /** What the planner's documents take: bytes on disk, or UTF-16 units in localStorage. */
  storedBytes: number;
}

export interface TeamReadRun {
  members: number;
  /** Records the members published, and records the reader holds after the merge. */
  published: number;
  records: number;
  /** The read's warnings, by code, e.g. `badChange × 736`. */
  warnings: string[];
  changes: number;
  files: number;
  /** TeamSync.read() of every member folder, cold (nothing cached). */
  readMs: number;
  /** The changes merged into the planner: folded, materialized and stored in the local log. */
  mergeMs: number;
}

export interface TeamResult {
  date: string;
  load: { start: number[]; end: number[] };
  chromium: string | null;
  saves: SaveRun[];
  /** One 10 KB document written by the desktop's data folder code: its own floor (the flush). */
  desktopFloor: Spread | null;
  teamRead: TeamReadRun | null;
  failures: string[];
}

export function spread(values: readonly number[]): Spread {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) };
}

/** A run's timings summarised. */
export function saveRun(
  host: SaveRun['host'],
  run: StoreRunResult,
  goalMs: number,
  storedBytes: number,
): SaveRun {
  return {
    host,
    kind: run.kind,
    tasks: run.tasks,
    goalMs,
    n: run.samples.length,
    save: spread(run.samples.map((s) => s.saveMs)),
    mainThread: spread(run.samples.map((s) => s.mainThreadMs)),
    firstSaveMs: run.firstSaveMs,
    storedBytes,
  };
}
