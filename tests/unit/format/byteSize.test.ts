import { describe, expect, it } from 'vitest';
import { formatByteSize, GIB, KIB, MIB } from '../../../electron/shared/byteSize';

describe('formatByteSize', () => {
  it.each([
    [20 * MIB, '20 MB'],
    [25 * MIB, '25 MB'],
    [512 * KIB, '512 KB'],
    [1.5 * MIB, '1.5 MB'],
    [GIB, '1 GB'],
    [5 * GIB, '5 GB'],
    [2048 * GIB, '2,048 GB'],
    // Not a whole number of tenths of a larger unit: said exactly, in a smaller one.
    [1_000, '1,000 bytes'],
    [1_000_000, '1,000,000 bytes'],
    [MIB + 1, '1,048,577 bytes'],
    [1, '1 byte'],
    [0, '0 bytes'],
  ])('writes the limit %d as "%s"', (bytes, expected) => {
    expect(formatByteSize(bytes, 'limit')).toBe(expected);
  });

  it.each([
    [21 * MIB, '21.0 MB'],
    [20 * MIB + 1, '20.0 MB'],
    [6.34 * MIB, '6.3 MB'],
    [1.05 * GIB, '1.1 GB'],
    [1_100, '1.1 KB'],
    [KIB * 1023.96, '1.0 MB'],
    [MIB - 1, '1.0 MB'],
    [1023, '1,023 bytes'],
    [1_000, '1,000 bytes'],
    [900, '900 bytes'],
    [1, '1 byte'],
    [0, '0 bytes'],
  ])('writes the measured size %d as "%s"', (bytes, expected) => {
    expect(formatByteSize(bytes, 'measured')).toBe(expected);
  });

  it('never writes a measured size the way it writes the limit it passed', () => {
    const limit = 20 * MIB;
    expect(formatByteSize(limit + 1, 'measured')).not.toBe(formatByteSize(limit, 'limit'));
  });

  it('writes the number the way the given locale does (the interface language)', () => {
    expect(formatByteSize(1.5 * MIB, 'limit', 'fr-CA')).toBe('1,5 MB');
    expect(formatByteSize(1023, 'measured', 'fr-CA')).toBe('1\u00a0023 bytes');
    expect(formatByteSize(1023, 'measured')).toBe('1,023 bytes');
  });
});
