import {
  fragmentFileName,
  type FragmentKind,
  type FragmentSource,
} from '../../core/search/layout/format';
import { Segment } from '../../core/search/layout/segment';
import { SearchEngine } from '../../core/search/searchEngine';
import { wordError } from '../common/i18n/wordMessage';
import { openCheckedSegment, unusableFragment } from './checkedSegment';
import {
  fetchData,
  forgetOnLibraryChange,
  leaveOutCollection,
  loadCollections,
  type LibraryCollection,
} from './contentData';
import { SharedLoad } from './sharedLoad';

/**
 * The search side of the library (contentData.ts has the catalog and documents): the bundled
 * index's core after first paint, off the typing path, and its other fragments when a query first
 * needs them, each fetched once per session; each collection's segment beside it.
 */

const bundledSegment = new SharedLoad<Segment>();
/** Bundled lazy fragments being fetched (once attached to the kept segment, never again). */
const bundledFragmentLoads = new Map<FragmentKind, Promise<Uint8Array>>();
/** The engine over the library as it is now: forgotten on every reload. */
const engineLoad = new SharedLoad<SearchEngine>();
/** Each collection's opened index core, kept with the collection object (a source keeps those). */
const collectionSegments = new WeakMap<LibraryCollection, Promise<Segment>>();
/** Counts reloads, so a search engine knows whether it is still the library's current one. */
let generation = 0;

forgetOnLibraryChange(() => {
  generation += 1;
  engineLoad.forget();
});

/** The bundled library's search index, one fragment at a time, each fetched once. */
const bundledIndex: FragmentSource = (kind) => {
  let load = bundledFragmentLoads.get(kind);
  if (!load) {
    load = fetchData(fragmentFileName(kind))
      .then(async (response) => new Uint8Array(await response.arrayBuffer()))
      .finally(() => bundledFragmentLoads.delete(kind));
    bundledFragmentLoads.set(kind, load);
  }
  return load;
};

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
    const [bundled, { collections }] = await Promise.all([
      bundledSegment.get(async () => new Segment(await bundledIndex('core'))),
      loadCollections(),
    ]);
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
        [bundledIndex, ...added.map((item) => item.source)],
        { leaveOut },
      );
    } catch (error) {
      console.warn(`search: collections left out: ${wordError(error)}`);
      return new SearchEngine([bundled], [bundledIndex]);
    }
  });
}

/**
 * Starts loading the search index once the browser is idle after first paint, so the first
 * search runs without a wait.
 */
export function warmSearchWhenIdle(): void {
  // Failures are shown where search is used (the Search page); the warm-up only starts the load.
  const run = () => void loadSearchEngine().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 1500 });
  else setTimeout(run, 300);
}
