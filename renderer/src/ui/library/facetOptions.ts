import type { CatalogEntry } from '../../core/content/model';
import { DOC_TYPES, POPULATION_BANDS } from '../../core/content/types';
import type { Vocabulary } from '../../core/content/vocabulary';
import { BUNDLED_SOURCE, sourceOfId, type FacetName } from '../../core/library/filters';
import { compareText } from '../common/i18n/format';
import { t } from '../common/i18n/i18n';
import type { CollectionInfo } from '../content/contentData';
import { populationBandLabel, typeLabel } from '../content/contentLabels';

/**
 * Every value of a dimension with its label, in the order filters list them. Sources are the
 * bundled library, then the given collections: content packs by title, the user's own documents
 * last.
 */
export function facetOptions(
  facet: FacetName,
  vocabulary: Vocabulary,
  collections: readonly CollectionInfo[],
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
    case 'source':
      return [
        { value: BUNDLED_SOURCE, label: t('library:filters.source.bundled') },
        ...collections
          .filter((collection) => collection.kind === 'pack')
          .map((pack) => ({ value: pack.id, label: pack.title }))
          .sort((a, b) => compareText(a.label, b.label)),
        ...collections
          .filter((collection) => collection.kind === 'own')
          .map((own) => ({ value: own.id, label: t('library:filters.source.own') })),
      ];
  }
}

/**
 * The collections that have documents among `entries`: the sources a list can be filtered by,
 * beside the bundled library. The Library lists no own documents (they have their own section),
 * so "Your documents" is a source on the Search page only.
 */
export function collectionsIn(
  entries: readonly CatalogEntry[],
  collections: readonly CollectionInfo[],
): CollectionInfo[] {
  const present = new Set(entries.map((entry) => sourceOfId(entry.id)));
  return collections.filter((collection) => present.has(collection.id));
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
