import { ProblemList } from '../safeJson/ProblemList';
import { validateDependencies, type DependencyCheckOptions } from './dependencies';
import type { PlannerDatabase } from './schema';

/**
 * Cross-reference checks the schema cannot express: unique ids, tasks pointing at existing plans
 * and phases, dependencies without loops. Adds `path: message` lines to `options.problems` (at
 * most 25 listed, then "and N more"; checks stop once enough are known) and returns its lines:
 * empty means consistent. O(size of the database) in time and memory.
 */
export function checkIntegrity(
  db: PlannerDatabase,
  options: DependencyCheckOptions = {},
): string[] {
  const { problems = new ProblemList(), pathPrefix = '' } = options;
  duplicateIds(db.plans, 'plans', 'plan', problems, pathPrefix);
  duplicateIds(db.tasks, 'tasks', 'task', problems, pathPrefix);
  duplicateIds(db.assessments, 'assessments', 'assessment', problems, pathPrefix);

  const plans = new Map(
    db.plans.map((p) => [p.id, { plan: p, phases: new Set(p.phases.map((ph) => ph.id)) }]),
  );
  for (let index = 0; index < db.tasks.length && !problems.full; index++) {
    const task = db.tasks[index] as PlannerDatabase['tasks'][number];
    const entry = plans.get(task.planId);
    if (!entry) {
      problems.add(
        `${pathPrefix}tasks.${index}.planId: refers to plan "${task.planId}", which does not exist`,
      );
    } else if (task.phaseId !== null && !entry.phases.has(task.phaseId)) {
      problems.add(
        () =>
          `${pathPrefix}tasks.${index}.phaseId: refers to phase "${task.phaseId}", which is not a phase of the plan "${entry.plan.title}"`,
      );
    }
  }
  if (!problems.full) validateDependencies(db.tasks, { ...options, problems, pathPrefix });
  return problems.lines();
}

function duplicateIds(
  items: readonly { id: string }[],
  collection: string,
  what: string,
  problems: ProblemList,
  pathPrefix: string,
): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, index);
    else
      problems.add(
        () =>
          `${pathPrefix}${collection}.${index}.id: the ${what} id "${item.id}" is also used by ${collection}.${earlier}`,
      );
  });
}
