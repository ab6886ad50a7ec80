import type { DocId } from '../../../../renderer/src/core/content/ids';
import type { IsoDate } from '../../../../renderer/src/core/planner/dates';
import { exportBackup } from '../../../../renderer/src/core/planner/export/backup';
import type {
  AssessmentId,
  PhaseId,
  PlanId,
  TaskId,
} from '../../../../renderer/src/core/planner/ids';
import { saveAssessment } from '../../../../renderer/src/core/planner/operations/assessments';
import {
  addPhase,
  createPlan,
  setProfile,
} from '../../../../renderer/src/core/planner/operations/plans';
import { addTask } from '../../../../renderer/src/core/planner/operations/tasks';
import {
  emptyPlannerDatabase,
  type PlannerDatabase,
} from '../../../../renderer/src/core/planner/schema';

/** The seeded plan's id, for deep links in tests. */
export const SEED_PLAN_ID = 'plan-seeded' as PlanId;
/** A task of the seeded plan that is overdue (due in 2020, not done). */
export const SEED_OVERDUE_TASK_ID = 'task-overdue' as TaskId;

const day = (value: string) => value as IsoDate;

/**
 * A small planner built with the real operations: a profile, one plan with two phases and four
 * tasks (one overdue, one done, one blocked with a dependency), and two assessments, so every
 * planner screen has something in each of its parts.
 */
export function seededPlanner(): PlannerDatabase {
  let db = setProfile(emptyPlannerDatabase(), {
    name: 'Municipality of Lac-Sainte-Thérèse',
    tier: 'lower-tier',
    region: 'north',
    population: 4_200,
  });
  db = createPlan(
    db,
    {
      title: 'Online building permits',
      goal: 'Residents and builders apply for permits online.',
      owner: 'Chief Building Official',
      status: 'approved',
      startDate: day('2026-01-05'),
      endDate: day('2027-12-17'),
      budgetEstimateCents: 4_500_000,
      fundingSource: 'Municipal Modernization Program',
      linkedDocIds: ['recommendation-1-varying-maturity' as DocId],
    },
    SEED_PLAN_ID,
  ).db;
  db = addPhase(db, SEED_PLAN_ID, { title: 'Assess' }, 'phase-assess' as PhaseId).db;
  db = addPhase(db, SEED_PLAN_ID, { title: 'Deliver' }, 'phase-deliver' as PhaseId).db;
  const tasks: [string, Parameters<typeof addTask>[2]][] = [
    [
      'task-done',
      {
        title: 'List current permit steps',
        phaseId: 'phase-assess' as PhaseId,
        status: 'done',
        dueDate: day('2026-02-15'),
        estimatedCostCents: 0,
        owner: 'CBO',
      },
    ],
    [
      SEED_OVERDUE_TASK_ID,
      {
        title: 'Survey applicants',
        phaseId: 'phase-assess' as PhaseId,
        status: 'in-progress',
        dueDate: day('2020-03-01'),
        owner: 'Clerk',
      },
    ],
    [
      'task-vendor',
      {
        title: 'Choose a vendor',
        phaseId: 'phase-deliver' as PhaseId,
        status: 'blocked',
        dueDate: day('2030-05-30'),
        estimatedCostCents: 2_500_050,
        dependencies: ['task-overdue' as TaskId],
      },
    ],
    ['task-undated', { title: 'Tell residents', phaseId: null }],
  ];
  for (const [id, input] of tasks) db = addTask(db, SEED_PLAN_ID, input, id as TaskId).db;
  const answers = (level: 1 | 2 | 3 | 4 | 5) => ({
    'leadership-strategy': level,
    connectivity: level,
    'online-services': level,
    'records-workflows': level,
    'data-open-data': level,
    cybersecurity: level,
    'staff-skills': level,
    'resident-engagement': level,
  });
  db = saveAssessment(
    db,
    { date: day('2025-06-01'), answers: { ...answers(2), cybersecurity: 1 } },
    'assessment-1' as AssessmentId,
  ).db;
  db = saveAssessment(
    db,
    { date: day('2026-06-01'), answers: { ...answers(3), connectivity: 1 } },
    'assessment-2' as AssessmentId,
  ).db;
  return db;
}

/** The seeded planner as a backup file's text. */
export function seededBackup(): string {
  return exportBackup(seededPlanner(), new Date('2026-11-26T12:00:00Z'));
}
