import type { CatalogEntry } from '../../core/content/model';
import { DOC_TYPES, POPULATION_BANDS } from '../../core/content/types';
import type { Vocabulary } from '../../core/content/vocabulary';
import type { FacetName } from '../../core/library/filters';
import { compareText } from '../common/i18n/format';
import { populationBandLabel, typeLabel } from '../content/contentLabels';

/** Every value of a dimension with its label, in the order filters list them. */
export function facetOptions(
  facet: FacetName,
  vocabulary: Vocabulary,
): Array<{ value: string; label: string }> {
  switch (facet) {
    case 'type':
      return DOC_TYPES.map((value) => ({ value, label: typeLabel(value, 'many') }));
    case 'topic':
      return Object.entries(vocabulary.topics).map(([value, label]) => ({ value, label }));
    case 'region':
      return Object.entries(vocabulary.regions).map(([value, label]) => ({ value, label }));
    case 'tier':
      return Object.entries(vocabulary.tiers).map(([value, label]) => ({ value, label }));
    case 'band':
      return POPULATION_BANDS.map((value) => ({ value, label: populationBandLabel(value) }));
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
    .sort((a, b) => b.count - a.count || compareText(a.label, b.label))
    .slice(0, max);
}
