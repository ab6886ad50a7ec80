import { problemLine, type ProblemLine } from '../common/problemLine';
import { ProblemList } from '../safeJson/ProblemList';
import { validateDependencies, type DependencyCheckOptions } from './dependencies';
import type { PlannerDatabase } from './schema';

/**
 * Cross-reference checks the schema cannot express: unique ids, tasks pointing at existing plans
 * and phases, dependencies without loops. Adds problem lines to `options.problems` (at
 * most 25 listed, then "and N more"; checks stop once enough are known) and returns its lines:
 * empty means consistent. O(size of the database) in time and memory.
 */
export function checkIntegrity(
  db: PlannerDatabase,
  options: DependencyCheckOptions = {},
): ProblemLine[] {
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
        problemLine(`${pathPrefix}tasks.${index}.planId`, 'problems:integrity.noPlan', {
          planId: task.planId,
        }),
      );
    } else if (task.phaseId !== null && !entry.phases.has(task.phaseId)) {
      problems.add(() =>
        problemLine(`${pathPrefix}tasks.${index}.phaseId`, 'problems:integrity.otherPhase', {
          phaseId: task.phaseId ?? '',
          plan: entry.plan.title,
        }),
      );
    }
  }
  if (!problems.full) validateDependencies(db.tasks, { ...options, problems, pathPrefix });
  return problems.lines();
}

function duplicateIds(
  items: readonly { id: string }[],
  collection: string,
  what: 'plan' | 'task' | 'assessment',
  problems: ProblemList,
  pathPrefix: string,
): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, index);
    else
      problems.add(() =>
        problemLine(
          `${pathPrefix}${collection}.${index}.id`,
          `problems:integrity.idTaken.${what}`,
          {
            id: item.id,
            other: `${collection}.${earlier}`,
          },
        ),
      );
  });
}
