import { messageRef } from '../../core/common/messageRef';
import { ProblemError } from '../../core/common/ProblemError';
import { DATA_FILES, parseCatalogFile, parseDocumentStoreFile } from '../../core/content/dataFiles';
import type { CatalogEntry, CatalogFile, ContentDocument } from '../../core/content/model';
import { GlossaryMatcher } from '../../core/markdown/glossaryMatcher';
import { fragmentFileName, type FragmentSource } from '../../core/search/layout/format';
import { SearchEngine } from '../../core/search/searchEngine';

/**
 * The bundled knowledge base, loaded in three steps so the first screen never waits for the big
 * files: the catalog (titles, summaries, facets) at once; the documents when one is opened or
 * after first paint; the search index's core after first paint, off the typing path, and its
 * other fragments when a query first needs them. Each file is fetched once per session from the
 * app's own origin (`./data/...`, inside the app archive).
 */
export interface LibraryDocuments {
  byId: ReadonlyMap<string, ContentDocument>;
  glossary: GlossaryMatcher;
}

/**
 * Documents added to the bundled library (issue 15): an installed content pack, or the user's own
 * documents (the collection `own`). Their ids are `<collection id>--<doc id>`; a collection never
 * replaces a bundled document.
 */
export interface LibraryCollection {
  kind: 'pack' | 'own';
  /** The pack id, or `own`. */
  id: string;
  title: string;
  publisher?: string;
  version?: string;
  /** Library entries, in library order. */
  catalog: CatalogEntry[];
  documents: ContentDocument[];
  /** The collection's search index segment, ranked with the library's. */
  index: FragmentSource;
}

/** What the library shows of a collection, beside its entries. */
export type CollectionInfo = Pick<
  LibraryCollection,
  'kind' | 'id' | 'title' | 'publisher' | 'version'
>;

/** The catalog of the bundled library and every collection, with the collections named. */
export interface LibraryCatalog extends CatalogFile {
  collections: CollectionInfo[];
}

/**
 * Gives the collections to add. Must not reject: a source reports its own failures where its
 * collections are managed (a pack that cannot be read is left out here and shown on the Content
 * packs page), so one broken pack never hides the library.
 */
export type CollectionSource = () => Promise<LibraryCollection[]>;

const collectionSources: CollectionSource[] = [];
const changeListeners = new Set<() => void>();
let collectionsPromise: Promise<LibraryCollection[]> | null = null;
let catalogPromise: Promise<LibraryCatalog> | null = null;
let bundledCatalogPromise: Promise<CatalogFile> | null = null;
let bundledDocumentsPromise: Promise<ContentDocument[]> | null = null;
let documentsPromise: Promise<LibraryDocuments> | null = null;
let enginePromise: Promise<SearchEngine> | null = null;

async function fetchData(name: string): Promise<Response> {
  const response = await fetch(`./data/${name}`);
  if (!response.ok)
    throw new ProblemError(
      'ContentFileError',
      messageRef('content:errors.fileUnreadable', { name, status: response.status }),
    );
  return response;
}

async function fetchJson(name: string): Promise<unknown> {
  return (await fetchData(name)).json() as Promise<unknown>;
}

/** The bundled library's search index, one fragment at a time. */
const bundledIndex: FragmentSource = async (kind) =>
  new Uint8Array(await (await fetchData(fragmentFileName(kind))).arrayBuffer());

/** Keeps a shared promise, forgetting it when it fails so the next call tries again. */
function retryable<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  return promise.catch((error: unknown) => {
    forget();
    throw error;
  });
}

/**
 * Adds a source of collections (installed packs, own documents). Registered once at start-up;
 * the library reloads so the collections appear.
 */
export function addCollectionSource(source: CollectionSource): void {
  collectionSources.push(source);
  reloadLibrary();
}

/**
 * Forgets what was loaded of the collections, so the next load reads them again, and tells every
 * listener. Called after a pack is installed, updated, rolled back or removed and after an own
 * document is saved. The bundled library is not reloaded, let alone re-indexed: its catalog,
 * documents and index fragments stay as they were fetched.
 */
export function reloadLibrary(): void {
  collectionsPromise = null;
  catalogPromise = null;
  documentsPromise = null;
  enginePromise = null;
  for (const listener of changeListeners) listener();
}

/** Calls `listener` after every {@link reloadLibrary}; returns the function that unsubscribes. */
export function onLibraryChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

function loadCollections(): Promise<LibraryCollection[]> {
  collectionsPromise ??= Promise.all(collectionSources.map((source) => source())).then((lists) =>
    lists.flat(),
  );
  return collectionsPromise;
}

function loadBundledCatalog(): Promise<CatalogFile> {
  bundledCatalogPromise ??= retryable(
    fetchJson(DATA_FILES.catalog).then(parseCatalogFile),
    () => (bundledCatalogPromise = null),
  );
  return bundledCatalogPromise;
}

/**
 * The library catalog: the bundled library's entries, then each collection's; shared by every
 * caller. A failed load is retried on the next call.
 */
export function loadCatalog(): Promise<LibraryCatalog> {
  catalogPromise ??= retryable(
    Promise.all([loadBundledCatalog(), loadCollections()]).then(([bundled, collections]) => ({
      ...bundled,
      entries: [...bundled.entries, ...collections.flatMap((c) => c.catalog)],
      collections: collections.map(({ kind, id, title, publisher, version }) => ({
        kind,
        id,
        title,
        ...(publisher === undefined ? {} : { publisher }),
        ...(version === undefined ? {} : { version }),
      })),
    })),
    () => (catalogPromise = null),
  );
  return catalogPromise;
}

/** The bundled library's own catalog, without collections (what packs are checked against). */
export function loadBundledLibrary(): Promise<CatalogFile> {
  return loadBundledCatalog();
}

/** Every document with its body, plus the glossary matcher built from the glossary entries. */
export function loadDocuments(): Promise<LibraryDocuments> {
  bundledDocumentsPromise ??= retryable(
    Promise.all([loadBundledCatalog(), fetchJson(DATA_FILES.documents)]).then(
      ([catalog, json]) => parseDocumentStoreFile(json, catalog.vocabulary).documents,
    ),
    () => (bundledDocumentsPromise = null),
  );
  documentsPromise ??= retryable(
    Promise.all([bundledDocumentsPromise, loadCollections()]).then(([bundled, collections]) => {
      const documents = [...bundled, ...collections.flatMap((c) => c.documents)];
      const glossary = new GlossaryMatcher(
        documents.flatMap((doc) =>
          doc.type === 'glossary' ? [{ id: doc.id, term: doc.term, aliases: doc.aliases }] : [],
        ),
      );
      return { byId: new Map(documents.map((doc) => [doc.id as string, doc])), glossary };
    }),
    () => (documentsPromise = null),
  );
  return documentsPromise;
}

/**
 * The search engine over the prebuilt index: its core only, so it is ready before the documents
 * are (they are needed for snippets, not for finding). Each collection adds its segment, ranked
 * with the library's as one list (pooled term statistics: core/search/scoring.ts).
 */
export function loadSearchEngine(): Promise<SearchEngine> {
  enginePromise ??= retryable(
    loadCollections().then((collections) =>
      SearchEngine.open([bundledIndex, ...collections.map((c) => c.index)]),
    ),
    () => (enginePromise = null),
  );
  return enginePromise;
}

/**
 * Starts loading the documents and the search index once the browser is idle after first paint,
 * so the first search or the first document opens without a wait.
 */
export function warmContentWhenIdle(): void {
  const run = () => {
    // Failures are shown where each is used (search page, reader); the warm-up only starts them.
    void loadSearchEngine().catch(() => undefined);
    void loadDocuments().catch(() => undefined);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 1500 });
  else setTimeout(run, 300);
}
