import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  TASKS_CSV_COLUMNS,
  csvCell,
  exportTasksCsv,
} from '../../../renderer/src/core/planner/export/csv';
import { updateTask } from '../../../renderer/src/core/planner/operations/tasks';
import { planId, sampleDatabase, taskId } from './helpers';

/** Parses CSV text the way a spreadsheet would, with a real RFC 4180 parser. */
function parse(text: string): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    newline: '\r\n',
    delimiter: ',', // as Excel reads it with an English (Canada) list separator; no guessing
    skipEmptyLines: true,
  });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', "'=1+2"],
    ['+1 416 555 0100', "'+1 416 555 0100"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rx', `"'\rx"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('exportTasksCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    const csv = exportTasksCsv(sampleDatabase());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Outside quoted cells, every line break is CRLF.
    const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes).not.toMatch(/[^\r]\n/);
  });

  it('reads back, cell for cell, with a real CSV parser', () => {
    const rows = parse(exportTasksCsv(sampleDatabase()));
    expect(rows[0]).toEqual([...TASKS_CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      [
        'Online permits',
        'Assess',
        'List current permit steps',
        'Done',
        'CBO',
        '2027-02-15',
        '0.00',
        '',
        '',
        '',
        't1',
      ],
      [
        'Online permits',
        'Assess',
        'Survey applicants, “quickly”',
        'Not started',
        '',
        '2027-03-01',
        '',
        'Ask builders, too.\nKeep it short.',
        '',
        '',
        't2',
      ],
      [
        'Online permits',
        'Deliver',
        'Choose a vendor',
        'Not started',
        '',
        '2027-05-30',
        '25000.50',
        '',
        '',
        'List current permit steps',
        't3',
      ],
      ['Council paperless', '', 'Buy tablets', 'Not started', '', '', '', '', '', '', 't4'],
    ]);
  });

  it('neutralises formulas in any text a person typed, and keeps accents and emoji', () => {
    const db = updateTask(sampleDatabase(), taskId('t2'), {
      title: "=cmd|' /C calc'!A0",
      owner: '@Hélène Côté',
      notes: '-1 budget 🎉, "quoted"',
    }).db;
    const rows = parse(exportTasksCsv(db, planId('p1')));
    expect(rows).toHaveLength(4);
    expect(rows[2]?.slice(2, 8)).toEqual([
      "'=cmd|' /C calc'!A0",
      'Not started',
      "'@Hélène Côté",
      '2027-03-01',
      '',
      '\'-1 budget 🎉, "quoted"',
    ]);
  });
});
