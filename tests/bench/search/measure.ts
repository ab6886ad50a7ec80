import { gzipSync } from 'node:zlib';
import type { BenchCorpus } from './corpus';
import { ENGINES, type EngineAdapter, type EngineName, type Searcher } from './engines';
import { QUERY_KINDS, type QueryKind, type QuerySets } from './queries';

/** What one worker process is asked to measure. */
export interface MeasureJob {
  engine: EngineName;
  /** Loads (parse + load) to time; the median is reported, the first also gives the heap. */
  loadRuns: number;
  /** Passes over each query set after warm-up. */
  repetitions: number;
  /** Stop a query kind after this long, keeping the samples so far (reported as n). */
  kindBudgetMs: number;
}

/** Latency of one query kind, in ms. */
export interface Latency {
  p50: number;
  p95: number;
  max: number;
  /** Queries timed (fewer than planned when the time budget ran out). */
  n: number;
  planned: number;
  /** Mean hits per query: a sanity check that the engine found things. */
  meanHits: number;
}

/** Everything measured for one engine on one corpus. */
export interface EngineMeasurement {
  corpus: string;
  engine: EngineName;
  docs: number;
  buildMs: number;
  serializeMs: number;
  rawBytes: number;
  gzipBytes: number;
  /** Time to search-ready (parse + load + setup) of each load run, ms. */
  readyMs: number[];
  /** heapUsed after load minus before, both after a full GC; null without --expose-gc. */
  heapBytes: number | null;
  /** Peak resident set size of the worker so far (build included), bytes. */
  peakRssBytes: number;
  latency: Record<QueryKind, Latency>;
}

const gc = (globalThis as { gc?: () => void }).gc;

function collect(): void {
  gc?.();
  gc?.();
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

function timeQueries(
  search: Searcher,
  kind: QueryKind,
  queries: readonly string[],
  job: MeasureJob,
): Latency {
  collect();
  const samples: number[] = [];
  let hits = 0;
  const started = performance.now();
  outer: for (let rep = 0; rep < job.repetitions; rep++) {
    for (const query of queries) {
      const t0 = performance.now();
      hits += search(kind, query);
      samples.push(performance.now() - t0);
      if (performance.now() - started > job.kindBudgetMs) break outer;
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    n: samples.length,
    planned: queries.length * job.repetitions,
    meanHits: samples.length === 0 ? 0 : hits / samples.length,
  };
}

function buildAndSerialize(
  engine: EngineAdapter,
  corpus: BenchCorpus,
): { buildMs: number; serializeMs: number; serialized: string | Uint8Array } {
  let t0 = performance.now();
  const built = engine.build(corpus);
  const buildMs = performance.now() - t0;
  t0 = performance.now();
  const serialized = engine.serialize(built);
  return { buildMs, serializeMs: performance.now() - t0, serialized };
}

/**
 * Measures one engine on one corpus: build, serialize, load (search-ready and heap), then query
 * latency per kind. Meant to run alone in a fresh `node --expose-gc` process, so heap numbers and
 * JIT state are not shared with other engines. `engine` defaults to the named one; passing
 * another adapter lets an experiment (say, a changed SearchEngine) run through the same code.
 */
export function measureEngine(
  corpus: BenchCorpus,
  queries: QuerySets,
  job: MeasureJob,
  engine: EngineAdapter = ENGINES[job.engine],
): EngineMeasurement {
  collect();
  // The built index lives only inside buildAndSerialize, so it can be collected before loading.
  const { buildMs, serializeMs, serialized } = buildAndSerialize(engine, corpus);
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const rawBytes = Buffer.byteLength(serialized);
  const gzipBytes = gzipSync(serialized).length;

  const readyMs: number[] = [];
  let heapBytes: number | null = null;
  let search: Searcher | null = null;
  for (let run = 0; run < job.loadRuns; run++) {
    search = null;
    collect();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    search = engine.load(serialized, corpus);
    readyMs.push(performance.now() - t0);
    if (run === 0 && gc) {
      collect();
      heapBytes = process.memoryUsage().heapUsed - before;
    }
  }
  if (!search) throw new Error('no load run');

  // Warm-up: a few queries of every kind, untimed, so the first timed query is not a cold JIT.
  for (const kind of QUERY_KINDS)
    for (const query of queries[kind].slice(0, 5)) search(kind, query);
  const latency = Object.fromEntries(
    QUERY_KINDS.map((kind) => [kind, timeQueries(search, kind, queries[kind], job)]),
  ) as Record<QueryKind, Latency>;

  return {
    corpus: corpus.name,
    engine: job.engine,
    docs: corpus.docs.length,
    buildMs,
    serializeMs,
    rawBytes,
    gzipBytes,
    readyMs,
    heapBytes,
    peakRssBytes,
    latency,
  };
}
