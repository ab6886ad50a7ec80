import { describe, expect, it } from 'vitest';
import {
  ByteReader,
  ByteWriter,
  readSortedWords,
  writeSortedWords,
} from '../../../renderer/src/core/search/layout/bytes';

describe('index bytes', () => {
  it('round-trips varints of every size and text', () => {
    const out = new ByteWriter();
    const numbers = [0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 31, 2 ** 53 - 1];
    for (const value of numbers) out.uint(value);
    out.text('réseau 🙂');
    const input = new ByteReader(out.finish(), 'test bytes');
    expect(numbers.map(() => input.uint())).toEqual(numbers);
    expect(input.text()).toBe('réseau 🙂');
    expect(input.done).toBe(true);
    expect(() => input.uint()).toThrow(/test bytes is truncated/);
    expect(() => new ByteWriter().uint(-1)).toThrow(RangeError);
  });

  it('front-codes sorted words, without splitting a surrogate pair', () => {
    const words = ['', 'a', 'municip', 'municipal', 'municipalities', 'x😀a', 'x😃b', 'zz'];
    const out = new ByteWriter();
    writeSortedWords(out, words);
    writeSortedWords(out, []);
    const input = new ByteReader(out.finish(), 'words');
    expect(readSortedWords(input)).toEqual(words);
    expect(readSortedWords(input)).toEqual([]);
  });
});
