import { describe, expect, it } from 'vitest';
import {
  matchQuote,
  normaliseForQuote,
  prepareReleaseText,
} from '../../../renderer/src/core/content/releaseText';

const release = prepareReleaseText(
  'The report also provides a detailed “how-to” approach.\n  • Providing support to enable successful municipal digital initiatives.',
);

describe('matchQuote', () => {
  it.each([
    ['exact words', 'The report also provides a detailed “how-to” approach.'],
    ['straight quotes for curly ones, other case', "a DETAILED 'how-to' approach"],
    ['whitespace and line breaks', 'Providing   support\nto enable'],
    ['punctuation at the edges belongs to the sentence', ', a detailed “how-to” approach.'],
    [
      'an ellipsis (three dots or one character) joins parts in order',
      'The report also … detailed “how-to” approach ... Providing support to enable',
    ],
    ['fifteen characters in fewer than three words', 'successful municipal'],
  ])('matches %s', (_name, quote) => {
    expect(matchQuote(quote, release)).toBe('match');
  });

  it.each([
    ['other words', 'a detailed how-to guide'],
    ['parts out of order', 'Providing support to enable ... The report also provides'],
    ['nothing but an ellipsis', '...'],
    ['an empty quotation', ''],
    // Before issue 12's review these matched inside longer words ("support", "funding").
    ['part of a word', 'port'],
    ['parts of words at both ends', 'ing support to en'],
  ])('refuses %s', (_name, quote) => {
    expect(matchQuote(quote, release)).toBe('absent');
  });

  it.each([
    ['one word', 'digital'],
    ['two short words', 'report also'],
    ['a long part joined to a short one', 'The report also provides ... Providing'],
  ])('calls %s of the release a term, too short to stand for what was said', (_name, quote) => {
    expect(matchQuote(quote, release)).toBe('term');
  });

  it('normalises quotes, apostrophes, case and spaces the same way on both sides', () => {
    expect(normaliseForQuote('Ontario’s  “Digital”\tService')).toBe("ontario's 'digital' service");
  });
});
