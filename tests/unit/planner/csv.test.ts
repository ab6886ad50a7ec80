import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  TASKS_CSV_COLUMNS,
  csvCell,
  exportTasksCsv,
  toCsv,
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

/**
 * Reads CSV as a spreadsheet told that `;` separates cells would, honouring a quote only at the
 * start of a cell (after the closing quote the text runs on to the next separator or line break,
 * as in Excel). The stricter of the two common readings: our commas are text here, so our quoting
 * is lost after the first cell of each line.
 */
function semicolonCellsQuoteAtStart(text: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      i += 1;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else {
          cell += text[i];
          i += 1;
        }
      }
    }
    while (i < text.length && !';\r\n'.includes(text[i] ?? '')) {
      cell += text[i];
      i += 1;
    }
    cells.push(cell);
    if (i >= text.length) return cells;
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
  }
}

/** The other common reading: every quote opens or closes a quoted stretch, wherever it is. */
function semicolonCellsQuoteToggles(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '"' && quoted && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && ';\r\n'.includes(char)) {
      cells.push(cell);
      cell = '';
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      cell += char;
    }
  }
  return [...cells, cell];
}

/** True when a spreadsheet would read the cell as a formula (spaces and quotes skipped). */
const looksLikeFormula = (cell: string) => /^[\t\r]|^[\s"]*[=+\-@]/.test(cell);

describe('csvCell, every cell quoted', () => {
  it.each([
    ['plain', '"plain"'],
    ['2027-02-15', '"2027-02-15"'],
    ['25000.50', '"25000.50"'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+2', `"'=1+2"`],
    [' =1+2', `"' =1+2"`],
    ['"=1+2"', `"'""=1+2"""`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['a;=1', `"a;'=1"`],
    ['a; -2+3', `"a;' -2+3"`],
    ['a;\tnote', `"a;'\tnote"`],
    ['a;"@SUM(A1)"', `"a;'""@SUM(A1)"""`],
    ['Steps:\n- call the CBO', `"Steps:\n'- call the CBO"`],
    ['x\r\n+1', `"x\r\n'+1"`],
    ['x\n\n=1', `"x\n\n'=1"`],
    ['First.\r\n\r\nSecond; third', '"First.\r\n\r\nSecond; third"'],
    ['a=b; c-d @ e', '"a=b; c-d @ e"'],
    ['', '""'],
  ])('%j -> %j', (input, expected) => {
    expect(csvCell(input, 'every-cell')).toBe(expected);
  });
});

describe('exportTasksCsv', () => {
  /** A plan whose text tries every way to start a cell with a formula. */
  function hostileDatabase() {
    let db = sampleDatabase();
    db = updateTask(db, taskId('t1'), { title: "Permits; -2+3+cmd|' /C calc'!A0" }).db;
    db = updateTask(db, taskId('t2'), {
      title: 'x;=HYPERLINK("http://evil.example","click")',
      owner: '@Hélène Côté',
      notes: 'Steps:\n- call the CBO\r\n=1+1; +2; "@x"\n\t=3',
    }).db;
    return updateTask(db, taskId('t4'), { title: 'Buy tablets;\t"=4"' }).db;
  }

  it('quotes every cell', () => {
    const csv = exportTasksCsv(hostileDatabase()).slice(1);
    // The whole file is quoted cells, each followed by a comma or the end of a record.
    expect(csv).toMatch(/^(?:"(?:[^"]|"")*"(?:,|\r\n))+$/);
  });

  it.each([
    ['honouring quotes only at the start of a cell', semicolonCellsQuoteAtStart],
    ['with quotes toggling anywhere', semicolonCellsQuoteToggles],
    [
      'as Papa Parse does',
      (text: string) => Papa.parse<string[]>(text, { delimiter: ';' }).data.flat(),
    ],
  ])('starts no cell with a formula when opened with ";" as the separator, %s', (_, read) => {
    const cells = read(exportTasksCsv(hostileDatabase()).slice(1));
    expect(cells.length).toBeGreaterThan(5);
    expect(cells.filter(looksLikeFormula)).toEqual([]);
  });

  it('the readers above do find the formulas in a CSV quoted only as needed', () => {
    const unsafe = toCsv([['x;=1+1', 'Steps:\n-2+3']]);
    expect(semicolonCellsQuoteAtStart(unsafe).filter(looksLikeFormula)).toEqual([
      '=1+1,"Steps:',
      '-2+3"',
    ]);
    expect(semicolonCellsQuoteToggles(unsafe).filter(looksLikeFormula)).toEqual([
      '=1+1,Steps:\n-2+3',
    ]);
  });

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
