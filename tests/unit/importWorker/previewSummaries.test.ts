/**
 * The previews that cross from the import worker to the page are summaries: counts, and only the
 * first few names or annotations, however many the file holds.
 */
import { describe, expect, test } from 'vitest';
import { previewMerge } from '../../../renderer/src/core/annotations/merge';
import { emptyAnnotationsDatabase } from '../../../renderer/src/core/annotations/schema';
import type { PlanId } from '../../../renderer/src/core/planner/ids';
import { previewImport } from '../../../renderer/src/core/planner/import/mergeImport';
import { summarizeMergePreview } from '../../../renderer/src/ui/common/importWorker/annotationsImportJob';
import { MAX_PREVIEW_ITEMS } from '../../../renderer/src/ui/common/importWorker/importProtocol';
import { summarizePlannerPreview } from '../../../renderer/src/ui/common/importWorker/plannerImportJob';
import { annotate, CASE_STUDY_TEXT, idOf } from '../annotations/fixtures';
import { sampleDatabase } from '../planner/helpers';

describe('preview summaries', () => {
  test('a planner preview counts every item and names at most 25 plans', () => {
    const current = sampleDatabase();
    const [template] = current.plans;
    if (!template) throw new Error('the sample has no plan');
    const incoming = {
      ...current,
      plans: Array.from({ length: 30 }, (_, i) => ({
        ...template,
        id: `plan-${i}` as PlanId,
        title: `Plan ${i}`,
      })),
      tasks: [],
    };
    const summary = summarizePlannerPreview(previewImport(current, incoming));
    expect(summary.plans).toEqual({
      added: 30,
      replaced: 0,
      unchanged: 0,
      onlyInCurrent: current.plans.length,
    });
    expect(summary.tasks.onlyInCurrent).toBe(current.tasks.length);
    expect(summary.planNames).toEqual(
      Array.from({ length: MAX_PREVIEW_ITEMS }, (_, i) => `Plan ${i}`),
    );
    expect(summary.morePlanNames).toBe(5);
  });

  test('an annotations preview counts every annotation and lists at most 25, quotes shortened', () => {
    const quote = 'The Town of Cobourg moved its council agendas online in 2015.';
    const annotations = Array.from(
      { length: 40 },
      (_, i) => annotate(quote, { id: idOf(i + 1), author: `Member ${i}` }).annotation,
    );
    const summary = summarizeMergePreview(
      previewMerge(
        emptyAnnotationsDatabase(),
        { annotations, tombstones: [] },
        () => CASE_STUDY_TEXT,
      ),
    );
    expect(summary.counts.added).toBe(40);
    expect(summary.shown.added).toHaveLength(MAX_PREVIEW_ITEMS);
    expect(summary.shown.added[0]).toEqual({
      id: idOf(1),
      meaning: 'important',
      author: 'Member 0',
      quote,
    });
    expect(summary.shown.orphaned).toEqual([]);
  });
});
