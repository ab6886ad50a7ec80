/**
 * The search benchmark (issue 14): our engine against plain lunr, MiniSearch and FlexSearch on
 * the real corpus and on generated 1,000- and 10,000-document corpora, every goal of the issue
 * marked met or not met.
 *
 * Registered with `npm run bench` in tests/bench/benchmarks.ts; runs alone with
 * `npx tsx tests/bench/search/main.ts`. A benchmark, not a test: it never fails on a timing.
 * The raw result goes to tests/bench/results/search.json, from which `readme.ts` rewrites the
 * README's search figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Benchmark, BenchRow } from '../support/types';
import { formatFrench, frenchRows, measureFrench } from './french';
import { formatReport, toBenchRows } from './report';
import { runSearchSuite, type SuiteOptions, type SuiteResult } from './suite';

/** Where the raw result of the last run is kept. */
export const RESULT_FILE = path.join(import.meta.dirname, '..', 'results', 'search.json');

/**
 * Runs the suite, then French beside English on the real corpus (when it is run), prints the
 * full report and keeps the raw result.
 */
export async function runAndReport(options: SuiteOptions = {}): Promise<SuiteResult> {
  const result = await runSearchSuite(options, loadavg);
  if (!options.corpora || options.corpora.includes('real')) result.french = await measureFrench();
  console.log(formatReport(result));
  if (result.french !== undefined) console.log(`\n${formatFrench(result.french)}`);
  mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/** Runs everything, prints the report, and returns the goal rows for the shared bench table. */
export default async function runSearchBenchmark(): Promise<BenchRow[]> {
  const result = await runAndReport();
  if (result.failures.length > 0 && result.runs.length === 0)
    throw new Error(`every engine failed: ${result.failures[0]?.message ?? ''}`);
  return [...toBenchRows(result), ...frenchRows(result.french ?? null)];
}

/** The benchmark as the harness registers it. */
export const searchBenchmark: Benchmark = { name: 'search', run: runSearchBenchmark };
