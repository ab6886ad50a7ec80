import type { IsoDate } from '../../../renderer/src/core/planner/dates';
import type { PhaseId, PlanId, TaskId } from '../../../renderer/src/core/planner/ids';
import { checkIntegrity } from '../../../renderer/src/core/planner/integrity';
import {
  emptyPlannerDatabase,
  plannerDatabaseSchema,
  TASK_STATUSES,
  type PlannerDatabase,
  type Task,
} from '../../../renderer/src/core/planner/schema';

/** The large plan's id, for deep links. */
export const LARGE_PLAN_ID = 'plan-large' as PlanId;

const PHASES = 8;
const OWNERS = ['Clerk', 'CAO', 'Treasurer', 'IT lead', '', 'Chief Building Official'];
// Titles of different lengths, so rows and cards wrap differently and heights must be measured.
const THINGS = [
  'permits',
  'the records retention by-law',
  'broadband gaps along County Road 12 and the concession roads north of the lake',
  'open data',
];

/** The title of task `index` (1-based in the text, as people count). */
export function largeTaskTitle(index: number): string {
  return `Task ${index + 1}: ${THINGS[index % THINGS.length] ?? ''}`;
}

/**
 * One plan of `taskCount` tasks in 8 phases (plus some with no phase), with due dates over two
 * years (a fifth undated), all four statuses, and a dependency on every tenth task: the shape of
 * a big real plan, kept small per task so the largest possible plan fits the browser's storage.
 * Checked with the real schema and integrity rules, so the app loads exactly this.
 */
export function largePlanner(taskCount: number): PlannerDatabase {
  const db = emptyPlannerDatabase();
  const phases = Array.from({ length: PHASES }, (_, i) => ({
    id: `ph${i}` as PhaseId,
    title: `Step ${i + 1}`,
    docId: null,
  }));
  db.plans.push({
    id: LARGE_PLAN_ID,
    title: 'County-wide digital plan',
    goal: '',
    owner: '',
    status: 'in-progress',
    startDate: null,
    endDate: null,
    budgetEstimateCents: null,
    fundingSource: '',
    linkedDocIds: [],
    shared: false,
    sharedBy: null,
    phases,
  });
  for (let index = 0; index < taskCount; index++) {
    const month = index % 24;
    const task: Task = {
      id: `t${index}` as TaskId,
      planId: LARGE_PLAN_ID,
      title: largeTaskTitle(index),
      // Phases in blocks, so each phase's table is long; the last few tasks have none.
      phaseId:
        index >= taskCount - 5
          ? null
          : ((phases[Math.floor((index * PHASES) / taskCount)] as { id: PhaseId }).id ?? null),
      owner: OWNERS[index % OWNERS.length] ?? '',
      dueDate:
        index % 5 === 4
          ? null
          : (`${2026 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}` as IsoDate),
      status: TASK_STATUSES[index % TASK_STATUSES.length] ?? 'not-started',
      estimatedCostCents: index % 3 === 0 ? index * 100 : null,
      notes: '',
      linkedDocIds: [],
      dependencies: index % 10 === 9 ? [`t${index - 1}` as TaskId] : [],
    };
    db.tasks.push(task);
  }
  const parsed = plannerDatabaseSchema.parse(db);
  const problems = checkIntegrity(parsed);
  if (problems.length > 0)
    throw new Error(`large planner is inconsistent: ${JSON.stringify(problems[0])}`);
  return parsed;
}
