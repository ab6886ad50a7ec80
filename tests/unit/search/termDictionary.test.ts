import lunr from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import { Segment } from '../../../renderer/src/core/search/layout/segment';
import {
  findTerm,
  prefixRange,
  shortestInRange,
  WordTrie,
} from '../../../renderer/src/core/search/termDictionary';
import { seededRandom } from '../../bench/search/random';
import { loadRealLibrary } from './realLibrary';

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
    const found = new WordTrie(terms)
      .within(word, distance)
      .map((i) => terms[i])
      .sort();
    expect(found).toEqual(lunrFuzzy(word, distance));
  });
});

describe('fuzzy matching of long words', () => {
  it('matches words longer than the bit-parallel walk takes as lunr does', () => {
    const long = 'a'.repeat(33);
    const words = [`${long}b`, `${long}bc`, `${long}cb`, `${long}xyz`, 'b'].sort();
    const lexicon = TokenSets.fromArray(words);
    for (const word of [`${long}b`, `${long}bcx`, `${long}c`])
      for (const distance of [1, 2]) {
        const ours = new WordTrie(words)
          .within(word, distance)
          .map((i) => words[i])
          .sort();
        const theirs = lexicon
          .intersect(TokenSets.fromFuzzyString(word, distance))
          .toArray()
          .sort();
        expect(ours, `${word} ~${distance}`).toEqual(theirs);
        expect(ours.length, `${word} ~${distance}`).toBeGreaterThan(0);
      }
  });
});

describe('fuzzy matching over the real library’s words', () => {
  let words: readonly string[] = [];
  beforeAll(async () => {
    const library = await loadRealLibrary();
    const fragments = buildSegment(library.documents, library.vocabulary);
    const segment = new Segment(fragments.core);
    segment.attach('lexicon', fragments.lexicon);
    words = segment.lexicon?.words ?? [];
  }, 60_000);

  it('finds exactly what lunr’s automaton finds, for misspellings of every kind', () => {
    const random = seededRandom(14);
    const letters = 'abcdefghijklmnopqrstuvwxyzé';
    const pick = (text: string) => text[Math.floor(random() * text.length)] ?? 'a';
    const lexicon = TokenSets.fromArray(words);
    const trie = new WordTrie(words);
    const samples = Array.from({ length: 150 }, () => {
      let word = words[Math.floor(random() * words.length)] ?? 'a';
      for (let edits = 1 + Math.floor(random() * 2); edits > 0; edits--) {
        const at = Math.floor(random() * (word.length + 1));
        const kind = Math.floor(random() * 4);
        if (kind === 0) word = word.slice(0, at) + pick(letters) + word.slice(at);
        else if (kind === 1) word = word.slice(0, at) + word.slice(at + 1);
        else if (kind === 2) word = word.slice(0, at) + pick(letters) + word.slice(at + 1);
        else
          word =
            word.slice(0, at) +
            word.slice(at + 1, at + 2) +
            word.slice(at, at + 1) +
            word.slice(at + 2);
      }
      return word;
    });
    for (const word of samples)
      for (const distance of [1, 2]) {
        const ours = trie
          .within(word, distance)
          .map((i) => words[i])
          .sort();
        const theirs = lexicon
          .intersect(TokenSets.fromFuzzyString(word, distance))
          .toArray()
          .sort();
        expect(ours, `${word} ~${distance}`).toEqual(theirs);
      }
  });
});
