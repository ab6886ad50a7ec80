import { nextDay } from '../dates';
import type { PlanId } from '../ids';
import type { PlannerDatabase, TaskStatus } from '../schema';

/** Identifies this app in the calendar file (RFC 5545 section 3.7.3). */
export const ICS_PRODID = '-//OnMuni Toolkit//Planner//EN';

/** Escapes a TEXT value (RFC 5545 section 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeIcsText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters are not allowed in TEXT values; drop them.
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line so no physical line is longer than 75 octets (RFC 5545 section 3.1):
 * continuation lines start with a space. Splits only between characters, never inside a UTF-8
 * sequence, so accented names and emoji survive.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) as number);
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** `2026-11-26T15:04:05.123Z` -> `20261126T150405Z` (UTC, as DTSTAMP requires). */
function icsDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A line of an event's description, worded by the UI as `Plan: <title>` etc. */
export type IcsDetail = 'plan' | 'phase' | 'owner' | 'status';

/**
 * The words of the calendar, in the interface language (core has none): the calendar's name for
 * all plans (and for a plan with no title), and the lines of each event's description.
 */
export interface IcsWords {
  allPlans: string;
  onePlan: string;
  detail: (line: IcsDetail, value: string) => string;
  status: (status: TaskStatus) => string;
}

export interface IcsOptions {
  /** The moment of export, written as each event's DTSTAMP. */
  now: Date;
  /** Only this plan's tasks; otherwise all plans. */
  planId?: PlanId;
  words: IcsWords;
}

/**
 * The tasks' due dates as an iCalendar file that Outlook, Google Calendar and Apple Calendar
 * import: one all-day event (VALUE=DATE, ending the next day) per task with a due date, with a UID
 * made from the task id so a re-import updates events instead of duplicating them. Events are
 * marked free (TRANSP:TRANSPARENT) so deadlines do not block anyone's calendar.
 */
export function exportDueDatesIcs(db: PlannerDatabase, options: IcsOptions): string {
  const plans = db.plans.filter((p) => options.planId === undefined || p.id === options.planId);
  const { words } = options;
  const name = options.planId === undefined ? words.allPlans : (plans[0]?.title ?? words.onePlan);
  const stamp = icsDateTime(options.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(name)}`,
  ];
  for (const plan of plans) {
    const phaseTitle = new Map(plan.phases.map((ph) => [ph.id, ph.title]));
    for (const task of db.tasks) {
      if (task.planId !== plan.id || task.dueDate === null) continue;
      const details = [
        words.detail('plan', plan.title),
        task.phaseId === null ? '' : words.detail('phase', phaseTitle.get(task.phaseId) ?? ''),
        task.owner === '' ? '' : words.detail('owner', task.owner),
        words.detail('status', words.status(task.status)),
        task.notes === '' ? '' : `\n${task.notes}`,
      ].filter((line) => line !== '');
      lines.push(
        'BEGIN:VEVENT',
        `UID:${task.id}@onmuni-toolkit`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${task.dueDate.replace(/-/g, '')}`,
        `DTEND;VALUE=DATE:${nextDay(task.dueDate).replace(/-/g, '')}`,
        `SUMMARY:${escapeIcsText(task.title)}`,
        `DESCRIPTION:${escapeIcsText(details.join('\n'))}`,
        `CATEGORIES:${escapeIcsText(plan.title)}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
