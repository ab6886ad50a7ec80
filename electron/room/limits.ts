/**
 * Counting limiters for the room server: how many actions a participant took in the last
 * 10 seconds, how many wrong join codes an address sent in the last minute. Pure (the clock is
 * passed in), so the tests can move time without waiting.
 */

/** Counts events per key within a rolling window and says when a key has had its share. */
export class RollingLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** True when `key` has already had `max` events within the window ending at `now`. */
  isOver(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.max;
  }

  /** Records one event for `key` at `now`. */
  record(key: string, now: number): void {
    const times = this.recent(key, now);
    times.push(now);
    this.events.set(key, times);
  }

  /**
   * Records an event unless the key is over its share; true when it was allowed. One call, so a
   * check and its record can never drift apart.
   */
  take(key: string, now: number): boolean {
    if (this.isOver(key, now)) return false;
    this.record(key, now);
    return true;
  }

  /** Forgets keys with nothing left in the window, so a stream of new addresses cannot grow it. */
  prune(now: number): void {
    for (const key of [...this.events.keys()]) {
      if (this.recent(key, now).length === 0) this.events.delete(key);
    }
  }

  /** How many keys are remembered (tests check pruning). */
  get size(): number {
    return this.events.size;
  }

  private recent(key: string, now: number): number[] {
    const times = this.events.get(key);
    if (times === undefined) return [];
    const from = now - this.windowMs;
    const kept = times.filter((time) => time > from);
    if (kept.length === 0) this.events.delete(key);
    else if (kept.length !== times.length) this.events.set(key, kept);
    return kept;
  }
}
