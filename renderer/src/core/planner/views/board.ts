import type { PlanId, TaskId } from '../ids';
import type { PlannerDatabase, TaskStatus } from '../schema';

/**
 * For each task of the plan that waits on others, how many of its dependencies are not done yet
 * (the board's "Waiting on N tasks"). Tasks with none are left out. One pass over the tasks and
 * one over each dependency list: looking every dependency up by searching the whole task list,
 * card by card, made a 20,000-task board quadratic.
 */
export function unmetDependencyCounts(db: PlannerDatabase, planId: PlanId): Map<TaskId, number> {
  const statusById = new Map<TaskId, TaskStatus>();
  for (const task of db.tasks) statusById.set(task.id, task.status);
  const counts = new Map<TaskId, number>();
  for (const task of db.tasks) {
    if (task.planId !== planId || task.dependencies.length === 0) continue;
    // A dependency listed twice is still one task to wait on; an unknown id is none.
    let unmet = 0;
    for (const dep of new Set(task.dependencies)) {
      const status = statusById.get(dep);
      if (status !== undefined && status !== 'done') unmet++;
    }
    if (unmet > 0) counts.set(task.id, unmet);
  }
  return counts;
}
