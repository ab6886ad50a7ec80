import { messageRef, type MessageRef } from '../../common/messageRef';
import type { ProblemLine } from '../../common/problemLine';
import { ProblemError, validatorFor } from '../../common/ProblemError';
import type { PlanId, TaskId } from '../ids';
import { type Plan, type PlannerDatabase, type Task } from '../schema';

/**
 * An operation that cannot be done as asked: a blank title, an unknown task, a dependency loop.
 * Refusals of its own name a `planner:errors` message, which the UI words (`wordError`).
 */
export class PlannerError extends ProblemError {
  constructor(message: string | MessageRef, problems?: readonly ProblemLine[]) {
    super('PlannerError', message, problems);
  }
}

/** Parses `value` with `schema`, throwing a PlannerError that lists every problem. */
export const validated = validatorFor((message, problems) => new PlannerError(message, problems));

/** The plan with this id, or a PlannerError. */
export function requirePlan(db: PlannerDatabase, planId: PlanId): Plan {
  const plan = db.plans.find((p) => p.id === planId);
  if (!plan) throw new PlannerError(messageRef('planner:errors.planGone'));
  return plan;
}

/** The task with this id, or a PlannerError. */
export function requireTask(db: PlannerDatabase, taskId: TaskId): Task {
  const task = db.tasks.find((t) => t.id === taskId);
  if (!task) throw new PlannerError(messageRef('planner:errors.taskGone'));
  return task;
}

/** A copy of `list` with `item` inserted at `index` (clamped to the list). */
export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const at = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), item, ...list.slice(at)];
}
