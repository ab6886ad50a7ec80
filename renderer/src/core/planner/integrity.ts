import { validateDependencies } from './dependencies';
import type { PlannerDatabase } from './schema';

/**
 * Cross-reference checks the schema cannot express: unique ids, tasks pointing at existing plans
 * and phases, dependencies without loops. Returns `path: message` lines; empty means consistent.
 */
export function checkIntegrity(db: PlannerDatabase): string[] {
  const problems: string[] = [];
  duplicateIds(db.plans, 'plans', 'plan', problems);
  duplicateIds(db.tasks, 'tasks', 'task', problems);
  duplicateIds(db.assessments, 'assessments', 'assessment', problems);

  const plans = new Map(db.plans.map((p) => [p.id, p]));
  db.tasks.forEach((task, index) => {
    const plan = plans.get(task.planId);
    if (!plan) {
      problems.push(`tasks.${index}.planId: refers to plan "${task.planId}", which does not exist`);
    } else if (task.phaseId !== null && !plan.phases.some((ph) => ph.id === task.phaseId)) {
      problems.push(
        `tasks.${index}.phaseId: refers to phase "${task.phaseId}", which is not a phase of the plan "${plan.title}"`,
      );
    }
  });
  problems.push(...validateDependencies(db.tasks));
  return problems;
}

function duplicateIds(
  items: readonly { id: string }[],
  collection: string,
  what: string,
  problems: string[],
): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, index);
    else
      problems.push(
        `${collection}.${index}.id: the ${what} id "${item.id}" is also used by ${collection}.${earlier}`,
      );
  });
}
