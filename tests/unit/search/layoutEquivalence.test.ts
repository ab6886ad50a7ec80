import { beforeAll, describe, expect, it } from 'vitest';
import { englishAnalyzer } from '../../../renderer/src/core/search/analyzer';
import { typedPrefixes } from '../../bench/search/queries';
import { matchPositions } from '../../../renderer/src/core/search/highlight';
import type { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import type { Position } from '../../../renderer/src/core/search/snippet';
import { buildFragments, loadRealLibrary, openEngine, type RealLibrary } from './realLibrary';
import { buildLunrIndex, loadLunrIndex } from './reference/lunrIndex';
import { LunrSearchEngine } from './reference/lunrSearchEngine';
import { RELEVANCE_ROWS } from './relevanceRows';

/**
 * The compact index must rank exactly as the lunr index it replaced: the same documents, in the
 * same order, with the same scores (to rounding of a sum), the same typo labels and the same
 * highlighted words, for every query of the relevance suite, finished or still being typed.
 * The reference (`reference/`) is the previous engine over a lunr.Index that lunr's own Builder
 * made, so every BM25 weight there is lunr's.
 */
let library: RealLibrary;
let reference: LunrSearchEngine;
let engine: SearchEngine;

beforeAll(async () => {
  library = await loadRealLibrary();
  const lunrIndex = loadLunrIndex(
    JSON.parse(JSON.stringify(buildLunrIndex(library.documents, library.vocabulary))) as object,
  );
  reference = new LunrSearchEngine(lunrIndex, library.texts);
  engine = await openEngine(buildFragments(library));
}, 120_000);

const TYPED = ['shared services', 'online voting', 'Middlesex Centre', 'e-permitting -middlesex'];
const QUERIES = [
  ...RELEVANCE_ROWS.flatMap((row) => [row.query, `${row.query} `]),
  ...TYPED.flatMap(typedPrefixes),
];

/** Hits in an order both engines must agree on: equal scores (to 1e-9) by id. */
function canonical(hits: readonly { id: string; score: number; viaTypo: boolean }[]): string[] {
  return [...hits]
    .sort(
      (a, b) =>
        Number(a.viaTypo) - Number(b.viaTypo) ||
        Number(b.score.toPrecision(9)) - Number(a.score.toPrecision(9)) ||
        (a.id < b.id ? -1 : 1),
    )
    .map((hit) => `${hit.id}${hit.viaTypo ? ' (typo)' : ''}`);
}

const sortedPositions = (positions: Partial<Record<string, readonly Position[]>>) =>
  Object.fromEntries(
    Object.entries(positions)
      .filter(([, list]) => (list?.length ?? 0) > 0)
      .map(([field, list]) => [field, [...(list ?? [])].sort((a, b) => a[0] - b[0])]),
  );

describe('the compact index ranks as the lunr index did', () => {
  it.each(QUERIES.map((query) => [JSON.stringify(query), query]))('%s', async (_, query) => {
    const before = reference.search(query);
    const after = await engine.searchWhenReady(query);
    expect(after.failure).toBeNull();
    expect(canonical(after.hits)).toEqual(canonical(before.hits));
    const scores = new Map(before.hits.map((hit) => [hit.id, hit.score]));
    for (const hit of after.hits)
      expect(hit.score).toBeCloseTo(scores.get(hit.id) ?? Number.NaN, 9);
    for (const hit of before.hits.slice(0, 10)) {
      const texts = library.texts.get(hit.id);
      if (!texts) throw new Error(`no text for ${hit.id}`);
      expect(sortedPositions(matchPositions(texts, after.terms, englishAnalyzer)), hit.id).toEqual(
        sortedPositions(hit.positions),
      );
    }
  });
});
