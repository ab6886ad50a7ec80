import { describe, expect, it } from 'vitest';
import { RADIX_THRESHOLD, sortNonNegative } from '../../../renderer/src/core/search/radixSort';
import { seededRandom } from '../../bench/search/random';

/** The keys in the order a comparison sort gives. */
function compared(keys: Float64Array): number[] {
  return [...keys].sort((a, b) => a - b);
}

describe('sortNonNegative', () => {
  it('sorts as a comparison sort does, below and above the radix threshold', () => {
    const random = seededRandom(11);
    for (const size of [0, 1, 2, RADIX_THRESHOLD - 1, RADIX_THRESHOLD, 3_000, 20_000]) {
      const keys = Float64Array.from({ length: size }, () => {
        const kind = random();
        // Exact ties, keys equal in their upper 32 bits but not below, tiny and huge keys.
        if (kind < 0.3) return Math.round(random() * 40) / 8;
        if (kind < 0.5) return 7 + Math.floor(random() * 1000) * 2 ** -50;
        if (kind < 0.6) return random() * 1e-310;
        if (kind < 0.7) return random() * 1e300;
        return random() * 100;
      });
      const expected = compared(keys);
      expect([...sortNonNegative(keys.slice(), size)]).toEqual(expected);
    }
  });

  it('sorts the first keys of a longer array and leaves a run of equal keys whole', () => {
    const keys = new Float64Array(RADIX_THRESHOLD * 4).fill(3);
    keys[0] = 0;
    keys[1] = Number.MAX_VALUE;
    const size = RADIX_THRESHOLD * 2;
    const sorted = sortNonNegative(keys, size);
    expect(sorted.length).toBe(size);
    expect(sorted[0]).toBe(0);
    expect(sorted[size - 1]).toBe(Number.MAX_VALUE);
    expect(sorted.subarray(1, size - 1).every((key) => key === 3)).toBe(true);
  });
});
