import type { PacingStatus } from '../../core/workshops/pacing';
import { durationParts, type TargetComparison } from '../../core/workshops/timing';
import { formatDate, formatNumber } from '../common/i18n/format';
import { t } from '../common/i18n/i18n';

// Lengths, clock times and counts as the workshop screens word them. Core computes them (it has
// no words); the catalogue words them. The presenter view calls these every second, so numbers
// go through the cached formatters of format.ts.

/** A length for people: `45 min`, `1 h`, `1 h 30 min`. */
export function formatDuration(minutes: number): string {
  const parts = durationParts(minutes);
  const values = { hours: formatNumber(parts.hours), minutes: formatNumber(parts.minutes) };
  if (parts.hours === 0) return t('workshops:time.minutes', values);
  return parts.minutes === 0
    ? t('workshops:time.hours', values)
    : t('workshops:time.hoursMinutes', values);
}

/** How a clock time is written: the hour and minutes, as the interface language's clock does. */
const CLOCK: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' };

/**
 * A clock time (minutes since midnight, wrapping past it) as people read it in the interface
 * language: `9:30 a.m.`, `12:00 p.m.` in English (a 12-hour clock), `9 h 30`, `14 h 30` in French
 * (a 24-hour clock). `Intl` knows each language's clock; the time is placed on a day in UTC so no
 * time zone or daylight-saving change can move it.
 */
export function formatClock(minutes: number): string {
  return formatDate(Date.UTC(2000, 0, 1, 0, Math.round(minutes)), CLOCK);
}

/** From one clock time to another: `9:00 a.m. – 9:15 a.m.`. */
export function formatClockSpan(startMinutes: number, endMinutes: number): string {
  return t('workshops:time.span', {
    start: formatClock(startMinutes),
    end: formatClock(endMinutes),
  });
}

/** How an agenda's length compares with its target: "15 min over the 1 h 30 min target". */
export function targetText(comparison: TargetComparison): string {
  const target = formatDuration(comparison.targetMinutes);
  const difference = formatDuration(comparison.differenceMinutes);
  switch (comparison.status) {
    case 'on-target':
      return t('workshops:time.onTarget', { target });
    case 'over':
      return t('workshops:time.overTarget', { difference, target });
    case 'under':
      return t('workshops:time.underTarget', { difference, target });
  }
}

/** How far ahead (+) or behind (-) schedule the session is, in words, from seconds. */
export function driftText(seconds: number): string {
  const minutes = Math.round(Math.abs(seconds) / 60);
  if (minutes === 0) return t('workshops:presenter.onSchedule');
  const duration = formatDuration(minutes);
  return seconds > 0
    ? t('workshops:presenter.ahead', { duration })
    : t('workshops:presenter.behind', { duration });
}

/** The presenter view's word for a pacing status (colour is never the only signal). */
export function pacingText(status: PacingStatus): string {
  switch (status) {
    case 'on-track':
      return t('workshops:presenter.onTrack');
    case 'running-long':
      return t('workshops:presenter.runningLong');
    case 'over':
      return t('workshops:presenter.overTime');
  }
}

/** What the workshop screens count, each with its own plural forms. */
export type Counted = 'blocks' | 'notes' | 'votes' | 'dots' | 'participants' | 'tasks';

/** A count with its noun: `1 block`, `3 blocks`. */
export function countText(what: Counted, count: number): string {
  return t(`workshops:count.${what}`, { count, shown: formatNumber(count) });
}
