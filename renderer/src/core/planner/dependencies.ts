import type { TaskId } from './ids';
import type { Task } from './schema';

/** The part of a task the dependency checks need. */
export type DependencyNode = Pick<Task, 'id' | 'planId' | 'title' | 'dependencies'>;

/**
 * True when making `taskId` depend on `dependsOnId` would close a loop (including a task depending
 * on itself): that is, when `taskId` can already be reached from `dependsOnId` by following
 * dependencies. The UI uses it to leave such tasks out of the "Depends on" choices.
 */
export function wouldCreateCycle(
  tasks: readonly DependencyNode[],
  taskId: TaskId,
  dependsOnId: TaskId,
): boolean {
  if (taskId === dependsOnId) return true;
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const seen = new Set<TaskId>();
  const stack: TaskId[] = [dependsOnId];
  while (stack.length > 0) {
    const current = stack.pop() as TaskId;
    if (current === taskId) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const next of byId.get(current)?.dependencies ?? []) stack.push(next);
  }
  return false;
}

/**
 * Checks every task's dependencies: each must name another existing task of the same plan, and
 * following them must never lead back to where it started. Returns `path: message` lines (paths
 * like `tasks.3.dependencies.0`), empty when all is well.
 */
export function validateDependencies(tasks: readonly DependencyNode[]): string[] {
  const problems: string[] = [];
  const indexById = new Map<TaskId, number>();
  tasks.forEach((task, index) => {
    if (!indexById.has(task.id)) indexById.set(task.id, index);
  });

  tasks.forEach((task, index) => {
    task.dependencies.forEach((dep, depIndex) => {
      const path = `tasks.${index}.dependencies.${depIndex}`;
      const target = indexById.get(dep);
      if (dep === task.id) problems.push(`${path}: the task "${task.title}" depends on itself`);
      else if (target === undefined)
        problems.push(`${path}: refers to task "${dep}", which does not exist`);
      else if (tasks[target]?.planId !== task.planId)
        problems.push(`${path}: refers to task "${dep}", which belongs to another plan`);
    });
  });

  for (const cycle of findCycles(tasks)) {
    const first = cycle[0] as TaskId;
    const names = [...cycle, first].map((id) => `"${tasks[indexById.get(id) ?? -1]?.title ?? id}"`);
    problems.push(
      `tasks.${indexById.get(first)}.dependencies: dependencies form a loop: ${names.join(' → ')}`,
    );
  }
  return problems;
}

/**
 * Finds loops in the dependency graph (self-dependencies excluded: reported separately). Each loop
 * is listed once, as the ids along it. Iterative, so a long chain cannot overflow the stack.
 */
export function findCycles(tasks: readonly DependencyNode[]): TaskId[][] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const state = new Map<TaskId, 'active' | 'finished'>();
  const cycles: TaskId[][] = [];

  for (const root of tasks) {
    if (state.has(root.id)) continue;
    // Each frame: the task and how many of its dependencies have been visited.
    const path: { id: TaskId; next: number }[] = [{ id: root.id, next: 0 }];
    state.set(root.id, 'active');
    while (path.length > 0) {
      const frame = path[path.length - 1] as { id: TaskId; next: number };
      const deps = byId.get(frame.id)?.dependencies ?? [];
      if (frame.next >= deps.length) {
        state.set(frame.id, 'finished');
        path.pop();
        continue;
      }
      const dep = deps[frame.next++] as TaskId;
      if (dep === frame.id || !byId.has(dep)) continue;
      const seen = state.get(dep);
      if (seen === 'active') {
        const start = path.findIndex((f) => f.id === dep);
        cycles.push(path.slice(start).map((f) => f.id));
      } else if (seen === undefined) {
        state.set(dep, 'active');
        path.push({ id: dep, next: 0 });
      }
    }
  }
  return cycles;
}

/** Tasks of the same plan that `taskId` could depend on without creating a loop. */
export function dependencyCandidates(tasks: readonly DependencyNode[], taskId: TaskId): TaskId[] {
  const task = tasks.find((t) => t.id === taskId);
  if (!task) return [];
  return tasks
    .filter((t) => t.planId === task.planId && !wouldCreateCycle(tasks, taskId, t.id))
    .map((t) => t.id);
}
