import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { workerJobs } from '../support/workerJobs';
import { DEFAULT_CONTENT_DIR } from '../../../build/content/commands';
import { runContentPipeline } from '../../../build/content/pipeline';
import { readPack } from '../../../renderer/src/core/packs/readPack';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import type { SegmentFragments } from '../../../renderer/src/core/search/layout/format';
import { REPO_ROOT, type BenchCorpus } from '../search/corpus';
import type { RunMeasurement } from '../search/measure';
import { buildQuerySets, QUERY_KINDS, type QueryKind } from '../search/queries';
import { generatePack } from './generate';
import { serializeSegments, type ImportContext, type ImportMeasurement } from './measure';
import type { PackJobSpec } from './worker';

/** Pack sizes imported, in table order (issue 15: 100 and 1,000 documents). */
export const PACK_SIZES = [100, 1_000] as const;
/** The pack searched together with the bundled library. */
export const SEARCH_PACK_SIZE = 1_000;
/** Cold imports per pack size, each in a fresh process; the report gives medians. */
export const IMPORT_RUNS = 5;
/** Runs per search configuration, each in a fresh process; the report gives medians. */
export const SEARCH_RUNS = 5;
/** Passes over each query set per search run, after the warm-up pass (as the search bench's 1k). */
const REPETITIONS = 3;
/** The search bench's query seed: the same way of drawing queries. */
const QUERY_SEED = 7;

/**
 * What is searched, in table order: the bundled library alone (its index as the content pipeline
 * builds and ships it); the library plus the 1,000-document pack as two segments, as the app
 * opens them; and the same documents in one segment, which separates what segmenting costs from
 * what ten times more documents cost.
 */
export const SEARCH_CONFIGS = ['library', 'library + pack', 'one segment'] as const;
export type SearchConfig = (typeof SEARCH_CONFIGS)[number];

/** A generated pack as written. */
export interface PackSummary {
  documents: number;
  fileBytes: number;
  markdownBytes: number;
  writeMs: number;
}

/** One search run of one configuration. */
export type SearchMeasurement = RunMeasurement & { config: SearchConfig; documents: number };

/** The whole run. */
export interface PacksResult {
  packs: PackSummary[];
  imports: ImportMeasurement[];
  searches: SearchMeasurement[];
  /** Queries per kind (typeahead: every prefix typed). */
  queries: Record<QueryKind, number>;
  repetitions: number;
  failures: string[];
  /** Load average (1, 5, 15 min) when the run started and ended. */
  load: { start: number[]; end: number[] };
  totalMs: number;
}

const WORKER = path.join(import.meta.dirname, 'worker.ts');

async function appVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/**
 * Generates the packs, then imports each one `IMPORT_RUNS` times and runs each search
 * configuration `SEARCH_RUNS` times, every run in a fresh `node --expose-gc` process, one at a
 * time (parallel runs would skew each other), alternating so a burst of load elsewhere hits all.
 */
export async function runPacksSuite(
  loadAverage: () => number[],
  log: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
): Promise<PacksResult> {
  const started = performance.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'onmuni-packs-bench-'));
  const result: PacksResult = {
    packs: [],
    imports: [],
    searches: [],
    queries: Object.fromEntries(QUERY_KINDS.map((kind) => [kind, 0])) as Record<QueryKind, number>,
    repetitions: REPETITIONS,
    failures: [],
    load: { start: loadAverage(), end: [] },
    totalMs: 0,
  };
  const job = workerJobs<PackJobSpec>(WORKER, dir);
  const attempt = async (what: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
      result.failures.push(message);
      log(`packs bench: FAILED ${message}`);
    }
  };

  try {
    const library = await runContentPipeline({ contentDir: DEFAULT_CONTENT_DIR, outDir: null });
    const { vocabulary, documents, index } = library;
    if (!vocabulary || !index) throw new Error('content/ could not be read into a library');
    const real: BenchCorpus = { name: 'real', origin: 'content/', vocabulary, docs: documents };
    const context: ImportContext = {
      vocabulary,
      bundledIds: documents.map((doc) => doc.id),
      appVersion: await appVersion(),
    };
    const contextFile = path.join(dir, 'context.json');
    await writeFile(contextFile, JSON.stringify(context));

    const packFiles = new Map<number, string>();
    for (const size of PACK_SIZES) {
      const pack = await generatePack(real, size, size, context.bundledIds);
      const packFile = path.join(dir, `bench-${size}.onmunipack`);
      await writeFile(packFile, pack.bytes);
      packFiles.set(size, packFile);
      result.packs.push({
        documents: size,
        fileBytes: pack.bytes.length,
        markdownBytes: pack.markdownBytes,
        writeMs: pack.writeMs,
      });
      log(`packs bench: wrote a ${size}-document pack (${pack.bytes.length} bytes)`);
    }

    for (let run = 1; run <= IMPORT_RUNS; run++)
      for (const [size, packFile] of packFiles)
        await attempt(`import of ${size} documents, run ${run}`, async () => {
          const measured = await job<ImportMeasurement>({ kind: 'import', packFile, contextFile });
          result.imports.push(measured);
          log(
            `packs bench: ${size} documents, run ${run}: import ${measured.importMs.toFixed(0)} ms, index ${measured.indexMs.toFixed(0)} ms`,
          );
        });

    // The searched pack, read and indexed as the app does it (untimed here; timed above).
    const packBytes = new Uint8Array(await readFile(packFiles.get(SEARCH_PACK_SIZE) as string));
    const read = await readPack(packBytes, {
      ...context,
      bundledIds: new Set(context.bundledIds),
      releaseText: null,
    });
    if (!read.ok) throw new Error(`the ${SEARCH_PACK_SIZE}-document pack was refused`);
    const packDocs = read.pack.documents;
    const segments: Record<SearchConfig, SegmentFragments[]> = {
      library: [index],
      'library + pack': [index, buildSegment(packDocs, vocabulary)],
      'one segment': [buildSegment([...documents, ...packDocs], vocabulary)],
    };
    const counts: Record<SearchConfig, number> = {
      library: documents.length,
      'library + pack': documents.length + packDocs.length,
      'one segment': documents.length + packDocs.length,
    };
    // Queries drawn from everything searched with the pack: what a user with the pack types.
    // Every configuration answers the same queries, so the difference is what the pack costs.
    const queries = buildQuerySets([...documents, ...packDocs], QUERY_SEED);
    for (const kind of QUERY_KINDS) result.queries[kind] = queries[kind].length;
    const queriesFile = path.join(dir, 'queries.json');
    await writeFile(queriesFile, JSON.stringify({ queries, vocabulary }));
    const segmentFiles = new Map<SearchConfig, string>();
    for (const config of SEARCH_CONFIGS) {
      const file = path.join(dir, `segments-${SEARCH_CONFIGS.indexOf(config)}.bin`);
      await writeFile(file, serializeSegments(segments[config]));
      segmentFiles.set(config, file);
    }

    for (let run = 1; run <= SEARCH_RUNS; run++)
      for (const config of SEARCH_CONFIGS)
        await attempt(`search, ${config}, run ${run}`, async () => {
          const measured = await job<RunMeasurement>({
            kind: 'search',
            label: config,
            segmentsFile: segmentFiles.get(config) as string,
            queriesFile,
            repetitions: REPETITIONS,
          });
          result.searches.push({ ...measured, config, documents: counts[config] });
          log(
            `packs bench: search, ${config}, run ${run}: ready in ${measured.readyMs.toFixed(0)} ms`,
          );
        });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  result.load.end = loadAverage();
  result.totalMs = performance.now() - started;
  return result;
}
