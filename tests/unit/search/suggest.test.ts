import { describe, expect, it } from 'vitest';
import { englishAnalyzer } from '../../../renderer/src/core/search/analyzer';
import {
  buildLexicon,
  editDistance,
  nearestWord,
  suggestQueries,
} from '../../../renderer/src/core/search/suggest';
import { MAX_QUERY_CHARS } from '../../../renderer/src/core/search/parseQuery';

const lexicon = buildLexicon(
  [
    'Opportunity: Regional broadband partnerships',
    'Greater Sudbury adopts open government and open data by default',
    'AODA (Accessibility for Ontarians with Disabilities Act)',
    'Middlesex Centre moves building permits online',
    'Opportunity: Online voting in municipal elections',
    'Ransomware',
    'rançongiciel',
  ],
  englishAnalyzer,
);

describe('editDistance', () => {
  it.each([
    ['broadband', 'broadband', 0],
    ['brodband', 'broadband', 1],
    ['boradband', 'broadband', 1], // a swap of two neighbours is one edit
    ['sudbery', 'sudbury', 1],
    ['muncipal', 'municipal', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s -> %s is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('gives up past the limit, returning limit + 1', () => {
    expect(editDistance('broadband', 'voting', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});

describe('buildLexicon', () => {
  it('keeps each folded word once, preferring a lower-case spelling, and skips short words', () => {
    const folded = lexicon.map((w) => w.folded);
    expect(new Set(folded).size).toBe(folded.length);
    expect(folded).not.toContain('by');
    expect(lexicon.find((w) => w.folded === 'opportunity')?.display).toBe('Opportunity');
    expect(lexicon.find((w) => w.folded === 'online')?.display).toBe('online');
    expect(lexicon.find((w) => w.folded === 'aoda')?.display).toBe('AODA');
    expect(lexicon.find((w) => w.folded === 'rancongiciel')?.display).toBe('rançongiciel');
  });
});

describe('nearestWord', () => {
  it.each([
    ['brodband', 'broadband'],
    ['Sudbery', 'Sudbury'],
    ['muncipal', 'municipal'],
    ['AODE', 'AODA'],
    ['rancongicel', 'rançongiciel'],
  ])('%s -> %s', (typed, expected) => {
    expect(nearestWord(typed, lexicon)?.display).toBe(expected);
  });

  it('finds nothing for a word far from every known word', () => {
    expect(nearestWord('zzzzzzzz', lexicon)).toBeNull();
    expect(nearestWord('dog', lexicon)).toBeNull();
  });
});

describe('suggestQueries', () => {
  it('fixes every unknown word at once, then each one alone', () => {
    expect(suggestQueries('brodband Sudbery', lexicon, 3, englishAnalyzer)).toEqual([
      'broadband Sudbury',
      'broadband Sudbery',
      'brodband Sudbury',
    ]);
  });

  it('keeps known words, quotes and minus signs as typed', () => {
    expect(suggestQueries('"open dta" -muncipal', lexicon, 3, englishAnalyzer)).toEqual([
      '"open data" -municipal',
      '"open data" -muncipal',
      '"open dta" -municipal',
    ]);
  });

  it('returns nothing when every word is known or nothing is near', () => {
    expect(suggestQueries('broadband online', lexicon, 3, englishAnalyzer)).toEqual([]);
    expect(suggestQueries('qqqqqqq', lexicon, 3, englishAnalyzer)).toEqual([]);
    expect(suggestQueries('', lexicon, 3, englishAnalyzer)).toEqual([]);
  });

  it('reads as much of the input as a search does (MAX_QUERY_CHARS), no more', () => {
    const within = `${'x '.repeat((MAX_QUERY_CHARS - 8) / 2)}brodband`;
    expect(within.length).toBe(MAX_QUERY_CHARS);
    expect(suggestQueries(within, lexicon, 3, englishAnalyzer)[0]).toMatch(/broadband$/);
    expect(
      suggestQueries(`${'x '.repeat(MAX_QUERY_CHARS / 2)}brodband`, lexicon, 3, englishAnalyzer),
    ).toEqual([]);
  });

  it('caps the number of suggestions and copes with odd input', () => {
    expect(suggestQueries('brodband sudbery muncipal', lexicon, 2, englishAnalyzer)).toHaveLength(
      2,
    );
    expect(() => suggestQueries(':^~*"'.repeat(2000), lexicon, 3, englishAnalyzer)).not.toThrow();
  });
});

describe('suggestQueries with words nothing is near', () => {
  it('leaves such words out when another word can be fixed', () => {
    expect(suggestQueries('zzqxv muncipal', lexicon, 3, englishAnalyzer)).toEqual(['municipal']);
    expect(suggestQueries('brodband -zzqxv', lexicon, 3, englishAnalyzer)).toEqual(['broadband']);
  });
});
