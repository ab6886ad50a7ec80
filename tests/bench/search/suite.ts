import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRealCorpus, REPO_ROOT, type BenchCorpus } from './corpus';
import { ENGINE_NAMES, type EngineName } from './engines';
import { generateCorpus } from './generate';
import type { EngineMeasurement } from './measure';
import { buildQuerySets, type QuerySets } from './queries';
import type { WorkerJob } from './worker';

/** The corpora, in table order. */
export const CORPUS_NAMES = ['real', '1k', '10k'] as const;
export type CorpusName = (typeof CORPUS_NAMES)[number];

/** Fixed seeds: the same corpora and queries on every run. */
const SEEDS = { '1k': 1_000, '10k': 10_000, queries: 7 } as const;

/**
 * How hard to measure each corpus: bigger corpora get fewer passes to keep the run short. At 10k
 * one load is timed (it takes seconds, so noise is small next to it) and each query kind stops
 * after 8 s.
 */
const EFFORT: Record<CorpusName, Pick<WorkerJob, 'loadRuns' | 'repetitions' | 'kindBudgetMs'>> = {
  real: { loadRuns: 5, repetitions: 5, kindBudgetMs: 8_000 },
  '1k': { loadRuns: 5, repetitions: 3, kindBudgetMs: 8_000 },
  '10k': { loadRuns: 1, repetitions: 1, kindBudgetMs: 8_000 },
};

/**
 * Engines skipped at 10k unless `full` is set: plain lunr takes about a minute and 1.2 GB to build
 * 10k documents (perf-anchors §5 has its numbers: 49 s build, 2.4 s open, typeahead p95 190-275 ms)
 * and would push the run well past five minutes. Ours is lunr too and is always measured.
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
}

/** The whole run: corpora, measurements (one per engine and corpus) and failures. */
export interface SuiteResult {
  corpora: CorpusSummary[];
  measurements: EngineMeasurement[];
  failures: Array<{ corpus: CorpusName; engine: EngineName; message: string }>;
  /** Engine and corpus pairs left out to keep the run short. */
  skipped: Array<{ corpus: CorpusName; engine: EngineName }>;
  totalMs: number;
}

const WORKER = path.join(import.meta.dirname, 'worker.ts');

function runWorker(jobFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=6144', '--import', 'tsx', WORKER, jobFile],
      { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`worker exited with ${signal ?? code}`)),
    );
  });
}

async function makeCorpus(name: CorpusName, real: BenchCorpus): Promise<BenchCorpus> {
  if (name === 'real') return real;
  const count = name === '1k' ? 1_000 : 10_000;
  return generateCorpus(real, count, name, SEEDS[name]).corpus;
}

function wordCount(corpus: BenchCorpus): number {
  return corpus.docs.reduce((sum, doc) => sum + doc.plainText.split(/\s+/).length, 0);
}

/**
 * Builds the corpora and query sets, then measures each engine on each corpus in its own
 * `node --expose-gc` process, one at a time (parallel runs would skew each other's timings).
 */
export async function runSearchSuite(options: SuiteOptions = {}): Promise<SuiteResult> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const corpora = options.corpora ?? CORPUS_NAMES;
  const engines = options.engines ?? ENGINE_NAMES;
  const started = performance.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'onmuni-search-bench-'));
  const result: SuiteResult = {
    corpora: [],
    measurements: [],
    failures: [],
    skipped: [],
    totalMs: 0,
  };
  try {
    const real = await loadRealCorpus();
    for (const name of corpora) {
      const corpus = await makeCorpus(name, real);
      const queries = buildQuerySets(corpus.docs, SEEDS.queries);
      const summary: CorpusSummary = {
        name,
        origin: corpus.origin,
        docs: corpus.docs.length,
        words: wordCount(corpus),
        queries: {
          single: queries.single.length,
          multi: queries.multi.length,
          typeahead: queries.typeahead.length,
          typo: queries.typo.length,
          phrase: queries.phrase.length,
        },
      };
      result.corpora.push(summary);
      const corpusFile = path.join(dir, `corpus-${name}.json`);
      await writeFile(corpusFile, JSON.stringify({ corpus, queries }));
      log(`search bench: corpus ${name}: ${summary.docs} docs, ${summary.words} words`);
      for (const engine of engines) {
        if (name === '10k' && !options.full && SKIPPED_AT_10K.includes(engine)) {
          result.skipped.push({ corpus: name, engine });
          log(`search bench:   ${engine}: skipped at 10k (run with --full to include it)`);
          continue;
        }
        const job: WorkerJob = {
          engine,
          ...EFFORT[name],
          corpusFile,
          resultFile: path.join(dir, `result-${name}-${engine}.json`),
        };
        const jobFile = path.join(dir, `job-${name}-${engine}.json`);
        await writeFile(jobFile, JSON.stringify(job));
        const t0 = performance.now();
        try {
          await runWorker(jobFile);
          const measurement = JSON.parse(
            await readFile(job.resultFile, 'utf8'),
          ) as EngineMeasurement;
          result.measurements.push(measurement);
          log(
            `search bench:   ${engine}: ${((performance.now() - t0) / 1000).toFixed(1)} s (build ${(measurement.buildMs / 1000).toFixed(1)} s)`,
          );
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          result.failures.push({ corpus: name, engine, message });
          log(`search bench:   ${engine}: FAILED (${message})`);
        }
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  result.totalMs = performance.now() - started;
  return result;
}
