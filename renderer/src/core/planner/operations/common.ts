import type { z } from 'zod';
import type { PlanId, TaskId } from '../ids';
import { formatZodIssues, type Plan, type PlannerDatabase, type Task } from '../schema';

/**
 * An operation that cannot be done as asked: a blank title, an unknown task, a dependency loop.
 * `message` is written for the user (the UI shows it in an element with role="alert");
 * `problems` lists each `path: message` when there are several.
 */
export class PlannerError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'PlannerError';
  }
}

/** Parses `value` with `schema`, throwing a PlannerError that lists every problem. */
export function validated<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = formatZodIssues(result.error);
  throw new PlannerError(`The ${what} was not saved: ${problems.join('; ')}`, problems);
}

/** The plan with this id, or a PlannerError. */
export function requirePlan(db: PlannerDatabase, planId: PlanId): Plan {
  const plan = db.plans.find((p) => p.id === planId);
  if (!plan) throw new PlannerError('That plan no longer exists.');
  return plan;
}

/** The task with this id, or a PlannerError. */
export function requireTask(db: PlannerDatabase, taskId: TaskId): Task {
  const task = db.tasks.find((t) => t.id === taskId);
  if (!task) throw new PlannerError('That task no longer exists.');
  return task;
}

/** A copy of `list` with `item` inserted at `index` (clamped to the list). */
export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const at = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), item, ...list.slice(at)];
}
