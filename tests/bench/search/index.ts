/**
 * The search benchmark (issue 4, "Benchmark"): our engine against plain lunr, MiniSearch and
 * FlexSearch on the real corpus and on generated 1,000- and 10,000-document corpora.
 *
 * Registered with `npm run bench` in tests/bench/benchmarks.ts; runs alone with
 * `npx tsx tests/bench/search/main.ts`. A benchmark, not a test: it never fails on a timing.
 */
import { loadavg } from 'node:os';
import type { Benchmark, BenchRow } from '../support/types';
import { formatReport, toBenchRows } from './report';
import { runSearchSuite, type SuiteOptions, type SuiteResult } from './suite';

/** Runs the suite and prints the full report (the one table, goals, engine notes). */
export async function runAndReport(options: SuiteOptions = {}): Promise<SuiteResult> {
  const loadBefore = loadavg();
  const result = await runSearchSuite(options);
  console.log(formatReport(result, loadBefore));
  return result;
}

/** Runs everything, prints the report, and returns the goal rows for the shared bench table. */
export default async function runSearchBenchmark(): Promise<BenchRow[]> {
  const result = await runAndReport();
  if (result.failures.length > 0 && result.measurements.length === 0)
    throw new Error(`every engine failed: ${result.failures[0]?.message ?? ''}`);
  return toBenchRows(result);
}

/** The benchmark as the harness registers it. */
export const searchBenchmark: Benchmark = { name: 'search', run: runSearchBenchmark };
