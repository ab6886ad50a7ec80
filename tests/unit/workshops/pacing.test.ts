import { describe, expect, it } from 'vitest';
import {
  blockPacing,
  formatClockDuration,
  sessionDrift,
} from '../../../renderer/src/core/workshops/pacing';
import { driftText, pacingText } from '../../../renderer/src/ui/workshops/timeWords';

describe('pacing against the block’s planned minutes', () => {
  it.each([
    // elapsed s, planned min, options, status, remaining s
    [0, 10, {}, 'on-track', 600],
    [479, 10, {}, 'on-track', 121],
    [480, 10, {}, 'running-long', 120],
    [600, 10, {}, 'running-long', 0],
    [601, 10, {}, 'over', -1],
    [900, 10, {}, 'over', -300],
    [300, 10, { warnAt: 0.5 }, 'running-long', 300],
    // With the position in the block: half the time, half the slides is on track...
    [300, 10, { progress: 0.5 }, 'on-track', 300],
    // ...half the time on the first of four slides is running long (slack is 60 s)...
    [300, 10, { progress: 0.25 }, 'running-long', 300],
    [210, 10, { progress: 0.25 }, 'on-track', 390],
    [211, 10, { progress: 0.25 }, 'running-long', 389],
    // ...and near the end on the last slide is fine.
    [570, 10, { progress: 1 }, 'on-track', 30],
    [100, 10, { progress: 0, slackSeconds: 90 }, 'running-long', 500],
  ] as const)('%i s of %i min %j is %s', (elapsed, planned, options, status, remaining) => {
    const pacing = blockPacing(elapsed, planned, options);
    expect(pacing.status).toBe(status);
    expect(pacing.remainingSeconds).toBe(remaining);
    expect(pacing.plannedSeconds).toBe(planned * 60);
  });

  it('treats negative elapsed time as zero', () => {
    expect(blockPacing(-5, 10)).toMatchObject({ status: 'on-track', elapsedSeconds: 0 });
  });

  it('sessionDrift is 0 inside the block’s window, positive when early, negative when late', () => {
    const blocks = [{ minutes: 10 }, { minutes: 20 }, { minutes: 30 }];
    expect(sessionDrift(blocks, 1, 15 * 60)).toBe(0);
    expect(sessionDrift(blocks, 1, 8 * 60)).toBe(120);
    expect(sessionDrift(blocks, 1, 35 * 60)).toBe(-300);
  });

  it('words the drift to the nearest minute, and each pacing status', () => {
    expect(driftText(0)).toBe('On schedule');
    expect(driftText(29)).toBe('On schedule');
    expect(driftText(120)).toBe('2 min ahead of schedule');
    expect(driftText(-3900)).toBe('1 h 5 min behind schedule');
    expect(
      (['on-track', 'running-long', 'over'] as const).map((status) => pacingText(status)),
    ).toEqual(['On track', 'Running long', 'Over time']);
  });

  it.each([
    [0, '0:00'],
    [59, '0:59'],
    [61, '1:01'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
    [-90, '-1:30'],
  ])('formatClockDuration(%i) is %s', (seconds, text) => {
    expect(formatClockDuration(seconds)).toBe(text);
  });
});
