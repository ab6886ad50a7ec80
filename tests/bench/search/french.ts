import path from 'node:path';
import { runContentPipeline } from '../../../build/content/pipeline';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import type { SegmentFragments } from '../../../renderer/src/core/search/layout/format';
import { LanguageSearch } from '../../../renderer/src/core/search/languageSearch';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import type { BenchRow } from '../support/types';
import { REPO_ROOT } from './corpus';
import { buildQuerySets, QUERY_KINDS, type QueryKind, type QuerySets } from './queries';
import { median, num } from './report';

/**
 * French search beside English (issue 18), on the real library: the French interface's search
 * (French engine, then English) against the English interface's (English engine alone), each
 * with queries drawn from its own language's documents, plus the French engine alone (what the
 * French analyzer and the written-word matching cost, without the second engine). Medians per
 * query kind and their ratios; no goals, so a busy machine cannot fail anything. In-process and
 * after the main suite's workers: the real library is small.
 */

/** Passes over each query set: enough samples for stable medians of sub-millisecond queries. */
const PASSES = 15;
const SEED = 7;

/** Median milliseconds per query kind, for one way of searching. */
export type KindMedians = Record<QueryKind, number>;

export interface FrenchMeasurement {
  docs: { en: number; fr: number };
  /** The English interface: English queries, English engine. */
  english: KindMedians;
  /** The French interface: French queries, French engine then English. */
  french: KindMedians;
  /** French queries, French engine alone. */
  frenchEngineOnly: KindMedians;
}

function open(fragments: SegmentFragments): Promise<SearchEngine> {
  return SearchEngine.open([(kind) => Promise.resolve(fragments[kind].slice())]);
}

/** Whatever searches like `LanguageSearch` or `SearchEngine`. */
interface Searcher {
  search(input: string, options?: { complete?: boolean }): unknown;
  searchWhenReady(input: string, options?: { complete?: boolean }): Promise<unknown>;
}

/** Median time of each kind's queries over `PASSES` passes, after loading every fragment. */
async function measure(searcher: Searcher, queries: QuerySets): Promise<KindMedians> {
  const options = (kind: QueryKind) => ({ complete: kind !== 'typeahead' });
  for (const kind of QUERY_KINDS)
    for (const query of queries[kind]) await searcher.searchWhenReady(query, options(kind));
  const medians = {} as KindMedians;
  for (const kind of QUERY_KINDS) {
    const times: number[] = [];
    for (let pass = 0; pass < PASSES; pass++)
      for (const query of queries[kind]) {
        const start = performance.now();
        searcher.search(query, options(kind));
        times.push(performance.now() - start);
      }
    medians[kind] = median(times);
  }
  return medians;
}

/** Measures French and English search on the real library; null when there is no French library. */
export async function measureFrench(): Promise<FrenchMeasurement | null> {
  const result = await runContentPipeline({
    contentDir: path.join(REPO_ROOT, 'content'),
    outDir: null,
  });
  const french = result.french;
  if (!result.vocabulary || !french?.vocabulary || french.documents.length === 0) return null;
  const [frEngine, enEngine] = await Promise.all([
    open(buildSegment(french.documents, french.vocabulary, 'fr')),
    open(buildSegment(result.documents, result.vocabulary)),
  ]);
  const englishQueries = buildQuerySets(result.documents, SEED);
  const frenchQueries = buildQuerySets(french.documents, SEED);
  return {
    docs: { en: result.documents.length, fr: french.documents.length },
    english: await measure(new LanguageSearch([{ lang: 'en', engine: enEngine }]), englishQueries),
    french: await measure(
      new LanguageSearch([
        { lang: 'fr', engine: frEngine },
        { lang: 'en', engine: enEngine },
      ]),
      frenchQueries,
    ),
    frenchEngineOnly: await measure(frEngine, frenchQueries),
  };
}

/** The French measurement as a table: medians per kind and the French/English ratios. */
export function formatFrench(measured: FrenchMeasurement | null): string {
  if (!measured) return 'French search: no French library (content/fr) to measure.';
  const lines = [
    `French search on the real library (${measured.docs.fr} French, ${measured.docs.en} English documents), median ms per query:`,
    '',
    '| Kind | English (en engine) | French (fr + en engines) | French engine alone | French / English |',
    '| --- | --- | --- | --- | --- |',
    ...QUERY_KINDS.map(
      (kind) =>
        `| ${kind} | ${num(measured.english[kind])} | ${num(measured.french[kind])} | ${num(measured.frenchEngineOnly[kind])} | ${num(measured.french[kind] / measured.english[kind])}× |`,
    ),
  ];
  return lines.join('\n');
}

/** Rows for `npm run bench`'s shared table: the ratios, without goals. */
export function frenchRows(measured: FrenchMeasurement | null): BenchRow[] {
  if (!measured) return [];
  return QUERY_KINDS.map((kind) => ({
    metric: `real docs: French / English search, ${kind} (median)`,
    value: measured.french[kind] / measured.english[kind],
    unit: '×',
    detail: `French ${num(measured.french[kind])} ms (engine alone ${num(measured.frenchEngineOnly[kind])} ms), English ${num(measured.english[kind])} ms`,
  }));
}
