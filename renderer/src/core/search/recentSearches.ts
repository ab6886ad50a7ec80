import { problemLine, withOutcome, type ProblemLine } from '../common/problemLine';
import { createJsonDocumentBackend } from '../store/jsonDocumentBackend';
import type { StoreBackend } from '../store/StoreBackend';
import type { DocumentStorage, LoadReport, ParsedDocument } from '../store/DocumentStorage';
import { openStoreSession, type StoreSession } from '../store/StoreSession';
import { versionOneList } from '../store/versionOneList';
import { MAX_QUERY_CHARS } from './parseQuery';

/** The host storage document holding recent searches. */
export const RECENT_SEARCHES_KEY = 'recent-searches';
/** How many recent searches are kept. */
export const MAX_RECENT_SEARCHES = 10;

/** The stored document: the user's recent searches, newest first. */
export interface RecentSearches {
  version: 1;
  searches: readonly string[];
}

const emptyRecentSearches = (): RecentSearches => ({ version: 1, searches: [] });

/**
 * Reads a stored document (any JSON value): keeps the searches that are valid, at most
 * `MAX_RECENT_SEARCHES`, and lists everything dropped in `issues`. Stored data is never trusted,
 * and never dropped quietly either: the store keeps the original aside when there are issues.
 */
export function parseRecentSearches(raw: unknown): ParsedDocument<RecentSearches> {
  const issues: ProblemLine[] = [];
  const list = versionOneList(raw, 'searches', issues) ?? [];
  const searches: string[] = [];
  list.forEach((item, index) => {
    if (typeof item === 'string' && item.length > 0 && item.length <= MAX_QUERY_CHARS) {
      searches.push(item);
    } else {
      issues.push(
        withOutcome(
          problemLine(`searches.${index}`, 'problems:stored.notASearch', {
            limit: MAX_QUERY_CHARS,
          }),
          'problems:outcome.droppedAlone',
        ),
      );
    }
  });
  if (searches.length > MAX_RECENT_SEARCHES) {
    issues.push(
      withOutcome(
        problemLine('searches', 'problems:stored.tooManySearches', { limit: MAX_RECENT_SEARCHES }),
        'problems:outcome.oldestDropped',
      ),
    );
  }
  return { data: { version: 1, searches: searches.slice(0, MAX_RECENT_SEARCHES) }, issues };
}

/** Puts `query` first, dropping an earlier copy (ignoring case) and the oldest beyond the cap. */
export function withRecentSearch(list: readonly string[], query: string): string[] {
  const trimmed = query.trim().slice(0, MAX_QUERY_CHARS);
  if (trimmed === '') return [...list];
  const key = trimmed.toLocaleLowerCase('en-CA');
  return [trimmed, ...list.filter((item) => item.toLocaleLowerCase('en-CA') !== key)].slice(
    0,
    MAX_RECENT_SEARCHES,
  );
}

/** The operation behind a search the user acted on; the same document when nothing changes. */
function addSearch(doc: RecentSearches, query: string): RecentSearches {
  const searches = withRecentSearch(doc.searches, query);
  const same =
    searches.length === doc.searches.length && searches.every((s, i) => s === doc.searches[i]);
  return same ? doc : { ...doc, searches };
}

/** The recent-search document in a host's storage. */
export function createRecentSearchesStore(storage: DocumentStorage): StoreBackend<RecentSearches> {
  return createJsonDocumentBackend({
    storage,
    key: RECENT_SEARCHES_KEY,
    parse: parseRecentSearches,
    defaults: emptyRecentSearches,
  });
}

const NONE: readonly string[] = [];

/**
 * Recent searches of this user, kept in the host's storage (a file on the desktop, browser
 * storage on the web; nothing leaves the machine). The stored list is read on first use; a
 * search made before that is added to it, not put in its place. Components read the list with
 * `useSyncExternalStore(store.subscribe, store.getSnapshot)`.
 */
export class RecentSearchStore {
  private session: StoreSession<RecentSearches> | null = null;
  private opening: Promise<StoreSession<RecentSearches>> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: DocumentStorage) {}

  /** Reads the stored list once; later calls return the same promise. */
  load(): Promise<void> {
    return this.open().then(() => undefined);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The searches, newest first (none until the stored list has been read). */
  readonly getSnapshot = (): readonly string[] => this.session?.getSnapshot().db.searches ?? NONE;

  /** What reading the stored list found (null before): damaged data is reported, not hidden. */
  get loadReport(): LoadReport | null {
    return this.session?.getSnapshot().loadReport ?? null;
  }

  /**
   * Remembers a search the user acted on (pressed Enter, opened a result). Resolves once it is
   * written; a failed write only loses the list of recent searches, so nothing is shown for it.
   */
  async add(query: string): Promise<void> {
    const session = await this.open();
    session.apply((doc) => addSearch(doc, query));
    await session.whenSaved();
  }

  /** Forgets every recent search. */
  async clear(): Promise<void> {
    const session = await this.open();
    session.apply((doc) => (doc.searches.length === 0 ? doc : { ...doc, searches: [] }));
    await session.whenSaved();
  }

  private open(): Promise<StoreSession<RecentSearches>> {
    this.opening ??= openStoreSession(createRecentSearchesStore(this.storage), {
      skipUnchanged: true,
    }).then((session) => {
      this.session = session;
      session.subscribe(() => this.notify());
      this.notify();
      return session;
    });
    return this.opening;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
