import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import {
  compareWithTarget,
  durationParts,
  formatClockTime,
  parseClockTime,
  scheduleBlocks,
  totalMinutes,
} from '../../../renderer/src/core/workshops/timing';
import {
  formatClock,
  formatClockSpan,
  formatDuration,
  targetText,
} from '../../../renderer/src/ui/workshops/timeWords';
import { CORPUS_TIMEOUT } from '../planner/helpers';
import { bundledWorkshops } from './helpers';

afterEach(() => setLanguage('en'));

const blocks = (...minutes: number[]) => minutes.map((m) => ({ minutes: m }));

describe('block timing', () => {
  it('starts each block when the previous one ends', () => {
    const schedule = scheduleBlocks(blocks(10, 15, 20, 45), parseClockTime('9:00') ?? -1);
    expect(schedule.map((s) => [s.start, s.end])).toEqual([
      ['09:00', '09:10'],
      ['09:10', '09:25'],
      ['09:25', '09:45'],
      ['09:45', '10:30'],
    ]);
    expect(schedule.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(totalMinutes(blocks(10, 15, 20, 45))).toBe(90);
  });

  it('wraps the clock past midnight but keeps counting minutes', () => {
    const [late, next] = scheduleBlocks(blocks(30, 60), 23 * 60 + 45);
    expect(late).toMatchObject({ start: '23:45', end: '00:15', endMinutes: 24 * 60 + 15 });
    expect(next).toMatchObject({ start: '00:15', end: '01:15' });
  });

  it('an empty agenda has no blocks and no length', () => {
    expect(scheduleBlocks([], 540)).toEqual([]);
    expect(totalMinutes([])).toBe(0);
  });

  it.each([
    ['9:00', 540],
    ['09:05', 545],
    ['23:59', 1439],
    ['0:00', 0],
    [' 13:30 ', 810],
    ['24:00', null],
    ['9:60', null],
    ['9', null],
    ['nine', null],
    ['9:5', null],
  ])('parseClockTime(%j) is %j', (text, minutes) => {
    expect(parseClockTime(text)).toBe(minutes);
  });

  it.each([
    [0, '00:00', '12:00 a.m.'],
    [9 * 60 + 30, '09:30', '9:30 a.m.'],
    [12 * 60, '12:00', '12:00 p.m.'],
    [13 * 60 + 5, '13:05', '1:05 p.m.'],
    [24 * 60 + 15, '00:15', '12:15 a.m.'],
  ])('formats %i minutes as %s and, in words, %s', (minutes, h24, h12) => {
    expect(formatClockTime(minutes)).toBe(h24);
    expect(formatClock(minutes)).toBe(h12);
  });

  it('puts noon and midnight at 12 on the English 12-hour dial', () => {
    expect(formatClock(12 * 60)).toBe('12:00 p.m.');
    expect(formatClock(5)).toBe('12:05 a.m.');
    expect(formatClock(23 * 60 + 59)).toBe('11:59 p.m.');
  });

  it.each([
    [0, '0 h 00'],
    [9 * 60 + 30, '9 h 30'],
    [12 * 60, '12 h 00'],
    [14 * 60 + 30, '14 h 30'],
    [24 * 60 + 15, '0 h 15'],
  ])('in French, writes %i minutes on the 24-hour clock as %s', (minutes, text) => {
    setLanguage('fr');
    expect(formatClock(minutes)).toBe(text);
  });

  it('in French, words a span of clock times on the 24-hour clock', () => {
    setLanguage('fr');
    expect(formatClockSpan(13 * 60 + 45, 14 * 60 + 30)).toBe('13 h 45 – 14 h 30');
  });

  it('words a span of clock times with an en dash', () => {
    expect(formatClockSpan(9 * 60, 9 * 60 + 15)).toBe('9:00 a.m. – 9:15 a.m.');
  });

  it.each([
    [[30, 60], 90, 'on-target', 0, 'Exactly the 1 h 30 min target'],
    [[30, 75], 90, 'over', 15, '15 min over the 1 h 30 min target'],
    [[20, 20], 90, 'under', 50, '50 min under the 1 h 30 min target'],
    [[120, 60], 120, 'over', 60, '1 h over the 2 h target'],
  ])('blocks %j against %i minutes: %s by %i', (minutes, target, status, diff, message) => {
    const result = compareWithTarget(blocks(...minutes), target);
    expect(result).toMatchObject({ status, differenceMinutes: diff, targetMinutes: target });
    expect(targetText(result)).toBe(message);
  });

  it.each([
    [0, '0 min', 0, 0],
    [45, '45 min', 0, 45],
    [60, '1 h', 1, 0],
    [90, '1 h 30 min', 1, 30],
    [240, '4 h', 4, 0],
    [-5, '0 min', 0, 0],
    [89.6, '1 h 30 min', 1, 30],
  ])('formatDuration(%i) is %s', (minutes, text, hours, rest) => {
    expect(durationParts(minutes)).toEqual({ hours, minutes: rest });
    expect(formatDuration(minutes)).toBe(text);
  });

  it(
    'every bundled workshop adds up to its stated length',
    async () => {
      const workshops = await bundledWorkshops();
      expect(workshops.length).toBeGreaterThanOrEqual(3);
      const lengths = Object.fromEntries(workshops.map((w) => [w.id, totalMinutes(w.blocks)]));
      expect(lengths).toMatchObject({
        'workshop-council-digital-awareness': 90,
        'workshop-task-force-maturity-planning': 240,
        'workshop-staff-digital-records': 120,
      });
      for (const w of workshops) expect(totalMinutes(w.blocks)).toBe(w.durationMinutes);
    },
    CORPUS_TIMEOUT,
  );
});
