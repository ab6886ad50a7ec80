/**
 * The planner save benchmark (issue 5, "Benchmark"): save latency and main-thread time per save
 * with 1,000 and 10,000 tasks through the real store (lowdb over the browser host's storage
 * logic), in Node over an in-memory Web Storage and in Chromium over real localStorage.
 * Goal: p95 under 10 ms at 1,000 tasks and under 40 ms at 10,000.
 *
 * Registered in tests/bench/benchmarks.ts; runs alone with `npx tsx tests/bench/planner/main.ts`.
 */
import { performance } from 'node:perf_hooks';
import type { Benchmark, BenchRow } from '../support/types';
import { runInChromium } from './chromium';
import { MemoryWebStorage } from './memoryStorage';
import { rowsFor } from './report';
import { runSaves } from './saveLoop';

/** Sizes measured, each with its p95 goal in ms and how many saves to time. */
export const SIZES = [
  { tasks: 1_000, goalMs: 10, saves: 80 },
  { tasks: 10_000, goalMs: 40, saves: 30 },
] as const;
const WARMUP = 5;

/** Node's main-thread time for `run`: event-loop utilisation's active time over the save. */
async function nodeBusyProbe(run: () => Promise<void>): Promise<number> {
  const before = performance.eventLoopUtilization();
  await run();
  return performance.eventLoopUtilization(before).active;
}

/** Runs both environments and returns the rows for the shared table. */
export default async function runPlannerBenchmark(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    console.log(`bench: planner saves, ${size.tasks} tasks, Node…`);
    const result = await runSaves(
      new MemoryWebStorage(),
      size.tasks,
      size.saves,
      WARMUP,
      nodeBusyProbe,
    );
    rows.push(...rowsFor('Node, in-memory Web Storage', result, size.goalMs));
  }
  rows.push(...(await runInChromium(SIZES, WARMUP)));
  return rows;
}

/** The benchmark as the harness registers it. */
export const plannerBenchmark: Benchmark = { name: 'planner', run: runPlannerBenchmark };
