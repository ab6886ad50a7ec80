import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import { buildFragments, loadRealLibrary, openEngine } from './realLibrary';
import { RELEVANCE_ROWS } from './relevanceRows';

/**
 * The relevance suite (`relevanceRows.ts`) run through the real engine over the real library,
 * indexed by the content pipeline's own builder and opened as the app opens it.
 */
let engine: SearchEngine;
let ids: Set<string>;

beforeAll(async () => {
  const library = await loadRealLibrary();
  engine = await openEngine(buildFragments(library));
  await engine.load(['positions', 'lexicon']);
  ids = new Set(library.texts.keys());
}, 60_000);

/** The ranking as text, for failure messages that show what the engine did. */
function describeRanking(query: string): string {
  const { hits } = engine.search(query);
  const top = hits
    .slice(0, 6)
    .map((hit, i) => `${i + 1}. ${hit.id} (${hit.score.toFixed(2)}${hit.viaTypo ? ', typo' : ''})`);
  return `"${query}" -> ${hits.length} hits\n${top.join('\n')}`;
}

describe('search relevance over the real library', () => {
  it('has at least 30 queries, each naming documents that exist', () => {
    expect(RELEVANCE_ROWS.length).toBeGreaterThanOrEqual(30);
    const named = RELEVANCE_ROWS.flatMap((row) => [
      ...row.top3,
      ...(row.absent ?? []),
      ...(row.above ?? []),
    ]);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const row of RELEVANCE_ROWS) {
    const run = row.knownIssue ? it.fails : it;
    const title = row.knownIssue
      ? `${row.query} (known issue: ${row.knownIssue})`
      : `${JSON.stringify(row.query)} -> ${row.top3.join(', ') || `as ${row.sameAs ?? '?'}`}`;
    run(title, () => {
      const { hits } = engine.search(row.query);
      const top3 = hits.slice(0, 3).map((hit) => hit.id);
      const ranking = describeRanking(row.query);
      for (const id of row.top3) expect(top3, ranking).toContain(id);
      if (row.sameAs !== undefined) {
        const spelt = engine.search(row.sameAs).hits.slice(0, 3);
        expect(spelt.length, describeRanking(row.sameAs)).toBe(3);
        expect(top3, ranking).toEqual(spelt.map((hit) => hit.id));
      }
      if (row.above) {
        const order = hits.map((hit) => hit.id);
        const [first, second] = row.above;
        expect(order.indexOf(first), ranking).toBeGreaterThanOrEqual(0);
        if (order.includes(second))
          expect(order.indexOf(first), ranking).toBeLessThan(order.indexOf(second));
      }
      const found = new Set(hits.map((hit) => hit.id));
      for (const id of row.absent ?? []) expect(found.has(id), ranking).toBe(false);
      if (row.typo)
        expect(
          hits.every((hit) => hit.viaTypo),
          ranking,
        ).toBe(true);
      else
        expect(
          hits.slice(0, 3).some((hit) => hit.viaTypo),
          ranking,
        ).toBe(false);
    });
  }
});
