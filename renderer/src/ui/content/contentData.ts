import { DATA_FILES, parseCatalogFile, parseDocumentStoreFile } from '../../core/content/dataFiles';
import type { CatalogFile, ContentDocument } from '../../core/content/model';
import { GlossaryMatcher } from '../../core/markdown/glossaryMatcher';
import { loadSearchIndex } from '../../core/search/buildSearchIndex';
import { SearchEngine } from '../../core/search/searchEngine';
import { searchFields } from '../../core/search/searchFields';

/**
 * The bundled knowledge base, loaded in three steps so the first screen never waits for the big
 * files: the catalog (titles, summaries, facets) at once; the documents when one is opened or
 * after first paint; the search index after first paint, off the typing path. Each file is
 * fetched once per session from the app's own origin (`./data/...`, inside the app archive).
 */
export interface DocumentStore {
  byId: ReadonlyMap<string, ContentDocument>;
  glossary: GlossaryMatcher;
}

let catalogPromise: Promise<CatalogFile> | null = null;
let documentsPromise: Promise<DocumentStore> | null = null;
let enginePromise: Promise<SearchEngine> | null = null;

async function fetchJson(name: string): Promise<unknown> {
  const response = await fetch(`./data/${name}`);
  if (!response.ok)
    throw new Error(`The bundled file ${name} could not be read (${response.status}).`);
  return response.json() as Promise<unknown>;
}

/** The library catalog; shared by every caller. A failed load is retried on the next call. */
export function loadCatalog(): Promise<CatalogFile> {
  catalogPromise ??= fetchJson(DATA_FILES.catalog)
    .then(parseCatalogFile)
    .catch((error: unknown) => {
      catalogPromise = null;
      throw error;
    });
  return catalogPromise;
}

/** Every document with its body, plus the glossary matcher built from the glossary entries. */
export function loadDocuments(): Promise<DocumentStore> {
  documentsPromise ??= Promise.all([loadCatalog(), fetchJson(DATA_FILES.documents)])
    .then(([catalog, json]) => {
      const { documents } = parseDocumentStoreFile(json, catalog.vocabulary);
      const glossary = new GlossaryMatcher(
        documents.flatMap((doc) =>
          doc.type === 'glossary' ? [{ id: doc.id, term: doc.term, aliases: doc.aliases }] : [],
        ),
      );
      return { byId: new Map(documents.map((doc) => [doc.id as string, doc])), glossary };
    })
    .catch((error: unknown) => {
      documentsPromise = null;
      throw error;
    });
  return documentsPromise;
}

/** The search engine over the prebuilt index. Snippets quote the same field texts it indexed. */
export function loadSearchEngine(): Promise<SearchEngine> {
  enginePromise ??= Promise.all([loadCatalog(), loadDocuments(), fetchJson(DATA_FILES.searchIndex)])
    .then(([catalog, store, json]) => {
      const index = loadSearchIndex(json as object);
      const texts = new Map(
        [...store.byId.values()].map((doc) => [
          doc.id as string,
          searchFields(doc, catalog.vocabulary),
        ]),
      );
      return new SearchEngine(index, texts);
    })
    .catch((error: unknown) => {
      enginePromise = null;
      throw error;
    });
  return enginePromise;
}

/**
 * Starts loading the documents and the search index once the browser is idle after first paint,
 * so the first search or the first document opens without a wait.
 */
export function warmContentWhenIdle(): void {
  const run = () => void loadSearchEngine().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 1500 });
  else setTimeout(run, 300);
}
