import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import {
  findTerm,
  fuzzyMatches,
  prefixRange,
  shortestInRange,
} from '../../../renderer/src/core/search/termDictionary';

const terms = [
  'a',
  'brodband',
  'broad',
  'broadband',
  'broadbands',
  'broadcast',
  'broader',
  'municip',
  'municipal',
  'municipalities',
  'municipalités',
  'roadband',
  'zz',
].sort();

// lunr's own answer: its fuzzy TokenSet intersected with a TokenSet of the same terms.
const TokenSets = lunr.TokenSet as unknown as {
  fromArray(words: readonly string[]): lunr.TokenSet;
  fromFuzzyString(word: string, distance: number): lunr.TokenSet;
};
const lunrFuzzy = (word: string, distance: number) =>
  TokenSets.fromArray(terms).intersect(TokenSets.fromFuzzyString(word, distance)).toArray().sort();

describe('term dictionary over a sorted list', () => {
  it('finds exact terms', () => {
    expect(findTerm(terms, 'broadband')).toBe(terms.indexOf('broadband'));
    expect(findTerm(terms, 'broadban')).toBe(-1);
    expect(findTerm([], 'x')).toBe(-1);
  });

  it.each(['b', 'broad', 'broadband', 'municip', 'x', 'zzz'])(
    'gives the range of the terms starting with %j',
    (prefix) => {
      const [start, end] = prefixRange(terms, prefix);
      expect(terms.slice(start, end)).toEqual(terms.filter((t) => t.startsWith(prefix)));
    },
  );

  it.each([1, 2, 3, 10])('picks the %i shortest of a range, ties in list order', (cap) => {
    const [start, end] = prefixRange(terms, 'b');
    const expected = terms
      .slice(start, end)
      .map((term, i) => ({ term, i }))
      .sort((a, b) => a.term.length - b.term.length || a.i - b.i)
      .slice(0, cap)
      .map(({ term }) => term);
    expect(shortestInRange(terms, start, end, cap).map((i) => terms[i])).toEqual(expected);
  });

  it.each([
    ['broadbnd', 1],
    ['borad', 1],
    ['braodband', 1],
    ['broadbandss', 1],
    ['municipalites', 2],
    ['munisipal', 2],
    ['a', 1],
    ['zzzz', 2],
  ] as const)('matches %j within %i edits exactly as lunr does', (word, distance) => {
    const found = fuzzyMatches(terms, word, distance)
      .map((i) => terms[i])
      .sort();
    expect(found).toEqual(lunrFuzzy(word, distance));
  });
});
