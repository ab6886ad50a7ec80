import { messageRef } from '../../core/common/messageRef';
import { ProblemError } from '../../core/common/ProblemError';
import { DATA_FILES, parseCatalogFile, parseDocumentStoreFile } from '../../core/content/dataFiles';
import type { CatalogFile, ContentDocument } from '../../core/content/model';
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

let catalogPromise: Promise<CatalogFile> | null = null;
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
export function loadDocuments(): Promise<LibraryDocuments> {
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

/**
 * The search engine over the prebuilt index: its core only, so it is ready before the documents
 * are (they are needed for snippets, not for finding). Content packs will add their segments
 * here, ranked with the library's.
 */
export function loadSearchEngine(): Promise<SearchEngine> {
  enginePromise ??= SearchEngine.open([bundledIndex]).catch((error: unknown) => {
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
  const run = () => {
    // Failures are shown where each is used (search page, reader); the warm-up only starts them.
    void loadSearchEngine().catch(() => undefined);
    void loadDocuments().catch(() => undefined);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 1500 });
  else setTimeout(run, 300);
}
