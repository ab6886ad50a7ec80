import { describe, expect, it } from 'vitest';
import { shortQuote } from '../../../renderer/src/core/annotations/shortQuote';

describe('shortQuote', () => {
  it('flattens white space and keeps a short quote whole', () => {
    expect(shortQuote('  Broadband\n\n for   all  ')).toBe('Broadband for all');
  });

  it('cuts a long quote at a word and adds an ellipsis', () => {
    const quote = 'word '.repeat(10).trim();
    expect(shortQuote(quote, 12)).toBe('word word…');
  });

  it('cuts inside a word when the last space is too early', () => {
    expect(shortQuote('a abcdefghijklmnop', 10)).toBe('a abcdefgh…');
  });
});
