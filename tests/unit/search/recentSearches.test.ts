import { describe, expect, it } from 'vitest';
import { createWebStorageHostStorage, mainKey } from '../../../renderer/src/host/webStorageHost';
import {
  MAX_RECENT_SEARCHES,
  parseRecentSearches,
  RECENT_SEARCHES_KEY,
  RecentSearchStore,
  withRecentSearch,
} from '../../../renderer/src/ui/search/recentSearches';

/** A Map-backed Web Storage, the same shape as window.localStorage. */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

describe('withRecentSearch', () => {
  it('puts the newest first, trims, ignores blanks and drops an earlier copy ignoring case', () => {
    expect(withRecentSearch(['permits', 'GIS'], '  gis ')).toEqual(['gis', 'permits']);
    expect(withRecentSearch(['permits'], '   ')).toEqual(['permits']);
  });

  it(`keeps at most ${MAX_RECENT_SEARCHES}`, () => {
    let list: string[] = [];
    for (let i = 0; i < 15; i++) list = withRecentSearch(list, `query ${i}`);
    expect(list).toHaveLength(MAX_RECENT_SEARCHES);
    expect(list[0]).toBe('query 14');
    expect(list.at(-1)).toBe('query 5');
  });
});

describe('parseRecentSearches', () => {
  it.each([
    ['not json', '{'],
    ['wrong version', '{"version":2,"searches":["a"]}'],
    ['not strings', '{"version":1,"searches":[1,2]}'],
    ['too many', JSON.stringify({ version: 1, searches: Array.from({ length: 11 }, String) })],
    ['an empty string', '{"version":1,"searches":[""]}'],
  ])('gives an empty list for %s', (_, text) => {
    expect(parseRecentSearches(text)).toEqual([]);
  });

  it('reads a valid document', () => {
    expect(parseRecentSearches('{"version":1,"searches":["permits","GIS"]}')).toEqual([
      'permits',
      'GIS',
    ]);
  });
});

describe('RecentSearchStore over the browser host storage', () => {
  it('stores, reloads and clears the list', async () => {
    const backing = memoryStorage();
    const store = new RecentSearchStore(createWebStorageHostStorage(backing));
    await store.load();
    let notified = 0;
    store.subscribe(() => (notified += 1));
    await store.add('permits');
    await store.add('brodband');
    expect(store.getSnapshot()).toEqual(['brodband', 'permits']);
    expect(notified).toBe(2);
    expect(JSON.parse(backing.map.get(mainKey(RECENT_SEARCHES_KEY)) ?? '')).toEqual({
      version: 1,
      searches: ['brodband', 'permits'],
    });

    const reopened = new RecentSearchStore(createWebStorageHostStorage(backing));
    await reopened.load();
    expect(reopened.getSnapshot()).toEqual(['brodband', 'permits']);
    await reopened.clear();
    expect(reopened.getSnapshot()).toEqual([]);
    const third = new RecentSearchStore(createWebStorageHostStorage(backing));
    await third.load();
    expect(third.getSnapshot()).toEqual([]);
  });

  it('ignores a stored document that fails validation', async () => {
    const backing = memoryStorage();
    backing.setItem(mainKey(RECENT_SEARCHES_KEY), '{"version":1,"searches":[42]}');
    const store = new RecentSearchStore(createWebStorageHostStorage(backing));
    await store.load();
    expect(store.getSnapshot()).toEqual([]);
  });

  it('keeps a search made before the stored list was read', async () => {
    const backing = memoryStorage();
    backing.setItem(mainKey(RECENT_SEARCHES_KEY), '{"version":1,"searches":["old"]}');
    const store = new RecentSearchStore(createWebStorageHostStorage(backing));
    const adding = store.add('new');
    await store.load();
    await adding;
    expect(store.getSnapshot()).toEqual(['new', 'old']);
  });
});
