import { describe, expect, it } from 'vitest';
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

  it('caps the number of words and the length considered', () => {
    const parsed = parseQuery('word '.repeat(2_000));
    expect(parsed.terms).toHaveLength(MAX_QUERY_WORDS);
  });
});
