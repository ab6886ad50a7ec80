/**
 * The annotations' words that are built in code rather than written in a component: the load
 * notice, the dates of an item and the export words. Their English must stay as it always was.
 */
import { describe, expect, it } from 'vitest';
import { problemLine } from '../../../renderer/src/core/common/problemLine';
import { MEANINGS } from '../../../renderer/src/core/annotations/meanings';
import { annotationExportWords } from '../../../renderer/src/ui/annotations/exportWords';
import {
  createdAndEdited,
  describeAnnotationsLoad,
  meaningLabel,
  saveStatusProps,
} from '../../../renderer/src/ui/annotations/labels';

/** A problem line: the notice counts them, it does not list them. */
const invalid = problemLine('a', 'problems:stored.invalid');

describe('the load notice', () => {
  it('says nothing when the annotations were stored as they should be, or not at all', () => {
    expect(describeAnnotationsLoad({ status: 'ok' })).toBeNull();
    expect(describeAnnotationsLoad({ status: 'missing' })).toBeNull();
  });

  it('counts the problems of a repaired copy, one or many', () => {
    expect(
      describeAnnotationsLoad({ status: 'repaired', issues: [invalid], keptCopyAs: 'old.json' }),
    ).toBe(
      'Some saved annotations were not valid and were left out (1 problem). A copy of the original was kept as “old.json”.',
    );
    expect(
      describeAnnotationsLoad({
        status: 'repaired',
        issues: [invalid, invalid],
        keptCopyAs: 'old.json',
      }),
    ).toContain('(2 problems)');
    expect(
      describeAnnotationsLoad({ status: 'repaired', issues: [invalid], keptCopyAs: null }),
    ).toBe(
      'Some saved annotations were not valid and were left out. The original could not be copied aside, so changes will not be saved until the toolkit is restarted.',
    );
  });

  it('says where a damaged copy went, and why nothing will be saved when storage is unreadable', () => {
    expect(
      describeAnnotationsLoad({ status: 'recovered', movedTo: 'bad.json', reason: 'Not JSON.' }),
    ).toBe('Not JSON. Your annotations started empty; the damaged copy was kept as “bad.json”.');
    expect(describeAnnotationsLoad({ status: 'unreadable', reason: 'locked' })).toBe(
      'Your annotations could not be read (locked). Changes will not be saved until the toolkit is restarted, so the saved copy is not overwritten.',
    );
  });
});

describe('dates and labels', () => {
  it('shows the day made, and the day edited only when it differs', () => {
    // Local times: the dates shown are the days on this computer's clock.
    const day = (month: number, date: number, hour: number) =>
      new Date(2026, month, date, hour).toISOString();
    expect(createdAndEdited(day(10, 26, 9), day(10, 26, 17))).toBe('Nov 26, 2026');
    expect(createdAndEdited(day(10, 26, 9), day(11, 2, 9))).toBe(
      'Nov 26, 2026, edited Dec 2, 2026',
    );
  });

  it('words every meaning, the same in the UI as in the exports', () => {
    const words = annotationExportWords();
    expect(MEANINGS.map(meaningLabel)).toEqual(['Important', 'Question', 'Idea for us', 'Concern']);
    expect(MEANINGS.map(words.meaning)).toEqual(MEANINGS.map(meaningLabel));
  });

  it('words the save status', () => {
    expect(saveStatusProps()).toEqual({
      className: 'anno-save',
      failedPrefix: 'Annotations not saved:',
      idleText: 'Annotations are saved automatically',
    });
  });
});
