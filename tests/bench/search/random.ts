/**
 * Seeded randomness for the search benchmark: every corpus and query set is the same on every
 * run, so two runs (or two engines) see exactly the same work.
 */

/** A uniform generator in [0, 1): mulberry32, small and good enough for sampling. */
export type Random = () => number;

/** A seeded PRNG (mulberry32). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** One element of a non-empty list, uniformly. */
export function pick<T>(random: Random, list: readonly T[]): T {
  if (list.length === 0) throw new Error('pick() from an empty list');
  return list[randomInt(random, list.length)] as T;
}

/**
 * Samples items in proportion to their counts in O(log n) per draw (cumulative counts +
 * binary search): a unigram language model over a corpus's words.
 */
export class WeightedSampler<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private total = 0;

  constructor(counts: ReadonlyMap<T, number>) {
    for (const [item, count] of counts) {
      if (count <= 0) continue;
      this.total += count;
      this.items.push(item);
      this.cumulative.push(this.total);
    }
    if (this.items.length === 0) throw new Error('WeightedSampler needs at least one item');
  }

  /** Distinct items the sampler can return. */
  get size(): number {
    return this.items.length;
  }

  sample(random: Random): T {
    const target = random() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low] as T;
  }
}
