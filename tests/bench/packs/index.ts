/**
 * The content pack benchmark (issue 15, "Done when"): the time to import and index packs of 100
 * and of 1,000 generated documents, and search latency with the bundled library plus a
 * 1,000-document pack, against the library alone. Packs are written by core `writePack`, read by
 * `readPack` with every check, and indexed by `buildSegment`, as the app's import does.
 *
 * Registered in tests/bench/benchmarks.ts (`npm run bench -- packs`); runs alone with
 * `npx tsx tests/bench/packs/index.ts`. A benchmark, not a test: it never fails on a timing. The
 * raw result goes to tests/bench/results/packs.json, from which `readme.ts` rewrites the README's
 * pack figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { BenchRow } from '../support/types';
import { formatReport, toBenchRows } from './report';
import { runPacksSuite } from './suite';

/** Where the raw result of the last run is kept. */
export const RESULT_FILE = path.join(import.meta.dirname, '..', 'results', 'packs.json');

/** Runs everything, prints the report, keeps the raw result and returns the shared table's rows. */
export default async function runPacksBenchmark(): Promise<BenchRow[]> {
  const result = await runPacksSuite(loadavg);
  console.log(formatReport(result));
  mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
  if (result.imports.length === 0 && result.searches.length === 0)
    throw new Error(`every run failed: ${result.failures[0] ?? 'no runs'}`);
  return toBenchRows(result);
}

if (process.argv[1] === import.meta.filename) await runPacksBenchmark();
