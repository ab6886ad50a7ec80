import type { CatalogEntry } from '../../renderer/src/core/content/model';
import {
  DOC_TYPES,
  POPULATION_BANDS,
  TYPE_KEYS,
  type DocType,
  type PopulationBand,
} from '../../renderer/src/core/content/types';
import type { Vocabulary } from '../../renderer/src/core/content/vocabulary';
// The stats report is for the people writing content, in English: it reads the type names
// straight from the app's English catalogue rather than keeping a second list.
import englishContent from '../../renderer/src/locales/en/content.json';

/** Counts over a corpus. */
export interface CorpusStats {
  total: number;
  byType: Record<DocType, number>;
  byTopic: Record<string, number>;
  /** Case studies per region. */
  byRegion: Record<string, number>;
  /** Case studies per population band. */
  byBand: Record<PopulationBand, number>;
  smallRuralNorthern: number;
}

/** Counts documents by type and topic, and case studies by region and population band. */
export function computeStats(
  entries: readonly CatalogEntry[],
  vocabulary: Vocabulary,
): CorpusStats {
  const stats: CorpusStats = {
    total: entries.length,
    byType: Object.fromEntries(DOC_TYPES.map((type) => [type, 0])) as Record<DocType, number>,
    byTopic: Object.fromEntries(Object.keys(vocabulary.topics).map((topic) => [topic, 0])),
    byRegion: Object.fromEntries(Object.keys(vocabulary.regions).map((region) => [region, 0])),
    byBand: Object.fromEntries(POPULATION_BANDS.map((band) => [band, 0])) as Record<
      PopulationBand,
      number
    >,
    smallRuralNorthern: 0,
  };
  for (const entry of entries) {
    stats.byType[entry.type] += 1;
    for (const topic of entry.topics) stats.byTopic[topic] = (stats.byTopic[topic] ?? 0) + 1;
    if (entry.municipality) {
      stats.byRegion[entry.municipality.region] =
        (stats.byRegion[entry.municipality.region] ?? 0) + 1;
      stats.byBand[entry.populationBand ?? 'unknown'] += 1;
      if (entry.municipality.smallRuralNorthern) stats.smallRuralNorthern += 1;
    }
  }
  return stats;
}

/** A corpus size the content issue requires. */
export interface MinimumResult {
  label: string;
  need: number;
  have: number;
  met: boolean;
}

/** The minimum counts of the content issue (issue 3), plus the workshops of issue 7. */
export const MINIMUMS: ReadonlyArray<{
  label: string;
  need: number;
  count: (stats: CorpusStats) => number;
}> = [
  { label: 'about documents', need: 1, count: (s) => s.byType.about },
  { label: 'recommendations', need: 5, count: (s) => s.byType.recommendation },
  { label: 'key issues', need: 3, count: (s) => s.byType['key-issue'] },
  { label: 'opportunities', need: 6, count: (s) => s.byType.opportunity },
  { label: 'guide steps', need: 8, count: (s) => s.byType['guide-step'] },
  { label: 'case studies', need: 20, count: (s) => s.byType['case-study'] },
  { label: 'small, rural or northern case studies', need: 12, count: (s) => s.smallRuralNorthern },
  { label: 'glossary terms', need: 30, count: (s) => s.byType.glossary },
  // Workshop mode (issue 7) ships at least three ready-made sessions.
  { label: 'workshops', need: 3, count: (s) => s.byType.workshop },
];

/** Compares the counts with the minimums. */
export function checkMinimums(stats: CorpusStats): MinimumResult[] {
  return MINIMUMS.map(({ label, need, count }) => {
    const have = count(stats);
    return { label, need, have, met: have >= need };
  });
}

/** The stats as a plain-text report. */
export function formatStats(
  stats: CorpusStats,
  minimums: readonly MinimumResult[],
  vocabulary: Vocabulary,
): string {
  const section = (title: string, rows: Array<[string, number]>) => {
    const width = Math.max(...rows.map(([name]) => name.length));
    return [
      title,
      ...rows.map(([name, count]) => `  ${name.padEnd(width)}  ${String(count).padStart(4)}`),
    ].join('\n');
  };
  return [
    `${stats.total} documents`,
    section(
      'By type',
      DOC_TYPES.map((type) => [englishContent.type[TYPE_KEYS[type]].many, stats.byType[type]]),
    ),
    section(
      'By topic',
      Object.keys(vocabulary.topics).map((topic) => [topic, stats.byTopic[topic] ?? 0]),
    ),
    section(
      'Case studies by region',
      Object.keys(vocabulary.regions).map((region) => [region, stats.byRegion[region] ?? 0]),
    ),
    section(
      'Case studies by population',
      POPULATION_BANDS.map((band) => [band, stats.byBand[band]]),
    ),
    [
      'Minimums (issue 3)',
      ...minimums.map(
        (m) => `  ${m.met ? 'met    ' : 'NOT MET'}  ${m.label}: ${m.have} of at least ${m.need}`,
      ),
    ].join('\n'),
  ].join('\n\n');
}
