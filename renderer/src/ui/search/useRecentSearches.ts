import { useEffect, useSyncExternalStore } from 'react';
import type { DocumentStorage } from '../../core/store/DocumentStorage';
import { useHost } from '../common/HostContext';
import { RecentSearchStore } from '../../core/search/recentSearches';

const stores = new WeakMap<DocumentStorage, RecentSearchStore>();

/** The one recent-search store of a host's storage, shared by the field and the Search page. */
export function recentSearchStore(storage: DocumentStorage): RecentSearchStore {
  let store = stores.get(storage);
  if (!store) {
    store = new RecentSearchStore(storage);
    stores.set(storage, store);
  }
  return store;
}

/** Recent searches (newest first) and the store to add to or clear them. */
export function useRecentSearches(): { searches: readonly string[]; store: RecentSearchStore } {
  const store = recentSearchStore(useHost().storage);
  useEffect(() => void store.load(), [store]);
  const searches = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { searches, store };
}
