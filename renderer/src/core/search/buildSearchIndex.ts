import lunr from 'lunr';
import type { Vocabulary } from '../content/vocabulary';
import { configureAnalyzer } from './analyzer';
import { SEARCH_FIELDS, searchFields, type SearchableDocument } from './searchFields';

/**
 * Document boosts by type: when guidance and an example match a query equally well, the guidance
 * (what to do) comes first and the case studies (who did it) follow.
 */
const TYPE_BOOSTS: Readonly<Partial<Record<SearchableDocument['type'], number>>> = {
  recommendation: 1.3,
  'guide-step': 1.3,
  'key-issue': 1.15,
  opportunity: 1.15,
};

/**
 * Builds the lunr index over documents with the shared analyzer, the field boosts of
 * `SEARCH_FIELDS`, and term positions kept (`metadataWhitelist: ['position']`) for highlighting.
 * Documents are added in id order so the serialized index is byte-for-byte reproducible.
 */
export function buildSearchIndex(
  docs: readonly SearchableDocument[],
  vocabulary: Vocabulary,
): lunr.Index {
  const builder = new lunr.Builder();
  configureAnalyzer(builder);
  builder.metadataWhitelist = ['position'];
  // Less length normalisation than lunr's default (0.75): long, thorough documents such as guide
  // steps should not lose to short entries that merely mention a word in passing.
  builder.b(0.5);
  builder.ref('id');
  for (const field of SEARCH_FIELDS) builder.field(field.name, { boost: field.boost });
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const doc of sorted) {
    builder.add(
      { id: doc.id, ...searchFields(doc, vocabulary) },
      { boost: TYPE_BOOSTS[doc.type] ?? 1 },
    );
  }
  return builder.build();
}

/**
 * Loads a serialized index. Importing this module registers the analyzer's pipeline
 * functions, which `lunr.Index.load` needs.
 */
export function loadSearchIndex(serialized: object): lunr.Index {
  return lunr.Index.load(serialized);
}
