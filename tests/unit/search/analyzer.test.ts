import lunr from 'lunr';
import { describe, expect, it, vi } from 'vitest';
import {
  analyzeQuery,
  analyzeText,
  foldToken,
  foldWord,
  foldText,
  indexTokens,
  tokenSpans,
  unicodeTokenSpans,
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

describe('wordSpans and indexTokens', () => {
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

  it('gives each token its word number; stop words count, joined compounds share one', () => {
    expect(indexTokens('Le réseau du Nord').map((t) => [t.word, t.ordinal])).toEqual([
      ['Le', 0],
      ['réseau', 1],
      ['du', 2],
      ['Nord', 3],
    ]);
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
    // Long runs that a backtracking tokenizer would choke on (the test's timeout catches that).
    hostile.push("a'".repeat(20_000), 'a-'.repeat(20_000), '1,'.repeat(20_000));
    for (const text of hostile) expect(() => analyzeQuery(text)).not.toThrow();
  });
});

describe('tokenSpans: compounds', () => {
  it('keeps words joined by hyphens together, with their parts and joined form', () => {
    const [wifi, epermitting, years, covid] = tokenSpans('Wi-Fi e‑permitting 2020-2024 COVID-19');
    expect(wifi).toEqual({
      word: 'Wi-Fi',
      start: 0,
      length: 5,
      parts: [
        { word: 'Wi', start: 0, length: 2 },
        { word: 'Fi', start: 3, length: 2 },
      ],
      joined: 'WiFi',
    });
    expect(epermitting?.joined).toBe('epermitting'); // a non-breaking hyphen joins too
    expect(years?.joined).toBeNull(); // digits only: a range, not a word
    expect(covid?.joined).toBe('COVID19');
  });

  it('does not join a hyphen at a word edge, a dash or a minus sign', () => {
    expect(tokenSpans('broadband -eorn e- – x').map((t) => t.word)).toEqual([
      'broadband',
      'eorn',
      'e',
      'x',
    ]);
    expect(tokenSpans('a-b-c-d-e')[0]?.joined).toBeNull(); // too many parts to be one word
  });

  it('indexes a compound by its parts and by its joined form spanning all of it', () => {
    expect(indexTokens('city-wide Wi-Fi')).toEqual([
      { word: 'city', start: 0, length: 4, ordinal: 0, joined: false },
      { word: 'wide', start: 5, length: 4, ordinal: 1, joined: false },
      { word: 'citywide', start: 0, length: 9, ordinal: 0, joined: true },
      { word: 'Wi', start: 10, length: 2, ordinal: 2, joined: false },
      { word: 'Fi', start: 13, length: 2, ordinal: 3, joined: false },
      { word: 'WiFi', start: 10, length: 5, ordinal: 2, joined: true },
    ]);
    expect(analyzeText('Wi-Fi and WiFi')).toEqual(['wi', 'fi', 'wifi', 'wifi']);
  });

  it('queries a compound by its joined form, which every spelling was indexed under', () => {
    for (const typed of ['Wi-Fi', 'wifi', 'WIFI', 'wi‑fi'])
      expect(analyzeQuery(typed).map((w) => w.term)).toEqual(['wifi']);
    expect(analyzeQuery('e-permitting')).toEqual([
      { raw: 'e-permitting', folded: 'epermitting', term: 'epermit', position: [0, 12] },
    ]);
    expect(analyzeQuery('epermitting').map((w) => w.term)).toEqual(['epermit']);
    expect(analyzeQuery('2020-2024').map((w) => w.term)).toEqual(['2020', '2024']);
  });
});

describe('one tokenizer for documents and queries', () => {
  it.each([
    ['17,262', ['17262']],
    ['2.5', ['2.5']],
    ['re\u0301seau', ['reseau']],
    ['RE\u0301SEAU', ['reseau']],
    ['ranc\u0327ongiciel', ['rancongiciel']],
  ])('%j is one word, indexed and queried alike', (text, terms) => {
    expect(analyzeText(text)).toEqual(terms);
    expect(analyzeQuery(text).map((w) => w.term)).toEqual(terms);
  });
});

describe('the plain ASCII shortcuts', () => {
  /** A seeded generator, so a failure can be replayed. */
  function lcg(seed: number): () => number {
    let state = seed;
    return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  }
  // Every ASCII character, weighted towards letters and spaces so texts hold words, plus a few
  // beyond ASCII, so texts that must take the Unicode pattern are drawn too.
  const ASCII = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join('');
  const ALPHABET = `${ASCII}aeiouAEIOU      0123456789é’‐\u0301`;

  it('tokenSpans cuts any text exactly as the Unicode pattern does', () => {
    const random = lcg(14);
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(random() * 40);
      const text = Array.from(
        { length },
        () => ALPHABET[Math.floor(random() * ALPHABET.length)] as string,
      ).join('');
      expect(tokenSpans(text), JSON.stringify(text)).toEqual(unicodeTokenSpans(text));
    }
    // Joiners inside plain ASCII text still join ("17,262", "Wi-Fi", "Ontario's").
    for (const text of ['17,262 people', 'Wi-Fi here', "Ontario's plan", '2.5 km'])
      expect(tokenSpans(text)).toEqual(unicodeTokenSpans(text));
  });

  it('foldWord only lowercases a word of ASCII letters and digits, as the full fold would', () => {
    const random = lcg(7);
    const characters = 'abcxyzABCXYZ0129';
    for (let n = 0; n < 500; n++) {
      const word = Array.from(
        { length: 1 + Math.floor(random() * 12) },
        () => characters[Math.floor(random() * characters.length)] as string,
      ).join('');
      expect(foldWord(word)).toBe(foldText(word));
    }
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

  it('names its fold step, so lunr has nothing to warn about on the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      new lunr.Pipeline().add(foldToken);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
