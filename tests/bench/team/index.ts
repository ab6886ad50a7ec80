/**
 * The team folder benchmark (issue 16, "Performance"): planner save p95 at 1,000 and 10,000
 * tasks on both hosts, main thread included, for the whole-document store the planner had and
 * the record-log store it has now, in the same run; and reading a team folder of 15 members
 * holding 10,000 records. Goals: save p95 under 10 ms at 1,000 tasks and under 40 ms at 10,000;
 * the folder read under 2 s.
 *
 * - Desktop: main's data folder code on a temporary folder, in Node (desktop.ts). Node runs the
 *   page's part and main's part on one thread, so "main thread" here is both together.
 * - Browser: the browser host's storage code over real localStorage in headless Chromium.
 *
 * Registered in tests/bench/benchmarks.ts (`npm run bench -- team`); runs alone with
 * `npx tsx tests/bench/team/index.ts`. The raw result goes to tests/bench/results/team.json,
 * from which `readme.ts` rewrites the README's team figures. Never fails on a timing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import type { BenchRow } from '../support/types';
import { runInChromium } from './chromium';
import { openDesktopStorage, timeSmallWrites } from './desktop';
import { formatReport, toBenchRows } from './report';
import { saveRun, SIZES, spread, WARMUP, type SaveRun, type TeamResult } from './result';
import { plannerStoreOf, runStoreSaves, STORE_KINDS } from './saveLoop';
import { runTeamRead } from './teamRead';

/** Where the raw result of the last run is kept. */
export const RESULT_FILE = path.join(import.meta.dirname, '..', 'results', 'team.json');

/** Node's main-thread time for `run`: event-loop utilisation's active time over the save. */
async function nodeBusyProbe(run: () => Promise<void>): Promise<number> {
  const before = nodePerformance.eventLoopUtilization();
  await run();
  return nodePerformance.eventLoopUtilization(before).active;
}

async function runDesktop(failures: string[]): Promise<SaveRun[]> {
  const runs: SaveRun[] = [];
  for (const size of SIZES) {
    for (const kind of STORE_KINDS) {
      console.log(`bench: team saves, ${size.tasks} tasks, ${kind}, desktop data folder…`);
      const desktop = await openDesktopStorage();
      try {
        const store = plannerStoreOf(kind, desktop.storage);
        const run = await runStoreSaves(store, kind, size.tasks, size.saves, WARMUP, nodeBusyProbe);
        runs.push(saveRun('desktop', run, size.goalMs, await desktop.storedBytes()));
      } catch (error) {
        failures.push(`desktop, ${kind}, ${size.tasks} tasks: ${String(error)}`);
      } finally {
        await desktop.close();
      }
    }
  }
  return runs;
}

export default async function runTeamBenchmark(): Promise<BenchRow[]> {
  const failures: string[] = [];
  const start = loadavg();
  const saves = await runDesktop(failures);
  console.log('bench: one 10 KB document write, desktop data folder…');
  const desktopFloor = spread(await timeSmallWrites(80));
  let chromium: string | null = null;
  try {
    const browser = await runInChromium(failures);
    chromium = browser.version;
    saves.push(...browser.runs);
  } catch (error) {
    failures.push(`Chromium: ${String(error)}`);
  }
  let teamRead = null;
  try {
    console.log('bench: team folder read, 15 members, 10,000 records…');
    teamRead = await runTeamRead();
  } catch (error) {
    failures.push(`team folder read: ${String(error)}`);
  }
  const result: TeamResult = {
    date: new Date().toISOString(),
    load: { start, end: loadavg() },
    chromium,
    saves,
    desktopFloor,
    teamRead,
    failures,
  };
  console.log(formatReport(result));
  mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
  if (saves.length === 0 && teamRead === null) {
    throw new Error(`every run failed: ${failures[0] ?? 'no runs'}`);
  }
  return toBenchRows(result);
}

if (process.argv[1] === import.meta.filename) await runTeamBenchmark();
