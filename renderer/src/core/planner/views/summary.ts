import type { PlanId } from '../ids';
import {
  TASK_STATUSES,
  type Phase,
  type Plan,
  type PlannerDatabase,
  type Task,
  type TaskStatus,
} from '../schema';

/** Task counts and progress for a group of tasks. */
export interface Progress {
  total: number;
  byStatus: Record<TaskStatus, number>;
  /** Share of tasks done, 0 to 100, rounded down (100 only when everything is done). */
  percentDone: number;
  /** Sum of the tasks' cost estimates, in cents (tasks with no estimate count as 0). */
  estimatedCostCents: number;
  /** How many tasks have no cost estimate, so totals can say "plus N not estimated". */
  unestimated: number;
}

/** A plan's summary: progress overall and per phase, and budget against estimates. */
export interface PlanSummary {
  plan: Plan;
  overall: Progress;
  /** One entry per phase in plan order, then `phase: null` for tasks with no phase (if any). */
  phases: { phase: Phase | null; progress: Progress }[];
  budgetEstimateCents: number | null;
  /** Budget minus estimated costs; negative means the estimates exceed the budget. */
  budgetRemainingCents: number | null;
}

/** Counts and sums a group of tasks. */
export function progressOf(tasks: readonly Task[]): Progress {
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<
    TaskStatus,
    number
  >;
  let estimatedCostCents = 0;
  let unestimated = 0;
  for (const task of tasks) {
    byStatus[task.status]++;
    if (task.estimatedCostCents === null) unestimated++;
    else estimatedCostCents += task.estimatedCostCents;
  }
  const percentDone = tasks.length === 0 ? 0 : Math.floor((byStatus.done / tasks.length) * 100);
  return { total: tasks.length, byStatus, percentDone, estimatedCostCents, unestimated };
}

/** The tasks of a plan grouped by phase (plan order), with unphased tasks last under `null`. */
export function tasksByPhase(
  db: PlannerDatabase,
  planId: PlanId,
): { phase: Phase | null; tasks: Task[] }[] {
  const plan = db.plans.find((p) => p.id === planId);
  if (!plan) return [];
  const groups = new Map<string | null, Task[]>(plan.phases.map((ph) => [ph.id, []]));
  const unphased: Task[] = [];
  for (const task of db.tasks) {
    if (task.planId !== planId) continue;
    const group = task.phaseId === null ? undefined : groups.get(task.phaseId);
    (group ?? unphased).push(task);
  }
  const result: { phase: Phase | null; tasks: Task[] }[] = plan.phases.map((phase) => ({
    phase,
    tasks: groups.get(phase.id) ?? [],
  }));
  if (unphased.length > 0) result.push({ phase: null, tasks: unphased });
  return result;
}

/** The tasks of a plan in board columns, one per status, in board order. */
export function tasksByStatus(
  db: PlannerDatabase,
  planId: PlanId,
): { status: TaskStatus; tasks: Task[] }[] {
  const tasks = db.tasks.filter((t) => t.planId === planId);
  return TASK_STATUSES.map((status) => ({
    status,
    tasks: tasks.filter((t) => t.status === status),
  }));
}

/** Summarises a plan, or returns null when it does not exist. */
export function planSummary(db: PlannerDatabase, planId: PlanId): PlanSummary | null {
  const plan = db.plans.find((p) => p.id === planId);
  if (!plan) return null;
  const groups = tasksByPhase(db, planId);
  const overall = progressOf(groups.flatMap((g) => g.tasks));
  return {
    plan,
    overall,
    phases: groups.map((g) => ({ phase: g.phase, progress: progressOf(g.tasks) })),
    budgetEstimateCents: plan.budgetEstimateCents,
    budgetRemainingCents:
      plan.budgetEstimateCents === null
        ? null
        : plan.budgetEstimateCents - overall.estimatedCostCents,
  };
}
