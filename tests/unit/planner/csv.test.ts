import { afterEach, describe, expect, it } from 'vitest';
import { COMMA_CSV } from '../../../renderer/src/core/csv/csvCell';
import { TASKS_CSV_COLUMNS, exportTasksCsv } from '../../../renderer/src/core/planner/export/csv';
import { updateTask } from '../../../renderer/src/core/planner/operations/tasks';
import { csvDialect } from '../../../renderer/src/ui/common/i18n/format';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { tasksCsvWords } from '../../../renderer/src/ui/planner/plannerLabels';
import { commaRows, rowsWith } from '../csv/spreadsheetReaders';
import { planId, sampleDatabase, taskId } from './helpers';

/** Reads the file as a spreadsheet would with `,` as the separator; it must read cleanly. */
function parse(text: string): string[][] {
  const { rows, errors } = commaRows(text);
  expect(errors).toEqual([]);
  return rows;
}

afterEach(() => setLanguage('en'));

/** The columns and what goes in them; how cells are written is csvCell's (tests/unit/csv). */
describe('exportTasksCsv', () => {
  it('reads back, cell for cell, with a real CSV parser', () => {
    const rows = parse(exportTasksCsv(sampleDatabase(), tasksCsvWords(), COMMA_CSV));
    expect(TASKS_CSV_COLUMNS).toHaveLength(11);
    expect(rows[0]).toEqual([
      'Plan',
      'Phase',
      'Task',
      'Status',
      'Owner',
      'Due date',
      'Estimated cost (CAD)',
      'Notes',
      'Linked documents',
      'Depends on',
      'Task ID',
    ]);
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
    const rows = parse(exportTasksCsv(db, tasksCsvWords(), COMMA_CSV, planId('p1')));
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

  it('in English, is the "," file with decimal points that Excel in English expects', () => {
    expect(csvDialect()).toBe(COMMA_CSV);
    const text = exportTasksCsv(sampleDatabase(), tasksCsvWords(), csvDialect());
    expect(text).toContain('"Plan","Phase","Task",');
    expect(text).toContain('"25000.50"');
  });

  it('in French, is the ";" file with decimal commas that Excel in French expects', () => {
    setLanguage('fr');
    const text = exportTasksCsv(sampleDatabase(), tasksCsvWords(), csvDialect());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('"Plan";"Phase";"Tâche";"État";');
    const { rows, errors } = rowsWith(text, ';');
    expect(errors).toEqual([]);
    expect(rows.map((row) => row.length)).toEqual([11, 11, 11, 11, 11]);
    expect(rows[1]?.slice(2, 7)).toEqual([
      'List current permit steps',
      'Terminée',
      'CBO',
      '2027-02-15',
      '0,00',
    ]);
    expect(rows[3]?.[6]).toBe('25000,50');
    // A title with a comma stays one cell: the comma is text in a ";" file.
    expect(rows[2]?.[2]).toBe('Survey applicants, “quickly”');
  });
});
