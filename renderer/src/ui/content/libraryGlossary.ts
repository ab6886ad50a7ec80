import { packIdOf } from '../../core/content/ids';
import type { ContentDocument } from '../../core/content/model';
import { GlossaryMatcher, type GlossaryEntry } from '../../core/markdown/glossaryMatcher';

/**
 * Which glossary marks terms in which document: a bundled document uses the bundled glossary
 * only, so installing a pack never changes how the bundled library reads (nor links its words to
 * the pack's definitions); a collection's document (a pack's, or an own document) uses its
 * collection's glossary terms first, then the bundled ones.
 *
 * Matchers are built when a document first needs one and kept for as long as the documents they
 * were built from (the bundled documents are loaded once; a collection's documents until it
 * changes), so a reload of the library builds no regular expression again.
 */

/** What a collection needs to give for its glossary. */
export interface GlossarySource {
  id: string;
  documents: readonly ContentDocument[];
}

/** The bundled glossary's matcher, by the bundled documents it was built from. */
const bundledMatchers = new WeakMap<readonly ContentDocument[], GlossaryMatcher>();
/**
 * A collection's matcher, by the bundled documents and then the collection's documents it was
 * built from: it holds both glossaries, and the same collection is read with each language's
 * bundled library (the French and the English), so keying by the collection alone would give
 * whichever was built first to both.
 */
const collectionMatchers = new WeakMap<
  readonly ContentDocument[],
  WeakMap<readonly ContentDocument[], GlossaryMatcher>
>();

function entriesOf(documents: readonly ContentDocument[]): GlossaryEntry[] {
  return documents.flatMap((doc) =>
    doc.type === 'glossary' ? [{ id: doc.id, term: doc.term, aliases: doc.aliases }] : [],
  );
}

function kept<K extends object>(
  cache: WeakMap<K, GlossaryMatcher>,
  key: K,
  build: () => GlossaryMatcher,
): GlossaryMatcher {
  let matcher = cache.get(key);
  if (!matcher) cache.set(key, (matcher = build()));
  return matcher;
}

/** The glossary for each document of the bundled library and `collections`, by document id. */
export function glossaryChooser(
  bundled: readonly ContentDocument[],
  collections: readonly GlossarySource[],
): (docId: string) => GlossaryMatcher {
  const byId = new Map(collections.map((collection) => [collection.id, collection]));
  const bundledMatcher = () =>
    kept(bundledMatchers, bundled, () => new GlossaryMatcher(entriesOf(bundled)));
  let withBundled = collectionMatchers.get(bundled);
  if (!withBundled) collectionMatchers.set(bundled, (withBundled = new WeakMap()));
  const matchers = withBundled;
  return (docId) => {
    const packId = packIdOf(docId);
    const collection = packId === null ? undefined : byId.get(packId);
    if (!collection) return bundledMatcher();
    return kept(matchers, collection.documents, () => {
      const own = entriesOf(collection.documents);
      return own.length === 0
        ? bundledMatcher()
        : new GlossaryMatcher([...own, ...entriesOf(bundled)]);
    });
  };
}
