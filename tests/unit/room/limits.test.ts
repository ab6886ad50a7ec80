import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatchTimer } from '../../../electron/room/batchTimer';
import { RollingLimiter } from '../../../electron/room/limits';

describe('rolling limiter', () => {
  it('allows max events per window per key, then again once the window has passed', () => {
    const limiter = new RollingLimiter(3, 1000);
    expect([0, 10, 20, 30].map((now) => limiter.take('a', now))).toEqual([true, true, true, false]);
    expect(limiter.take('b', 30)).toBe(true);
    expect(limiter.isOver('a', 999)).toBe(true);
    expect(limiter.take('a', 1001)).toBe(true);
  });

  it('forgets keys with nothing in the window', () => {
    const limiter = new RollingLimiter(3, 1000);
    for (let i = 0; i < 100; i += 1) limiter.record(`address-${i}`, 0);
    expect(limiter.size).toBe(100);
    limiter.prune(5000);
    expect(limiter.size).toBe(0);
  });
});

describe('batch timer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('flushes the first change at once and gathers a burst into one flush per interval', () => {
    vi.useFakeTimers();
    const flushes: number[] = [];
    const timer = new BatchTimer(
      100,
      () => flushes.push(Date.now()),
      () => Date.now(),
    );
    const start = Date.now();
    timer.markChanged();
    vi.advanceTimersByTime(0);
    expect(flushes).toEqual([start]);
    for (let i = 0; i < 50; i += 1) {
      timer.markChanged();
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(200);
    // 250 ms of changes: the first flush, then one per 100 ms.
    expect(flushes.map((time) => time - start)).toEqual([0, 100, 200, 300]);
    timer.stop();
    timer.markChanged();
    vi.advanceTimersByTime(500);
    expect(flushes).toHaveLength(4);
  });
});
