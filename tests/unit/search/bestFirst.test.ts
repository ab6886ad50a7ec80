import { describe, expect, it } from 'vitest';
import { bestFirst } from '../../../renderer/src/core/search/bestFirst';
import { seededRandom } from '../../bench/search/random';

/** The order bestFirst promises, by a plain three-key comparator. */
function expected(scores: Float64Array, typo: Uint8Array, tieOrder: Int32Array | null): number[] {
  const place = new Map<number, number>();
  (tieOrder ?? Int32Array.from(scores.keys())).forEach((hit, i) => place.set(hit, i));
  return [...scores.keys()].sort(
    (a, b) =>
      (typo[a] as number) - (typo[b] as number) ||
      (scores[b] as number) - (scores[a] as number) ||
      (place.get(a) as number) - (place.get(b) as number),
  );
}

describe('bestFirst', () => {
  it('orders exact matches by score, ties by place, typo-only matches last', () => {
    const scores = Float64Array.from([1, 3, 3, 2, 9, 0]);
    const typo = Uint8Array.from([0, 0, 0, 0, 1, 0]);
    expect([...bestFirst(scores, typo, null)]).toEqual([1, 2, 3, 0, 5, 4]);
    // Ties follow the given order (ids across segments), not the index.
    const tieOrder = Int32Array.from([5, 4, 3, 2, 1, 0]);
    expect([...bestFirst(scores, typo, tieOrder)]).toEqual([2, 1, 3, 0, 5, 4]);
  });

  it('agrees with a comparator sort on many hits with near and exact ties', () => {
    const random = seededRandom(3);
    for (const count of [1, 2, 7, 500, 10_000]) {
      const scores = Float64Array.from({ length: count }, () =>
        // Few distinct values, so exact ties are common.
        random() < 0.5 ? Math.round(random() * 20) / 4 : random() * 100,
      );
      const typo = Uint8Array.from({ length: count }, () => (random() < 0.1 ? 1 : 0));
      const tieOrder = Int32Array.from(scores.keys()).sort(() => random() - 0.5);
      expect([...bestFirst(scores, typo, null)]).toEqual(expected(scores, typo, null));
      expect([...bestFirst(scores, typo, tieOrder)]).toEqual(expected(scores, typo, tieOrder));
    }
  });

  it('falls back to comparing when a score is not a finite non-negative number', () => {
    const scores = Float64Array.from([2, -1, 5]);
    expect([...bestFirst(scores, new Uint8Array(3), null)]).toEqual([2, 0, 1]);
  });
});
