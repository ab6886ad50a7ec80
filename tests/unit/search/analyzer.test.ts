import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import {
  FOLD_LABEL,
  analyzeQuery,
  analyzeText,
  foldWord,
  tokenize,
  wordSpans,
} from '../../../renderer/src/core/search/analyzer';

describe('foldWord', () => {
  it.each([
    ['Réseau', 'reseau'],
    ['rançongiciel', 'rancongiciel'],
    ['RANÇONGICIEL', 'rancongiciel'],
    ['Ontario’s', 'ontario'],
    ["Ontario's", 'ontario'],
    ["don't", 'dont'],
    ['17,262', '17262'],
    ['2.5', '2.5'],
    ['Œuvre', 'oeuvre'],
    ['straße', 'strasse'],
    ['e\u0301cole', 'ecole'], // already decomposed
    ['Québec', 'quebec'],
  ])('%s -> %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });
});

describe('tokenize', () => {
  it('splits on anything but letters and digits, keeping offsets into the original text', () => {
    const text = 'E-permitting: «réseau», 17,262 people; Ontario’s plan.';
    const spans = wordSpans(text);
    expect(spans.map((s) => s.word)).toEqual([
      'E',
      'permitting',
      'réseau',
      '17,262',
      'people',
      'Ontario’s',
      'plan',
    ]);
    for (const span of spans)
      expect(text.slice(span.start, span.start + span.length)).toBe(span.word);
  });

  it('gives lunr tokens with position and index metadata', () => {
    const tokens = tokenize('Le réseau', { fields: ['body'] });
    expect(tokens.map(String)).toEqual(['Le', 'réseau']);
    expect(tokens.map((t) => (t as unknown as { metadata: object }).metadata)).toEqual([
      { fields: ['body'], position: [0, 2], index: 0 },
      { fields: ['body'], position: [3, 6], index: 1 },
    ]);
  });

  it('accepts what lunr accepts: nothing, and arrays', () => {
    expect(tokenize(null)).toEqual([]);
    expect(tokenize(undefined)).toEqual([]);
    expect(tokenize(['a', 'b']).map(String)).toEqual(['a', 'b']);
  });

  it('never throws and stays linear on hostile input', () => {
    const hostile = [
      ':',
      '^',
      '~',
      '*',
      '"',
      '+-',
      'a:b^2~1*',
      '\u0000\uFFFF',
      '\u0301',
      'x'.repeat(10_000),
      "'".repeat(5000),
    ];
    for (const text of hostile) expect(() => analyzeQuery(text)).not.toThrow();
    const started = performance.now();
    analyzeQuery(`${"a'".repeat(20_000)}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('analyzeText and analyzeQuery', () => {
  it('folds, removes stop words and stems with the English stemmer', () => {
    expect(analyzeText('The permits were permitted while permitting')).toEqual([
      'permit',
      'permit',
      'permit',
    ]);
    expect(analyzeText('Réseau RESEAU reseau')).toEqual(['reseau', 'reseau', 'reseau']);
  });

  it('gives each query word its folded form (for prefix/typo clauses) and its term', () => {
    expect(analyzeQuery('Rançongiciels the Permits')).toEqual([
      { raw: 'Rançongiciels', folded: 'rancongiciels', term: 'rancongiciel', position: [0, 13] },
      { raw: 'the', folded: 'the', term: null, position: [14, 3] },
      { raw: 'Permits', folded: 'permits', term: 'permit', position: [18, 7] },
    ]);
  });

  it('registers the fold step so a serialized pipeline loads', () => {
    const pipeline = lunr.Pipeline.load([FOLD_LABEL, 'stopWordFilter', 'stemmer']);
    expect(pipeline.runString('Réseaux')).toEqual(['reseaux']);
  });
});
