import { gzipSync } from 'node:zlib';
import type { BenchCorpus } from './corpus';
import { ENGINES, type EngineAdapter, type EngineName, type Searcher } from './engines';
import { QUERY_KINDS, type QueryKind, type QuerySets } from './queries';

/** Latency of one query kind, in ms. */
export interface Latency {
  p50: number;
  p95: number;
  max: number;
  /**
   * Queries timed: every query of the kind, `passes` times (no time budget), at least
   * MIN_SAMPLES in all.
   */
  n: number;
  /** Mean hits per query: a sanity check that the engine found things. */
  meanHits: number;
}

/** Building and serializing one engine's index over one corpus (done once per corpus). */
export interface BuildMeasurement {
  corpus: string;
  engine: EngineName;
  docs: number;
  buildMs: number;
  serializeMs: number;
  rawBytes: number;
  gzipBytes: number;
  /** Whether the serialized index is bytes (else JSON text). */
  binary: boolean;
  /** Peak resident set size of the building process, bytes. */
  peakRssBytes: number;
}

/** One run: a fresh process loads the index and answers the whole query suite. */
export interface RunMeasurement {
  corpus: string;
  engine: EngineName;
  /**
   * Search-ready, ms: from the serialized index in memory until the first query of every kind
   * has returned its final results (parts of the index loaded on demand count).
   */
  readyMs: number;
  /**
   * Memory the engine holds after the whole query suite ran (V8 heap plus ArrayBuffers, after
   * a full GC, minus the same before loading); null without --expose-gc.
   */
  heapBytes: number | null;
  latency: Record<QueryKind, Latency>;
}

const gc = (globalThis as { gc?: () => void }).gc;

function collect(): void {
  gc?.();
  gc?.();
}

/** Heap in use, counting ArrayBuffers (typed-array indexes live there, outside the V8 heap). */
function memoryInUse(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Fewest timed samples per query kind and run. A p95 is decided by the slowest 5% of the samples:
 * with 40 one-word queries passed over 3 times it was the 7th slowest of 120, so a few pauses
 * (a collection, the process descheduled on a shared machine) decided it. A kind with few queries
 * is passed over more times, the same number for every engine, so its p95 rests on 30 samples.
 */
export const MIN_SAMPLES = 600;

/** Passes over a kind's queries: `repetitions`, or more to reach MIN_SAMPLES. */
export function passesFor(queryCount: number, repetitions: number): number {
  return queryCount === 0 ? 0 : Math.max(repetitions, Math.ceil(MIN_SAMPLES / queryCount));
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

async function timeQueries(
  search: Searcher,
  kind: QueryKind,
  queries: readonly string[],
  repetitions: number,
): Promise<Latency> {
  collect();
  const samples: number[] = [];
  let hits = 0;
  const passes = passesFor(queries.length, repetitions);
  for (let pass = 0; pass < passes; pass++) {
    search.reset?.();
    for (const query of queries) {
      const t0 = performance.now();
      const found = search(kind, query);
      hits += typeof found === 'number' ? found : await found;
      samples.push(performance.now() - t0);
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    n: samples.length,
    meanHits: samples.length === 0 ? 0 : hits / samples.length,
  };
}

/** Builds and serializes one engine's index; the serialized form is returned for the runs. */
export function measureBuild(
  corpus: BenchCorpus,
  name: EngineName,
  engine: EngineAdapter = ENGINES[name],
): { measurement: BuildMeasurement; serialized: string | Uint8Array } {
  collect();
  let t0 = performance.now();
  const built = engine.build(corpus);
  const buildMs = performance.now() - t0;
  t0 = performance.now();
  const serialized = engine.serialize(built);
  const serializeMs = performance.now() - t0;
  return {
    serialized,
    measurement: {
      corpus: corpus.name,
      engine: name,
      docs: corpus.docs.length,
      buildMs,
      serializeMs,
      rawBytes: typeof serialized === 'string' ? Buffer.byteLength(serialized) : serialized.length,
      gzipBytes: gzipSync(serialized).length,
      binary: typeof serialized !== 'string',
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    },
  };
}

/**
 * One run, meant for a fresh `node --expose-gc` process: load the serialized index, answer the
 * first query of every kind (search-ready), then warm up on the whole suite and time every query,
 * then measure the memory the engine holds. `take` hands over the serialized index and drops
 * the caller's reference, so what stays in memory afterwards is what the engine kept.
 */
export async function measureRun(
  corpus: BenchCorpus,
  queries: QuerySets,
  name: EngineName,
  take: () => string | Uint8Array,
  repetitions: number,
  engine: EngineAdapter = ENGINES[name],
): Promise<RunMeasurement> {
  collect();
  const before = memoryInUse();
  // Read before the clock starts (search-ready starts from the index in memory), and let go of
  // once loaded, so what stays in memory after the suite is what the engine kept.
  const input: { serialized?: string | Uint8Array } = { serialized: take() };
  const t0 = performance.now();
  const search = await engine.load(input.serialized ?? '', corpus);
  delete input.serialized;
  for (const kind of QUERY_KINDS) {
    const first = queries[kind][0];
    if (first !== undefined) await search(kind, first);
  }
  const readyMs = performance.now() - t0;

  // Warm-up: one untimed pass over every query of every kind, the same for every engine, so the
  // latencies are those of a search box in use. The cold start is search-ready's to measure
  // (above); measured here, a JIT still compiling in the first timed pass decided the p95 of
  // sub-millisecond queries. The engine is reset afterwards, so nothing it remembers carries over.
  for (const kind of QUERY_KINDS) for (const query of queries[kind]) await search(kind, query);
  search.reset?.();
  const latency = {} as Record<QueryKind, Latency>;
  for (const kind of QUERY_KINDS)
    latency[kind] = await timeQueries(search, kind, queries[kind], repetitions);
  collect();
  const heapBytes = gc ? memoryInUse() - before : null;
  // Keeps the engine alive until after the measurement.
  if (typeof (await search('single', queries.single[0] ?? '')) !== 'number') throw new Error();
  return { corpus: corpus.name, engine: name, readyMs, heapBytes, latency };
}
