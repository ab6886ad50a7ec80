import type { CatalogEntry } from '../../core/content/model';
import {
  DOC_TYPES,
  POPULATION_BANDS,
  POPULATION_BAND_LABELS,
  TYPE_LABELS,
} from '../../core/content/types';
import type { Vocabulary } from '../../core/content/vocabulary';
import type { FacetName } from '../../core/library/filters';

/** The legend of each filter group. */
export const FACET_LEGENDS: Readonly<Record<FacetName, string>> = {
  type: 'Type',
  topic: 'Topic',
  region: 'Region',
  tier: 'Municipal tier',
  band: 'Population',
};

/** Every value of a dimension with its label, in the order filters list them. */
export function facetOptions(
  facet: FacetName,
  vocabulary: Vocabulary,
): Array<{ value: string; label: string }> {
  switch (facet) {
    case 'type':
      return DOC_TYPES.map((value) => ({ value, label: TYPE_LABELS[value].many }));
    case 'topic':
      return Object.entries(vocabulary.topics).map(([value, label]) => ({ value, label }));
    case 'region':
      return Object.entries(vocabulary.regions).map(([value, label]) => ({ value, label }));
    case 'tier':
      return Object.entries(vocabulary.tiers).map(([value, label]) => ({ value, label }));
    case 'band':
      return POPULATION_BANDS.map((value) => ({ value, label: POPULATION_BAND_LABELS[value] }));
  }
}

/** Topics ordered by how many documents cover them, most first: the "popular topics". */
export function popularTopics(
  entries: readonly CatalogEntry[],
  vocabulary: Vocabulary,
  max: number,
): Array<{ value: string; label: string; count: number }> {
  const counts = new Map<string, number>();
  for (const entry of entries)
    for (const topic of entry.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return Object.entries(vocabulary.topics)
    .map(([value, label]) => ({ value, label, count: counts.get(value) ?? 0 }))
    .filter((topic) => topic.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en-CA'))
    .slice(0, max);
}
