/**
 * The import benchmark (issue 11, "Goals"): every generated hostile file at full scale, up to the
 * 20 MB limit, imported through the real file inputs of the built browser edition in Debian's
 * Chromium (the planner backup on the Planner page, annotations on the Annotations page). For
 * each file: time from choosing it to the preview or refusal (goal < 3 s), heap growth of the page
 * and all its workers (< 300 MB), the longest main-thread task while importing (< 200 ms), and
 * the longest task while opening the plan or document afterwards (< 100 ms). Accepted files too
 * big for browser storage are also imported cut to fit, so that opening afterwards has them.
 *
 * Registered in tests/bench/benchmarks.ts (`npm run bench -- imports`); runs alone with
 * `npx tsx tests/bench/imports/main.ts [name…]`. ONMUNI_RENDERER_OUT picks the build measured.
 * A benchmark, never a test: a missed goal is a finding, not a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../build/scripts/serve';
import { launchChromium } from '../../e2e/support/chromium';
import { readBuiltIndexHtml } from '../support/build-output';
import type { Benchmark, BenchRow } from '../support/types';
import { readDocumentText, writeImportCases, type ImportCase } from './cases';
import { measureImport, type ImportRun } from './measureImport';
import { failedRows, rowsForCase } from './report';

/** Files smaller than this are cheap to import, so each is run three times and the median kept. */
const CHEAP_BYTES = 2 * 1024 * 1024;
const CHEAP_RUNS = 3;

/** The document's text, read from the reader of the build being measured. */
async function documentText(baseURL: string): Promise<string> {
  const browser = await launchChromium();
  try {
    return await readDocumentText(browser, baseURL);
  } finally {
    await browser.close();
  }
}

async function measureCase(baseURL: string, item: ImportCase): Promise<BenchRow[]> {
  const runs: ImportRun[] = [];
  const count = item.bytes < CHEAP_BYTES ? CHEAP_RUNS : 1;
  for (let run = 1; run <= count; run += 1) {
    const label = `${item.importer.label}, ${item.name}`;
    console.log(`bench: imports, ${label}, run ${run}/${count}…`);
    try {
      runs.push(await measureImport(baseURL, item));
    } catch (error) {
      const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      console.error(`bench: imports, ${label}: ${message}`);
      return failedRows(item, message);
    }
    const last = runs[runs.length - 1];
    // A file that freezes or crashes the page once would do it again: one run says enough.
    if (last && (last.outcome === 'timed out' || last.outcome === 'crashed')) break;
  }
  return rowsForCase(item, runs);
}

/**
 * Runs every file (or those whose name contains one of `filters`) and returns the rows for the
 * shared table.
 */
export async function runImportBenchmark(filters: readonly string[] = []): Promise<BenchRow[]> {
  readBuiltIndexHtml();
  const server = await startServer({ port: 0 });
  const folder = mkdtempSync(join(tmpdir(), 'onmuni-import-bench-'));
  try {
    const text = await documentText(server.url);
    const cases = writeImportCases(folder, text).filter(
      (item) => filters.length === 0 || filters.some((filter) => item.name.includes(filter)),
    );
    if (cases.length === 0) throw new Error(`No hostile file matches ${filters.join(', ')}.`);
    const rows: BenchRow[] = [];
    for (const item of cases) rows.push(...(await measureCase(server.url, item)));
    return rows;
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await server.close();
  }
}

/** The benchmark as the harness registers it: every file. */
export default function runAllImports(): Promise<BenchRow[]> {
  return runImportBenchmark();
}

export const importsBenchmark: Benchmark = { name: 'imports', run: runAllImports };
