import { messageRef } from '../../core/common/messageRef';
import { ProblemError } from '../../core/common/ProblemError';
import type { Language } from '../../../../electron/shared/language';
import {
  DATA_FILES,
  dataFileName,
  parseCatalogFile,
  parseDocumentStoreFile,
} from '../../core/content/dataFiles';
import type { CatalogEntry, CatalogFile, ContentDocument } from '../../core/content/model';
import type { GlossaryMatcher } from '../../core/markdown/glossaryMatcher';
import type { FragmentSource } from '../../core/search/layout/format';
import type { Segment } from '../../core/search/layout/segment';
import { wordError } from '../common/i18n/wordMessage';
import { currentLanguage } from '../common/i18n/i18n';
import { bodyLanguageOf, overlayCatalog, overlayDocuments } from './languageOverlay';
import { glossaryChooser } from './libraryGlossary';
import { SharedLoad, SharedLoads } from './sharedLoad';

/**
 * The bundled knowledge base, loaded in three steps so the first screen never waits for the big
 * files: the catalog (titles, summaries, facets) at once; the documents when one is opened or
 * after first paint; the search index (searchData.ts) after first paint, off the typing path.
 * Each file is fetched once per session from the app's own origin (`./data/...`, inside the app
 * archive).
 */
export interface LibraryDocuments {
  /** The language the library is read in: its versions of the bundled documents, where it has them. */
  language: Language;
  byId: ReadonlyMap<string, ContentDocument>;
  /**
   * The glossary that marks terms in document `docId`: the bundled glossary for a bundled
   * document, the collection's own terms then the bundled ones for a pack's or an own document
   * (libraryGlossary.ts). The glossary of the body's language: the French terms in a French
   * body, the English ones in an English body (a pack's, or a case study shown in English).
   */
  glossaryFor(docId: string): GlossaryMatcher;
}

/**
 * Documents added to the bundled library (issue 15): an installed content pack, or the user's own
 * documents (the collection `own`). Their ids are `<collection id>--<doc id>`; a collection never
 * replaces a bundled document.
 */
export interface LibraryCollection {
  kind: CollectionKind;
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
  /**
   * The segment's core, when the source has already opened and checked it (`openCheckedSegment`;
   * a pack's is, so a pack whose index does not fit is left out where it is read). Otherwise
   * search opens and checks it from `index` when first needed.
   */
  segment?: Segment;
}

/** Where a collection comes from. */
export type CollectionKind = 'pack' | 'own';

/** What the library shows of a collection, beside its entries. */
export type CollectionInfo = Pick<
  LibraryCollection,
  'kind' | 'id' | 'title' | 'publisher' | 'version'
>;

/** The catalog of the bundled library and every collection, with the collections named. */
export interface LibraryCatalog extends CatalogFile {
  collections: CollectionInfo[];
}

/** Why a collection, or a source's whole list, could not be added to the library. */
export interface CollectionProblem {
  /** The kind of collection the source gives (null for a source registered without one). */
  kind: CollectionKind | null;
  /** The collection (a pack id), or null when the source could not list its collections. */
  id: string | null;
  /** Worded for the page that manages the collections ("This pack could not be read...: …"). */
  message: string;
}

/** What a source gives: the collections it could read, and why it left any out. */
export interface CollectionLoad {
  collections: LibraryCollection[];
  problems: CollectionProblem[];
}

/**
 * Gives the collections to add (a plain list when there is nothing to report). Must not reject: a
 * source leaves out what it cannot read and says why in `problems` (the Content packs page shows
 * a pack's), so one broken pack never hides the library. Problems travel with the collections of
 * the same load, so a load overtaken by a reload never reports for the new one.
 */
export type CollectionSource = () => Promise<CollectionLoad | LibraryCollection[]>;

/** What changed, for {@link reloadLibrary}: one kind of collection, or (no `source`) anything. */
export interface LibraryChange {
  source?: CollectionKind;
}

interface RegisteredSource {
  kind: CollectionKind | null;
  source: CollectionSource;
  /** The source's last load, kept until its kind of collection changes. */
  load: SharedLoad<CollectionLoad>;
}

const sources: RegisteredSource[] = [];
const changeListeners = new Set<(change: LibraryChange) => void>();
// What is loaded once per session: the bundled library never changes while the app runs. Each
// language is loaded when first read, and kept: switching back and forth fetches nothing again.
const bundledCatalog = new SharedLoads<Language, CatalogFile>();
const bundledDocuments = new SharedLoads<Language, ContentDocument[]>();
// What combines the bundled library with the collections: forgotten on every reload.
const collectionsLoad = new SharedLoad<CollectionLoad>();
const catalogLoad = new SharedLoads<Language, LibraryCatalog>();
const documentsLoad = new SharedLoads<Language, LibraryDocuments>();
/** What else is derived from the library (the search engines): forgotten on every reload too. */
const derivedLoads: Array<() => void> = [];
/**
 * Collections whose index turned out unusable when search first needed a lazy fragment (missing,
 * damaged, from another build), with why: left out of the library from then on, like a pack whose
 * core does not fit. Kept with the collection object, so a pack counts as broken for as long as
 * that installed version is (installing it again gives a new object, read afresh).
 */
const brokenIndexes = new WeakMap<LibraryCollection, string>();
/** Fetches a file of the bundled library; a missing one fails with a message people can act on. */
export async function fetchData(name: string): Promise<Response> {
  const response = await fetch(`./data/${name}`);
  if (!response.ok) throw unreadable(name, response);
  return response;
}

/** Why a file of the bundled library could not be read, worded for people. */
function unreadable(name: string, response: Response): ProblemError {
  return new ProblemError(
    'ContentFileError',
    messageRef('content:errors.fileUnreadable', { name, status: response.status }),
  );
}

async function fetchJson(name: string): Promise<unknown> {
  return (await fetchData(name)).json() as Promise<unknown>;
}

/**
 * A language's version of a bundled file, or null when the build has none (a library built
 * without translations, such as a test corpus): its documents are then shown in English.
 */
async function fetchTranslation(name: string): Promise<unknown> {
  const response = await fetch(`./data/${name}`);
  if (response.status === 404) {
    console.warn(`library: ${name} is not in this build; its documents are shown in English`);
    return null;
  }
  if (!response.ok) throw unreadable(name, response);
  return response.json() as Promise<unknown>;
}

/**
 * Tells the app's other tabs and windows (the browser edition in several tabs, the desktop
 * presenter window) that the library changed, so they reload too: packs live in storage they
 * share. Opened on first use; absent where there is no BroadcastChannel.
 */
const LIBRARY_CHANNEL = 'onmuni-library';
let channel: BroadcastChannel | null | undefined;

function libraryChannel(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = null;
  if (typeof window === 'undefined' || typeof BroadcastChannel !== 'function') return channel;
  channel = new BroadcastChannel(LIBRARY_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => applyChange(changeFrom(event.data));
  // Node (unit tests) would otherwise stay alive for the channel; browsers have no unref.
  (channel as { unref?: () => void }).unref?.();
  return channel;
}

function changeFrom(data: unknown): LibraryChange {
  const source =
    typeof data === 'object' && data !== null ? (data as LibraryChange).source : undefined;
  return source === 'pack' || source === 'own' ? { source } : {};
}

/**
 * Adds a source of collections (installed packs, own documents), of one `kind` so a change to
 * that kind reloads it alone. Registered once at start-up; the library reloads so the collections
 * appear.
 */
export function addCollectionSource(source: CollectionSource, kind?: CollectionKind): void {
  const entry: RegisteredSource = { kind: kind ?? null, source, load: new SharedLoad() };
  sources.push(entry);
  libraryChannel();
  applyChange(kind === undefined ? {} : { source: kind });
}

/**
 * Reloads the collections that `change` names (all without one), and tells every listener and the
 * app's other tabs and windows. Called after a pack is installed, updated, rolled back or removed
 * (`{ source: 'pack' }`) and after an own document is saved (`{ source: 'own' }`), so saving a
 * document reads no pack and installing a pack builds no own document. The bundled library is not
 * reloaded, let alone re-indexed: its catalog, documents and index stay as they were loaded.
 */
export function reloadLibrary(change: LibraryChange = {}): void {
  applyChange(change);
  libraryChannel()?.postMessage(change);
}

function applyChange(change: LibraryChange): void {
  for (const entry of sources)
    if (change.source === undefined || entry.kind === null || entry.kind === change.source)
      entry.load.forget();
  collectionsLoad.forget();
  catalogLoad.forget();
  documentsLoad.forget();
  for (const forget of derivedLoads) forget();
  for (const listener of changeListeners) listener(change);
}

/**
 * Registers `forget`, called at every reload of the library before the listeners are told, for
 * a load derived from the library (searchData.ts's engines) so no listener gets a stale one.
 */
export function forgetOnLibraryChange(forget: () => void): void {
  derivedLoads.push(forget);
}

/**
 * Leaves a collection out of the library because its search index turned out unusable when
 * search first needed a lazy fragment, and reloads that kind of collection unless `current` says
 * the engine that found out was overtaken by a reload already. Reported like a pack whose core
 * does not fit (`loadLibraryProblems`).
 */
export function leaveOutCollection(
  collection: LibraryCollection,
  message: string,
  current: boolean,
): void {
  brokenIndexes.set(collection, message);
  if (current) applyChange({ source: collection.kind });
}

/** Calls `listener` after every reload of the library; returns the function that unsubscribes. */
export function onLibraryChange(listener: (change: LibraryChange) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

async function runSource(entry: RegisteredSource): Promise<CollectionLoad> {
  try {
    const result = await entry.source();
    return Array.isArray(result) ? { collections: result, problems: [] } : result;
  } catch (error) {
    // Sources should not reject; if one does, the library goes on without it and says why.
    return {
      collections: [],
      problems: [{ kind: entry.kind, id: null, message: wordError(error) }],
    };
  }
}

/** The collections (packs, own documents) the library has now, and what it left out. */
export function loadCollections(): Promise<CollectionLoad> {
  return collectionsLoad.get(async () => {
    const loads = await Promise.all(sources.map((entry) => entry.load.get(() => runSource(entry))));
    const collections = loads.flatMap((load) => load.collections);
    return {
      collections: collections.filter((collection) => !brokenIndexes.has(collection)),
      problems: [
        ...loads.flatMap((load) => load.problems),
        ...collections.flatMap(({ kind, id }, i) => {
          const message = brokenIndexes.get(collections[i] as LibraryCollection);
          return message === undefined ? [] : [{ kind, id, message }];
        }),
      ],
    };
  });
}

/** What the current load of the collections left out, and why (packs that cannot be read...). */
export async function loadLibraryProblems(): Promise<CollectionProblem[]> {
  return (await loadCollections()).problems;
}

/**
 * The bundled catalog in `language`: English as `catalog.json` has it; another language's
 * versions (`catalog.fr.json`, with its vocabulary's labels) laid over it by id.
 */
function loadBundledCatalog(language: Language = 'en'): Promise<CatalogFile> {
  return bundledCatalog.of(language).get(async () => {
    if (language === 'en') return parseCatalogFile(await fetchJson(DATA_FILES.catalog));
    const [english, translated] = await Promise.all([
      loadBundledCatalog('en'),
      fetchTranslation(dataFileName('catalog', language)),
    ]);
    return translated === null ? english : overlayCatalog(english, parseCatalogFile(translated));
  });
}

/**
 * The library catalog in `language` (the interface's unless given): the bundled library's
 * entries in their versions in that language, then each collection's (in English); shared by
 * every caller. A failed load is retried on the next call.
 */
export function loadCatalog(language: Language = currentLanguage()): Promise<LibraryCatalog> {
  return catalogLoad.of(language).get(async () => {
    const [bundled, { collections }] = await Promise.all([
      loadBundledCatalog(language),
      loadCollections(),
    ]);
    return {
      ...bundled,
      entries: [...bundled.entries, ...collections.flatMap((c) => c.catalog)],
      collections: collections.map(({ kind, id, title, publisher, version }) => ({
        kind,
        id,
        title,
        ...(publisher === undefined ? {} : { publisher }),
        ...(version === undefined ? {} : { version }),
      })),
    };
  });
}

/**
 * The bundled library's own catalog, without collections, in English: what packs are checked
 * against (their vocabulary ids are the same in every language).
 */
export function loadBundledLibrary(): Promise<CatalogFile> {
  return loadBundledCatalog('en');
}

/**
 * AMO's release as the app ships it, for checking a pack's quotations of AMO; null when this
 * build has none (a test corpus), in which case such quotations are reported as unverifiable.
 * Fetched when a pack is checked, not kept: it is small, and a pack import is rare.
 */
export async function loadReleaseText(): Promise<string | null> {
  const response = await fetch(`./data/${DATA_FILES.release}`);
  return response.ok ? response.text() : null;
}

/** The bundled documents in `language`: that language's versions laid over the English ones. */
function loadBundledDocuments(language: Language = 'en'): Promise<ContentDocument[]> {
  return bundledDocuments.of(language).get(async () => {
    if (language !== 'en') {
      const [english, catalog, json] = await Promise.all([
        loadBundledDocuments('en'),
        loadBundledCatalog(language),
        fetchTranslation(dataFileName('documents', language)),
      ]);
      if (json === null) return english;
      return overlayDocuments(english, parseDocumentStoreFile(json, catalog.vocabulary).documents);
    }
    const [catalog, json] = await Promise.all([
      loadBundledCatalog('en'),
      fetchJson(DATA_FILES.documents),
    ]);
    return parseDocumentStoreFile(json, catalog.vocabulary).documents;
  });
}

/**
 * Every document with its body, in `language` (the interface's unless given) where the bundled
 * library has a version in it, and the glossary each one is read with.
 */
export function loadDocuments(language: Language = currentLanguage()): Promise<LibraryDocuments> {
  return documentsLoad.of(language).get(async () => {
    const [english, bundled, { collections }] = await Promise.all([
      loadBundledDocuments('en'),
      loadBundledDocuments(language),
      loadCollections(),
    ]);
    const documents = [...bundled, ...collections.flatMap((c) => c.documents)];
    const byId = new Map(documents.map((doc) => [doc.id as string, doc]));
    const inLanguage = glossaryChooser(bundled, collections);
    const inEnglish = glossaryChooser(english, collections);
    return {
      language,
      byId,
      glossaryFor: (docId) => {
        const doc = byId.get(docId);
        return doc && bodyLanguageOf(doc) !== 'en' ? inLanguage(docId) : inEnglish(docId);
      },
    };
  });
}

/**
 * Starts loading the documents once the browser is idle after first paint, so the first document
 * opens without a wait (searchData.ts's `warmSearchWhenIdle` does the same for the index).
 */
export function warmContentWhenIdle(): void {
  const run = () => {
    // Failures are shown where the documents are used (reader); the warm-up only starts them.
    void loadDocuments().catch(() => undefined);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 1500 });
  else setTimeout(run, 300);
}
