import type { Language } from '../../../../electron/shared/language';
import {
  fragmentFileName,
  type FragmentKind,
  type FragmentSource,
} from '../../core/search/layout/format';
import type { Vocabulary } from '../../core/content/vocabulary';
import { Segment } from '../../core/search/layout/segment';
import { englishRangesOf, type EnglishRanges } from '../../core/search/englishRanges';
import { LanguageSearch } from '../../core/search/languageSearch';
import { SearchEngine } from '../../core/search/searchEngine';
import { segmentFields, type SearchField } from '../../core/search/searchFields';
import { currentLanguage } from '../common/i18n/i18n';
import { wordError } from '../common/i18n/wordMessage';
import { openCheckedSegment, unusableFragment } from './checkedSegment';
import {
  fetchData,
  forgetOnLibraryChange,
  leaveOutCollection,
  loadCatalog,
  loadCollections,
  loadDocuments,
  type LibraryCollection,
  type LibraryDocuments,
} from './contentData';
import { contentLanguageOf } from './languageOverlay';
import { SharedLoad, SharedLoads } from './sharedLoad';

/**
 * The search side of the library (contentData.ts has the catalog and documents): the bundled
 * index's core after first paint, off the typing path, and its other fragments when a query first
 * needs them, each fetched once per session; each collection's segment beside it. Each language
 * of the library has its own segment (`search-core.bin`, `search-core.fr.bin`...) and engine; in
 * French, search asks the French engine, then the English one (`LanguageSearch`).
 */

/** Each language's bundled segment, opened once per session and kept. */
const bundledSegments = new SharedLoads<Language, Segment>();
/** Bundled lazy fragments being fetched (once attached to the kept segment, never again). */
const bundledFragmentLoads = new Map<string, Promise<Uint8Array>>();
/** The English engine over the library as it is now (with its collections): forgotten on every reload. */
const engineLoad = new SharedLoad<SearchEngine>();
/** Each interface language's search: forgotten on every reload (the English engine changes). */
const languageSearches = new SharedLoads<Language, LanguageSearch>();
/** The French library's engine: bundled only (collections are English), so kept. */
const frenchEngineLoad = new SharedLoad<SearchEngine>();
/** Each collection's opened index core, kept with the collection object (a source keeps those). */
const collectionSegments = new WeakMap<LibraryCollection, Promise<Segment>>();
/** Counts reloads, so a search engine knows whether it is still the library's current one. */
let generation = 0;

forgetOnLibraryChange(() => {
  generation += 1;
  engineLoad.forget();
  languageSearches.forget();
});

/** The bundled library's search index in `language`, one fragment at a time, each fetched once. */
function bundledIndex(language: Language): FragmentSource {
  return (kind: FragmentKind) => {
    const name = fragmentFileName(kind, language);
    let load = bundledFragmentLoads.get(name);
    if (!load) {
      load = fetchData(name)
        .then(async (response) => new Uint8Array(await response.arrayBuffer()))
        .finally(() => bundledFragmentLoads.delete(name));
      bundledFragmentLoads.set(name, load);
    }
    return load;
  };
}

/** The bundled segment of `language`, opened once per session. */
function bundledSegment(language: Language): Promise<Segment> {
  return bundledSegments
    .of(language)
    .get(async () => new Segment(await bundledIndex(language)('core')));
}

/** A collection's index core, opened and checked once per collection object. */
function segmentOf(collection: LibraryCollection): Promise<Segment> {
  let segment = collectionSegments.get(collection);
  if (!segment) {
    segment = collection.segment
      ? Promise.resolve(collection.segment)
      : collection.index('core').then((core) =>
          openCheckedSegment(
            core,
            collection.documents.map((doc) => doc.id),
          ),
        );
    collectionSegments.set(collection, segment);
  }
  return segment;
}

/**
 * The search engine over the prebuilt index: its core only, so it is ready before the documents
 * are (they are needed for snippets, not for finding). Each collection adds its segment, ranked
 * with the library's as one list (pooled term statistics: core/search/scoring.ts). A collection
 * whose segment cannot be opened or ranked with the library's is left out of search (and logged;
 * a pack's is checked where packs are read, and shown on the Content packs page), never failing
 * search for the rest. The bundled segment is opened once per session and kept, with whatever
 * lazy fragments queries have attached to it.
 *
 * A collection's lazy fragments are read when a query first needs them; one that cannot be read or
 * does not fit its core leaves that collection out of the engine (the query then answers from the
 * rest: `SearchEngine.load`), and out of the library at the reload this starts, which reports it
 * like a pack whose core does not fit (`loadLibraryProblems`, shown on the Content packs page).
 */
export function loadSearchEngine(): Promise<SearchEngine> {
  return engineLoad.get(async () => {
    const [bundled, { collections }] = await Promise.all([bundledSegment('en'), loadCollections()]);
    const opened = await Promise.all(
      collections.map((collection) =>
        segmentOf(collection).then(
          (segment) => ({ segment, source: collection.index, collection }),
          (error: unknown) => {
            console.warn(`search: collection ${collection.id} left out: ${wordError(error)}`);
            return null;
          },
        ),
      ),
    );
    const added = opened.filter((item) => item !== null);
    const ofSegment = new Map(added.map((item) => [item.segment, item.collection]));
    const built = generation;
    const leaveOut = (segment: Segment, error: unknown): boolean => {
      const collection = ofSegment.get(segment);
      if (!collection) return false;
      const message = wordError(unusableFragment(error));
      console.warn(`search: collection ${collection.id} left out: ${message}`);
      // An engine overtaken by a reload only answers its last queries: its collection may be
      // one the reload no longer has (a pack installed again, rolled back or removed).
      leaveOutCollection(collection, message, built === generation);
      return true;
    };
    try {
      return new SearchEngine(
        [bundled, ...added.map((item) => item.segment)],
        [bundledIndex('en'), ...added.map((item) => item.source)],
        { leaveOut },
      );
    } catch (error) {
      console.warn(`search: collections left out: ${wordError(error)}`);
      return new SearchEngine([bundled], [bundledIndex('en')]);
    }
  });
}

/** The French library's engine: its segment alone (packs and own documents are English). */
function loadFrenchEngine(): Promise<SearchEngine> {
  return frenchEngineLoad.get(async () => {
    const engine = new SearchEngine([await bundledSegment('fr')], [bundledIndex('fr')]);
    // French queries match written words (the lexicon) from the first keystroke: fetch it now.
    void engine.load(['lexicon']).catch(() => undefined);
    return engine;
  });
}

/**
 * Search in `language` (the interface's unless given). English: the English engine. French: the
 * French library's engine first, then the English one, so a query in either language finds its
 * document, the French version first (`LanguageSearch`). Should the French index be missing or
 * unreadable, French search says so in the console and searches the English text alone rather
 * than not at all.
 */
export function loadLanguageSearch(
  language: Language = currentLanguage(),
): Promise<LanguageSearch> {
  return languageSearches.of(language).get(async () => {
    const english = await loadSearchEngine();
    if (language === 'en') return new LanguageSearch([{ lang: 'en', engine: english }]);
    const translated = await loadFrenchEngine().catch((error: unknown) => {
      console.warn(`search: the ${language} index could not be read: ${wordError(error)}`);
      return null;
    });
    return new LanguageSearch([
      ...(translated ? [{ lang: language, engine: translated }] : []),
      { lang: 'en' as const, engine: english },
    ]);
  });
}

/**
 * Starts loading the search index once the browser is idle after first paint, so the first
 * search runs without a wait.
 */
export function warmSearchWhenIdle(): void {
  // Failures are shown where search is used (the Search page); the warm-up only starts the load.
  const run = () => void loadLanguageSearch().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 1500 });
  else setTimeout(run, 300);
}

/**
 * A document's indexed text, field by field, and where English wording sits in it (a French
 * text's `[text]{lang=en}` spans, which the indexed text has lost), for snippets to mark.
 */
export interface IndexedText {
  fields: Readonly<Record<SearchField, string>>;
  english: EnglishRanges;
}

/** Each document's indexed text, by id. */
export type FieldTexts = ReadonlyMap<string, IndexedText>;

/** The indexed texts of each language searched: a hit's snippet quotes its own language's. */
export type SearchTexts = Partial<Record<Language, FieldTexts>>;

const textCache = new WeakMap<LibraryDocuments, FieldTexts>();

/**
 * The text each document in `language` was indexed with (`segmentFields`: snippets quote these
 * exact strings, since match positions are offsets into them), from the library read in that
 * language; its documents in other languages (English ones in the French library) are left to
 * their own language's texts.
 */
function textsIn(documents: LibraryDocuments, vocabulary: Vocabulary, language: Language) {
  let texts = textCache.get(documents);
  if (!texts) {
    texts = new Map(
      [...documents.byId.values()]
        .filter((doc) => contentLanguageOf(doc) === language)
        .map((doc) => {
          const fields = segmentFields(doc, vocabulary, language);
          // English documents have no spans: only other languages' are looked through.
          const english = language === 'en' ? {} : englishRangesOf(doc, fields);
          return [doc.id, { fields, english }];
        }),
    );
    textCache.set(documents, texts);
  }
  return texts;
}

/**
 * The texts search in `language` quotes: that language's, and in French the English ones too
 * (for what only the English text matched).
 */
export async function loadSearchTexts(
  language: Language = currentLanguage(),
): Promise<SearchTexts> {
  const languages: Language[] = language === 'en' ? ['en'] : [language, 'en'];
  const texts = await Promise.all(
    languages.map(async (lang) => {
      const [documents, catalog] = await Promise.all([loadDocuments(lang), loadCatalog(lang)]);
      return [lang, textsIn(documents, catalog.vocabulary, lang)] as const;
    }),
  );
  return Object.fromEntries(texts);
}
