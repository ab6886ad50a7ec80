import { describe, expect, it } from 'vitest';
import {
  normaliseForQuote,
  prepareReleaseText,
  quoteMatchesRelease,
} from '../../../renderer/src/core/content/releaseText';

const release = prepareReleaseText(
  'The report also provides a detailed “how-to” approach.\n  • Providing support to enable successful municipal digital initiatives.',
);

describe('quoteMatchesRelease', () => {
  it.each([
    ['exact words', 'The report also provides a detailed “how-to” approach.'],
    ['straight quotes for curly ones, other case', "a DETAILED 'how-to' approach"],
    ['whitespace and line breaks', 'Providing   support\nto enable'],
    ['punctuation at the edges belongs to the sentence', ', approach.'],
    [
      'an ellipsis (three dots or one character) joins parts in order',
      'The report … approach ... Providing',
    ],
  ])('matches %s', (_name, quote) => {
    expect(quoteMatchesRelease(quote, release)).toBe(true);
  });

  it.each([
    ['other words', 'a detailed how-to guide'],
    ['parts out of order', 'Providing support ... The report'],
    ['nothing but an ellipsis', '...'],
    ['an empty quotation', ''],
  ])('refuses %s', (_name, quote) => {
    expect(quoteMatchesRelease(quote, release)).toBe(false);
  });

  it('normalises quotes, apostrophes, case and spaces the same way on both sides', () => {
    expect(normaliseForQuote('Ontario’s  “Digital”\tService')).toBe("ontario's 'digital' service");
  });
});
