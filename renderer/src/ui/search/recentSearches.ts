import { z } from 'zod';
import type { HostStorage } from '../../host/Host';

/** The host storage document holding recent searches. */
export const RECENT_SEARCHES_KEY = 'recent-searches';
/** How many recent searches are kept. */
export const MAX_RECENT_SEARCHES = 10;
const MAX_QUERY_LENGTH = 256;

// Stored data is never trusted: a malformed document is ignored (and overwritten by the next
// search) rather than shown.
const recentSearchesSchema = z.object({
  version: z.literal(1),
  searches: z.array(z.string().min(1).max(MAX_QUERY_LENGTH)).max(MAX_RECENT_SEARCHES),
});

/** Parses a stored document's text; anything invalid gives an empty list. */
export function parseRecentSearches(text: string): string[] {
  try {
    const parsed = recentSearchesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.searches : [];
  } catch {
    return [];
  }
}

/** Puts `query` first, dropping an earlier copy (ignoring case) and the oldest beyond the cap. */
export function withRecentSearch(list: readonly string[], query: string): string[] {
  const trimmed = query.trim().slice(0, MAX_QUERY_LENGTH);
  if (trimmed === '') return [...list];
  const key = trimmed.toLocaleLowerCase('en-CA');
  return [trimmed, ...list.filter((item) => item.toLocaleLowerCase('en-CA') !== key)].slice(
    0,
    MAX_RECENT_SEARCHES,
  );
}

/**
 * Recent searches of this user, kept in the host's storage (a file on the desktop, browser
 * storage on the web; nothing leaves the machine). Components read it with
 * `useSyncExternalStore(store.subscribe, store.getSnapshot)`.
 */
export class RecentSearchStore {
  private searches: readonly string[] = [];
  private readonly listeners = new Set<() => void>();
  private loaded: Promise<void> | null = null;

  constructor(private readonly storage: HostStorage) {}

  /** Reads the stored list once; later calls return the same promise. */
  load(): Promise<void> {
    this.loaded ??= this.storage.read(RECENT_SEARCHES_KEY).then(
      (result) => {
        if (result.status === 'ok') this.set(parseRecentSearches(result.text));
      },
      () => undefined,
    );
    return this.loaded;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): readonly string[] => this.searches;

  /** Remembers a search the user acted on (pressed Enter, opened a result). */
  async add(query: string): Promise<void> {
    // Read first, so an early search adds to the stored list instead of replacing it.
    await this.load();
    const next = withRecentSearch(this.searches, query);
    if (next.join('\n') === this.searches.join('\n')) return;
    this.set(next);
    await this.save();
  }

  /** Forgets every recent search. */
  async clear(): Promise<void> {
    await this.load();
    this.set([]);
    await this.save();
  }

  private set(searches: readonly string[]): void {
    this.searches = searches;
    for (const listener of this.listeners) listener();
  }

  private save(): Promise<void> {
    const text = JSON.stringify({ version: 1, searches: this.searches });
    // A failed write only loses the list of recent searches; searching itself is unaffected.
    return this.storage.write(RECENT_SEARCHES_KEY, text).catch(() => undefined);
  }
}
