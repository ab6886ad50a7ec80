import { describe, expect, it } from 'vitest';
import { tokenSpans } from '../../../renderer/src/core/search/analyzer';
import { MAX_QUERY_WORDS, parseQuery } from '../../../renderer/src/core/search/parseQuery';

describe('parseQuery', () => {
  it.each([
    ['permits', { terms: ['permits'], phrases: [], excluded: [], lastTermIsPrefix: true }],
    ['permits ', { terms: ['permits'], phrases: [], excluded: [], lastTermIsPrefix: false }],
    [
      'open data -toronto',
      { terms: ['open', 'data'], phrases: [], excluded: ['toronto'], lastTermIsPrefix: false },
    ],
    [
      '"digital records" council',
      {
        terms: ['council'],
        phrases: [['digital', 'records']],
        excluded: [],
        lastTermIsPrefix: true,
      },
    ],
    ['"single"', { terms: ['single'], phrases: [], excluded: [], lastTermIsPrefix: false }],
    [
      '"unclosed phrase here',
      {
        terms: [],
        phrases: [['unclosed', 'phrase', 'here']],
        excluded: [],
        lastTermIsPrefix: false,
      },
    ],
    [
      'rançongiciel',
      { terms: ['rançongiciel'], phrases: [], excluded: [], lastTermIsPrefix: true },
    ],
    [
      "Ontario's towns",
      { terms: ["Ontario's", 'towns'], phrases: [], excluded: [], lastTermIsPrefix: true },
    ],
    [
      'title:broadband^10 net~2 wi*',
      {
        terms: ['title', 'broadband', '10', 'net', '2', 'wi'],
        phrases: [],
        excluded: [],
        lastTermIsPrefix: true,
      },
    ],
    [':', { terms: [], phrases: [], excluded: [], lastTermIsPrefix: false }],
    ['- -', { terms: [], phrases: [], excluded: [], lastTermIsPrefix: false }],
    ['', { terms: [], phrases: [], excluded: [], lastTermIsPrefix: false }],
  ])('%j', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected);
  });

  it.each([
    ['17,262', ['17,262']],
    ['2.5 million', ['2.5', 'million']],
    ['re\u0301seau', ['re\u0301seau']],
    ['Wi-Fi hotspots', ['Wi-Fi', 'hotspots']],
    ['e-permitting -middlesex', ['e-permitting']],
  ])('cuts %j into words as the index does', (input, terms) => {
    expect(parseQuery(input).terms).toEqual(terms);
  });

  it("splits words with the analyzer's tokenizer, by construction", () => {
    const texts = [
      'Ontario’s 17,262 people: réseau, Wi-Fi, e-permitting (2.5%)',
      'ÆSIR œuvre straße 1.2.3 a’b’c',
      'x\u0301y \u0301z ٣٤ 東京 👍 tab\tnew\nline',
    ];
    for (const text of texts)
      expect(parseQuery(text).terms).toEqual(tokenSpans(text).map((token) => token.word));
  });

  it('caps the number of words and the length considered', () => {
    const parsed = parseQuery('word '.repeat(2_000));
    expect(parsed.terms).toHaveLength(MAX_QUERY_WORDS);
  });
});
