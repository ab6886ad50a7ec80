import { describe, expect, it } from 'vitest';
import { moveTaskStatus } from '../../../renderer/src/core/planner/operations/tasks';
import {
  planSummary,
  tasksByPhase,
  tasksByStatus,
} from '../../../renderer/src/core/planner/views/summary';
import { timelineByMonth } from '../../../renderer/src/core/planner/views/timeline';
import { monthLabel } from '../../../renderer/src/ui/planner/plannerLabels';
import { day, planId, sampleDatabase, taskId } from './helpers';

describe('plan summary', () => {
  it('gives progress by phase and budget totals in cents', () => {
    const summary = planSummary(sampleDatabase(), planId('p1'));
    expect(summary?.overall).toMatchObject({
      total: 3,
      percentDone: 33,
      estimatedCostCents: 2_500_050,
      unestimated: 1,
    });
    expect(
      summary?.phases.map((p) => [p.phase?.title, p.progress.total, p.progress.percentDone]),
    ).toEqual([
      ['Assess', 2, 50],
      ['Deliver', 1, 0],
    ]);
    expect(summary?.budgetEstimateCents).toBe(5_000_000);
    expect(summary?.budgetRemainingCents).toBe(2_499_950);
    expect(planSummary(sampleDatabase(), planId('nope'))).toBeNull();
  });

  it('lists tasks by phase (unphased last) and by board column', () => {
    const groups = tasksByPhase(sampleDatabase(), planId('p2'));
    expect(groups).toEqual([{ phase: null, tasks: [expect.objectContaining({ id: 't4' })] }]);
    const columns = tasksByStatus(sampleDatabase(), planId('p1'));
    expect(columns.map((c) => [c.status, c.tasks.map((t) => t.id)])).toEqual([
      ['not-started', ['t2', 't3']],
      ['in-progress', []],
      ['blocked', []],
      ['done', ['t1']],
    ]);
  });
});

describe('timeline', () => {
  it('groups dated tasks by month and flags overdue ones that are not done', () => {
    const timeline = timelineByMonth(sampleDatabase(), day('2027-03-02'));
    expect(
      timeline.months.map((m) => [
        m.month,
        monthLabel(m.month),
        m.tasks.map((t) => [t.task.id, t.overdue]),
      ]),
    ).toEqual([
      ['2027-02', 'February 2027', [['t1', false]]], // done, so not overdue
      ['2027-03', 'March 2027', [['t2', true]]],
      ['2027-05', 'May 2027', [['t3', false]]],
    ]);
    expect(timeline.overdueCount).toBe(1);
    expect(timeline.undated.map((t) => t.id)).toEqual(['t4']);
  });

  it('a task due today is not overdue; filtering by plan works', () => {
    const db = moveTaskStatus(sampleDatabase(), taskId('t1'), 'in-progress');
    expect(timelineByMonth(db, day('2027-02-15')).overdueCount).toBe(0);
    expect(timelineByMonth(db, day('2027-02-16')).overdueCount).toBe(1);
    expect(timelineByMonth(db, day('2030-01-01'), planId('p2')).months).toEqual([]);
  });
});
