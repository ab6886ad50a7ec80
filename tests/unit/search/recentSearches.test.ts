import { describe, expect, it } from 'vitest';
import { createWebStorageDocuments, mainKey } from '../../../renderer/src/host/webStorageHost';
import { INVALID_COPY_SUFFIX } from '../../../renderer/src/core/store/DocumentStorageAdapter';
import {
  MAX_RECENT_SEARCHES,
  parseRecentSearches,
  RECENT_SEARCHES_KEY,
  RecentSearchStore,
  withRecentSearch,
} from '../../../renderer/src/core/search/recentSearches';
import { wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';

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
    ['not an object', 'x', [], /^\(document\): expected an object/],
    ['another version', { version: 2, searches: ['a'] }, [], /^version: expected 1, found 2/],
    ['no list', { version: 1, searches: 'a' }, [], /^searches: expected a list/],
    ['not strings', { version: 1, searches: [1, 'kept'] }, ['kept'], /^searches\.0: /],
    ['an empty string', { version: 1, searches: ['', 'kept'] }, ['kept'], /^searches\.0: /],
    [
      'too many',
      { version: 1, searches: Array.from({ length: 11 }, String) },
      Array.from({ length: 10 }, String),
      /^searches: more than 10; the oldest dropped/,
    ],
  ])('keeps what is valid in %s and says what was dropped', (_, raw, kept, issue) => {
    const parsed = parseRecentSearches(raw);
    expect(parsed.data).toEqual({ version: 1, searches: kept });
    expect(wordProblems(parsed.issues, 'document')).toEqual([expect.stringMatching(issue)]);
  });

  it('reads a valid document with no issues', () => {
    expect(parseRecentSearches({ version: 1, searches: ['permits', 'GIS'] })).toEqual({
      data: { version: 1, searches: ['permits', 'GIS'] },
      issues: [],
    });
  });
});

describe('RecentSearchStore over the browser host storage', () => {
  it('stores, reloads and clears the list', async () => {
    const backing = memoryStorage();
    const store = new RecentSearchStore(createWebStorageDocuments(backing));
    await store.load();
    const seen: (readonly string[])[] = [];
    store.subscribe(() => {
      if (seen.at(-1) !== store.getSnapshot()) seen.push(store.getSnapshot());
    });
    await store.add('permits');
    await store.add('brodband');
    await store.add('permits'); // already there: moves to the top
    await store.add(' permits '); // the same search again: nothing changes
    expect(seen).toEqual([['permits'], ['brodband', 'permits'], ['permits', 'brodband']]);
    expect(JSON.parse(backing.map.get(mainKey(RECENT_SEARCHES_KEY)) ?? '')).toEqual({
      version: 1,
      searches: ['permits', 'brodband'],
    });

    const reopened = new RecentSearchStore(createWebStorageDocuments(backing));
    await reopened.load();
    expect(reopened.getSnapshot()).toEqual(['permits', 'brodband']);
    await reopened.clear();
    expect(reopened.getSnapshot()).toEqual([]);
    const third = new RecentSearchStore(createWebStorageDocuments(backing));
    await third.load();
    expect(third.getSnapshot()).toEqual([]);
  });

  it('never trusts a stored document, nor drops it quietly: the original is kept aside', async () => {
    const backing = memoryStorage();
    const original = '{"version":1,"searches":[42,"permits"]}';
    backing.setItem(mainKey(RECENT_SEARCHES_KEY), original);
    const store = new RecentSearchStore(createWebStorageDocuments(backing));
    await store.load();
    expect(store.getSnapshot()).toEqual(['permits']);
    const report = store.loadReport;
    expect(report).toMatchObject({
      status: 'repaired',
      keptCopyAs: RECENT_SEARCHES_KEY + INVALID_COPY_SUFFIX,
    });
    expect(report?.status === 'repaired' && wordProblems(report.issues)).toEqual([
      expect.stringMatching(/^searches\.0: /),
    ]);
    await store.add('GIS');
    expect(backing.getItem(mainKey(RECENT_SEARCHES_KEY + INVALID_COPY_SUFFIX))).toBe(original);
  });

  it('keeps a search made before the stored list was read', async () => {
    const backing = memoryStorage();
    backing.setItem(mainKey(RECENT_SEARCHES_KEY), '{"version":1,"searches":["old"]}');
    const store = new RecentSearchStore(createWebStorageDocuments(backing));
    const adding = store.add('new');
    await store.load();
    await adding;
    expect(store.getSnapshot()).toEqual(['new', 'old']);
  });
});
