import { describe, expect, it } from 'vitest';
import { TASKS_CSV_COLUMNS, exportTasksCsv } from '../../../renderer/src/core/planner/export/csv';
import { updateTask } from '../../../renderer/src/core/planner/operations/tasks';
import { tasksCsvWords } from '../../../renderer/src/ui/planner/plannerLabels';
import { commaRows } from '../csv/spreadsheetReaders';
import { planId, sampleDatabase, taskId } from './helpers';

/** Reads the file as a spreadsheet would with `,` as the separator; it must read cleanly. */
function parse(text: string): string[][] {
  const { rows, errors } = commaRows(text);
  expect(errors).toEqual([]);
  return rows;
}

/** The columns and what goes in them; how cells are written is csvCell's (tests/unit/csv). */
describe('exportTasksCsv', () => {
  it('reads back, cell for cell, with a real CSV parser', () => {
    const rows = parse(exportTasksCsv(sampleDatabase(), tasksCsvWords()));
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
    const rows = parse(exportTasksCsv(db, tasksCsvWords(), planId('p1')));
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
