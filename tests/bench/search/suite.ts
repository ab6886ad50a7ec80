import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { workerJobs } from '../support/workerJobs';
import { loadRealCorpus, type BenchCorpus } from './corpus';
import { ENGINE_NAMES, type EngineName } from './engines';
import { generateCorpus } from './generate';
import type { FrenchMeasurement } from './french';
import type { BuildMeasurement, RunMeasurement } from './measure';
import { buildQuerySets, type QuerySets } from './queries';
import type { WorkerJob } from './worker';

/** The corpora, in table order. */
export const CORPUS_NAMES = ['real', '1k', '10k'] as const;
export type CorpusName = (typeof CORPUS_NAMES)[number];

/** Fixed seeds: the same corpora and queries on every run. */
const SEEDS = { '1k': 1_000, '10k': 10_000, queries: 7 } as const;

/**
 * Passes over each query set per run: bigger corpora get fewer, to keep the run short. A kind
 * with few queries gets more passes, to MIN_SAMPLES timed samples (`measure.ts`).
 */
const REPETITIONS: Record<CorpusName, number> = { real: 5, '1k': 3, '10k': 1 };

/**
 * Runs per engine and corpus. The goals compare ours with MiniSearch as the median of three
 * runs, so noise on a busy machine cannot flip them; the other engines are for context and run
 * once. The runs alternate engines, so a burst of load elsewhere hits both.
 */
export const RUNS = 3;
const REPEATED: readonly EngineName[] = ['ours', 'minisearch'];

/**
 * Engines skipped at 10k unless `full` is set: plain lunr takes about a minute and 1.2 GB to build
 * 10k documents (perf-anchors §5 has its numbers: 49 s build, 2.4 s open, typeahead p95 190-275 ms)
 * and would push the run well past five minutes.
 */
export const SKIPPED_AT_10K: readonly EngineName[] = ['lunr'];

/** What to run; everything by default. */
export interface SuiteOptions {
  corpora?: readonly CorpusName[];
  engines?: readonly EngineName[];
  /** Also run the engines in SKIPPED_AT_10K on the 10k corpus. */
  full?: boolean;
  /** Progress messages (to stderr by default, so stdout holds only the table). */
  log?: (message: string) => void;
}

/** A corpus as measured: its size and where it came from, for the report. */
export interface CorpusSummary {
  name: CorpusName;
  origin: string;
  docs: number;
  words: number;
  queries: Record<keyof QuerySets, number>;
  repetitions: number;
}

/** The whole run: corpora, builds, runs (several per engine and corpus) and failures. */
export interface SuiteResult {
  corpora: CorpusSummary[];
  builds: BuildMeasurement[];
  runs: RunMeasurement[];
  failures: Array<{ corpus: CorpusName; engine: EngineName; message: string }>;
  /** Engine and corpus pairs left out to keep the run short. */
  skipped: Array<{ corpus: CorpusName; engine: EngineName }>;
  /** French search beside English on the real corpus (french.ts); null without content/fr. */
  french?: FrenchMeasurement | null;
  /** Load average (1, 5, 15 min) when the suite started and ended. */
  load: { start: number[]; end: number[] };
  totalMs: number;
}

const WORKER = path.join(import.meta.dirname, 'worker.ts');

function makeCorpus(name: CorpusName, real: BenchCorpus): BenchCorpus {
  if (name === 'real') return real;
  const count = name === '1k' ? 1_000 : 10_000;
  return generateCorpus(real, count, name, SEEDS[name]).corpus;
}

function wordCount(corpus: BenchCorpus): number {
  return corpus.docs.reduce((sum, doc) => sum + doc.plainText.split(/\s+/).length, 0);
}

/**
 * Builds the corpora and query sets; then, per corpus, builds each engine's index once and runs
 * each engine in fresh `node --expose-gc` processes, one at a time (parallel runs would skew
 * each other's timings).
 */
export async function runSearchSuite(
  options: SuiteOptions = {},
  loadAverage: () => number[] = () => [],
): Promise<SuiteResult> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const corpora = options.corpora ?? CORPUS_NAMES;
  const engines = options.engines ?? ENGINE_NAMES;
  const started = performance.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'onmuni-search-bench-'));
  const result: SuiteResult = {
    corpora: [],
    builds: [],
    runs: [],
    failures: [],
    skipped: [],
    load: { start: loadAverage(), end: [] },
    totalMs: 0,
  };
  const job = workerJobs<Omit<WorkerJob, 'resultFile'>>(WORKER, dir, ['--max-old-space-size=6144']);
  const fail = (corpus: CorpusName, engine: EngineName, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    result.failures.push({ corpus, engine, message });
    log(`search bench:   ${engine}: FAILED (${message})`);
  };
  try {
    const real = await loadRealCorpus();
    for (const name of corpora) {
      const corpus = makeCorpus(name, real);
      const queries = buildQuerySets(corpus.docs, SEEDS.queries);
      result.corpora.push({
        name,
        origin: corpus.origin,
        docs: corpus.docs.length,
        words: wordCount(corpus),
        queries: Object.fromEntries(
          Object.entries(queries).map(([kind, list]) => [kind, list.length]),
        ) as CorpusSummary['queries'],
        repetitions: REPETITIONS[name],
      });
      const corpusFile = path.join(dir, `corpus-${name}.json`);
      await writeFile(corpusFile, JSON.stringify({ corpus, queries }));
      log(`search bench: corpus ${name}: ${corpus.docs.length} docs`);

      const built = new Map<EngineName, BuildMeasurement>();
      for (const engine of engines) {
        if (name === '10k' && !options.full && SKIPPED_AT_10K.includes(engine)) {
          result.skipped.push({ corpus: name, engine });
          continue;
        }
        const spec = {
          engine,
          corpusFile,
          indexFile: path.join(dir, `index-${name}-${engine}`),
          repetitions: REPETITIONS[name],
        };
        try {
          const build = await job<BuildMeasurement>({ ...spec, kind: 'build', binary: false });
          built.set(engine, build);
          result.builds.push(build);
          log(`search bench:   ${engine}: built in ${(build.buildMs / 1000).toFixed(1)} s`);
        } catch (error) {
          fail(name, engine, error);
        }
      }
      for (let run = 0; run < RUNS; run++)
        for (const [engine, build] of built) {
          if (run > 0 && !REPEATED.includes(engine)) continue;
          try {
            const measured = await job<RunMeasurement>({
              engine,
              corpusFile,
              indexFile: path.join(dir, `index-${name}-${engine}`),
              binary: build.binary,
              repetitions: REPETITIONS[name],
              kind: 'run',
            });
            result.runs.push(measured);
            log(
              `search bench:   ${engine}: run ${run + 1}, ready in ${measured.readyMs.toFixed(0)} ms`,
            );
          } catch (error) {
            fail(name, engine, error);
          }
        }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  result.load.end = loadAverage();
  result.totalMs = performance.now() - started;
  return result;
}
