/**
 * Planner databases of a given size for the save benchmark: realistic field lengths (titles,
 * owners, notes of a few sentences, linked documents, some dependencies), built once and checked
 * with the real schema and integrity rules so the store saves exactly what the app would.
 * Pure (no node:*): it is also bundled into the page for the Chromium run.
 */
import type { DocId } from '../../../renderer/src/core/content/ids';
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
import { pick, randomInt, seededRandom } from '../search/random';

const TASKS_PER_PLAN = 100;
const PHASES_PER_PLAN = 8;
const VERBS = [
  'Review',
  'Draft',
  'Procure',
  'Train staff on',
  'Publish',
  'Test',
  'Report on',
  'Map',
];
const THINGS = [
  'the permit workflow',
  'records retention by-law',
  'broadband gaps along County Road 12',
  'open data catalogue',
  'incident response plan',
  'council agenda software',
  'online payment portal',
  'résumé of services for Lac-Sainte-Thérèse',
];
const OWNERS = ['Clerk', 'CAO', 'Treasurer', 'IT lead', 'Chief Building Official', 'Planner'];
const DOCS = ['guide-1-assess-readiness', 'case-toronto-311', 'recommendation-1-varying-maturity'];
const NOTE =
  'Coordinate with the county and neighbouring townships; check the accessibility requirements, ' +
  'the privacy impact, and what staff time this really takes before it goes to council.';

/** A planner with `taskCount` tasks in plans of 100 tasks and 8 phases each. */
export function generatePlanner(taskCount: number, seed = 2026): PlannerDatabase {
  const random = seededRandom(seed);
  const db = emptyPlannerDatabase();
  db.profile = {
    name: 'Township of Benchmark',
    tier: 'lower-tier',
    region: 'east',
    population: 12_000,
  };
  const planCount = Math.ceil(taskCount / TASKS_PER_PLAN);
  for (let p = 0; p < planCount; p++) {
    const planId = `plan-${p}` as PlanId;
    const phases = Array.from({ length: PHASES_PER_PLAN }, (_, i) => ({
      id: `phase-${p}-${i}` as PhaseId,
      title: `Step ${i + 1}: ${pick(random, THINGS)}`,
      docId: null,
    }));
    db.plans.push({
      id: planId,
      title: `Plan ${p + 1}: ${pick(random, THINGS)}`,
      goal: NOTE,
      owner: pick(random, OWNERS),
      status: 'in-progress',
      startDate: '2026-01-05' as IsoDate,
      endDate: '2028-12-15' as IsoDate,
      budgetEstimateCents: 5_000_000,
      fundingSource: 'Municipal Modernization Program',
      linkedDocIds: [DOCS[2] as DocId],
      shared: false,
      sharedBy: null,
      phases,
    });
    const first = db.tasks.length;
    const count = Math.min(TASKS_PER_PLAN, taskCount - first);
    for (let t = 0; t < count; t++) {
      const index = first + t;
      const month = String(1 + randomInt(random, 12)).padStart(2, '0');
      const task: Task = {
        id: `task-${index}` as TaskId,
        planId,
        title: `${pick(random, VERBS)} ${pick(random, THINGS)}`,
        phaseId: (phases[randomInt(random, PHASES_PER_PLAN)] as { id: PhaseId }).id,
        owner: pick(random, OWNERS),
        dueDate: random() < 0.8 ? (`2027-${month}-15` as IsoDate) : null,
        status: pick(random, TASK_STATUSES),
        estimatedCostCents: random() < 0.6 ? randomInt(random, 2_000_000) : null,
        notes: random() < 0.7 ? NOTE : '',
        linkedDocIds: random() < 0.5 ? [pick(random, DOCS) as DocId] : [],
        // Only on earlier tasks of the same plan, so there can be no loop.
        dependencies:
          t > 0 && random() < 0.3 ? [`task-${first + randomInt(random, t)}` as TaskId] : [],
      };
      db.tasks.push(task);
    }
  }
  const parsed = plannerDatabaseSchema.parse(db);
  const problems = checkIntegrity(parsed);
  if (problems.length > 0)
    throw new Error(`generated planner is inconsistent: ${JSON.stringify(problems[0])}`);
  return parsed;
}
