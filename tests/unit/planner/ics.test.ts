import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  ICS_PRODID,
  escapeIcsText,
  exportDueDatesIcs,
  foldIcsLine,
} from '../../../renderer/src/core/planner/export/ics';
import { updateTask } from '../../../renderer/src/core/planner/operations/tasks';
import { icsWords } from '../../../renderer/src/ui/planner/plannerLabels';
import { planId, sampleDatabase, taskId } from './helpers';

const NOW = new Date('2026-11-26T15:04:05.678Z');
/** The calendar's words, as the planner's export button passes them. */
const words = icsWords();

function events(ics: string) {
  // ICAL.parse is typed any: a single calendar parses to its jCal array.
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar helpers', () => {
  it.each([
    ['a, b; c\\d', 'a\\, b\\; c\\\\d'],
    ['one\r\ntwo\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
    ['bell\u0007 gone', 'bell gone'],
  ])('escapes %j', (input, expected) => {
    expect(escapeIcsText(input)).toBe(expected);
  });

  it('folds at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'é'.repeat(50)}${'🎉'.repeat(20)}${'a'.repeat(100)}`;
    const folded = foldIcsLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const part of physical) expect(utf8(part)).toBeLessThanOrEqual(75);
    for (const part of physical.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldIcsLine('SHORT:x')).toBe('SHORT:x');
  });
});

describe('exportDueDatesIcs', () => {
  it('writes a calendar with PRODID, CRLF lines and lines of at most 75 octets', () => {
    const ics = exportDueDatesIcs(sampleDatabase(), { now: NOW, words });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    for (const line of ics.split('\r\n')) expect(utf8(line)).toBeLessThanOrEqual(75);
    const { calendar } = events(ics);
    expect(calendar.getFirstPropertyValue('prodid')).toBe(ICS_PRODID);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  });

  it('has one all-day event per dated task, which ical.js reads back exactly', () => {
    const { events: list } = events(exportDueDatesIcs(sampleDatabase(), { now: NOW, words }));
    expect(list.map((e) => e.uid)).toEqual([
      't1@onmuni-toolkit',
      't2@onmuni-toolkit',
      't3@onmuni-toolkit',
    ]);
    const survey = list[1];
    expect(survey?.summary).toBe('Survey applicants, “quickly”');
    expect(survey?.startDate.isDate).toBe(true);
    expect(survey?.startDate.toString()).toBe('2027-03-01');
    expect(survey?.endDate.toString()).toBe('2027-03-02');
    expect(survey?.description).toBe(
      'Plan: Online permits\nPhase: Assess\nStatus: Not started\n\nAsk builders, too.\nKeep it short.',
    );
    const stamp = survey?.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toString()).toBe('2026-11-26T15:04:05Z');
    expect(survey?.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  it('keeps awkward text intact through escaping and folding', () => {
    const title =
      'Règlement; “virgules”, barres \\ obliques et un très long titre qui dépasse la limite 🎉';
    const db = updateTask(sampleDatabase(), taskId('t3'), {
      title,
      notes: 'Line one\r\nLine two, with; all\\ of it',
    }).db;
    const { events: list } = events(
      exportDueDatesIcs(db, { now: NOW, words, planId: planId('p1') }),
    );
    expect(list[2]?.summary).toBe(title);
    expect(list[2]?.description).toContain('Line one\nLine two, with; all\\ of it');
  });

  it('rolls an end date over the end of a month and a year', () => {
    const db = updateTask(sampleDatabase(), taskId('t3'), { dueDate: '2027-12-31' as never }).db;
    const { events: list } = events(exportDueDatesIcs(db, { now: NOW, words }));
    expect(list[2]?.endDate.toString()).toBe('2028-01-01');
  });
});
