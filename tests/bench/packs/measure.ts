import { readPack } from '../../../renderer/src/core/packs/readPack';
import type { Vocabulary } from '../../../renderer/src/core/content/vocabulary';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import { ByteReader, ByteWriter } from '../../../renderer/src/core/search/layout/bytes';
import {
  FRAGMENT_KINDS,
  type FragmentKind,
  type FragmentSource,
  type SegmentFragments,
} from '../../../renderer/src/core/search/layout/format';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import type { EngineAdapter } from '../search/engines';
import type { QueryKind } from '../search/queries';

/**
 * What one fresh process measures for the pack benchmark: importing and indexing a pack (the
 * work the app's import Worker does), and searching several index segments at once (the bundled
 * library plus a pack, ranked together).
 */

/** What a pack is read against, as the app reads it (JSON, handed to the worker process). */
export interface ImportContext {
  vocabulary: Vocabulary;
  bundledIds: string[];
  appVersion: string;
}

/** One import of one pack, in a fresh process. */
export interface ImportMeasurement {
  documents: number;
  /** `readPack`: ZIP structure, limits, every hash, UTF-8, manifest, every content rule. */
  importMs: number;
  /** `buildSegment` over the pack's documents: the pack's index, built once and stored. */
  indexMs: number;
  /** The three index fragments, bytes. */
  segmentBytes: number;
  /** V8 heap plus ArrayBuffers held after import and index (documents and segment), after GC. */
  heldBytes: number | null;
  /** Resident set size before the import and the process's peak, bytes. */
  rssBeforeBytes: number;
  peakRssBytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function memoryInUse(): number {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Imports and indexes `bytes`, timing each step; throws if the pack is refused. */
export async function measureImport(
  bytes: Uint8Array,
  context: ImportContext,
): Promise<ImportMeasurement> {
  const before = memoryInUse();
  const rssBeforeBytes = process.memoryUsage().rss;
  const t0 = performance.now();
  const read = await readPack(bytes, {
    vocabulary: context.vocabulary,
    bundledIds: new Set(context.bundledIds),
    appVersion: context.appVersion,
    // As in the app, which does not ship the release text (readPack.ts).
    releaseText: null,
  });
  const t1 = performance.now();
  if (!read.ok) throw new Error(`the pack was refused: ${JSON.stringify(read.problems[0])}`);
  const segment = buildSegment(read.pack.documents, context.vocabulary);
  const t2 = performance.now();
  const heldBytes = gc ? memoryInUse() - before : null;
  const segmentBytes = FRAGMENT_KINDS.reduce((sum, kind) => sum + segment[kind].length, 0);
  return {
    documents: read.pack.documents.length,
    importMs: t1 - t0,
    indexMs: t2 - t1,
    segmentBytes,
    heldBytes,
    rssBeforeBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

/** Several segments as one byte string: their count, then each one's fragments. */
export function serializeSegments(segments: readonly SegmentFragments[]): Uint8Array {
  const out = new ByteWriter();
  out.uint(segments.length);
  for (const segment of segments) for (const kind of FRAGMENT_KINDS) out.raw(segment[kind]);
  return out.finish();
}

function sourcesOf(serialized: Uint8Array): FragmentSource[] {
  const input = new ByteReader(serialized, 'bench segments');
  return Array.from({ length: input.uint() }, () => {
    const fragments = Object.fromEntries(FRAGMENT_KINDS.map((kind) => [kind, input.raw()]));
    return (kind: FragmentKind) => Promise.resolve(fragments[kind] as Uint8Array);
  });
}

/**
 * Our engine over several segments, as the app opens the library and its packs
 * (`SearchEngine.open([bundled, ...packs])`), for the search benchmark's `measureRun`: the same
 * query handling as its `ours` adapter (typeahead as typed, the rest as finished queries, lazy
 * fragments loaded when a query needs them, a fresh engine per pass).
 */
export const segmentsEngine: EngineAdapter = {
  name: 'ours',
  label: 'ours, segments',
  notes: 'SearchEngine.open over the given segments, ranked as one list.',
  build: () => {
    throw new Error('segments are built by the pack benchmark, not by the engine adapter');
  },
  serialize: () => {
    throw new Error('segments are serialized by serializeSegments');
  },
  async load(serialized) {
    const sources = sourcesOf(serialized as Uint8Array);
    let engine = await SearchEngine.open(sources);
    const segments = engine.segments;
    const search = (kind: QueryKind, query: string) => {
      const options = { complete: kind !== 'typeahead' };
      const outcome = engine.search(query, options);
      if (outcome.pending.length === 0) return outcome.hits.length;
      return engine.searchWhenReady(query, options).then((ready) => ready.hits.length);
    };
    return Object.assign(search, { reset: () => (engine = new SearchEngine(segments, sources)) });
  },
};
