import type { DocId } from '../../content/ids';
import { stripEnglishSpans } from '../../markdown/englishSpanText';
import type { IsoDate } from '../dates';
import { dependentsOf, prerequisitesOf } from '../dependencies';
import { newTaskId, type PhaseId, type PlanId, type TaskId } from '../ids';
import { LIMITS, taskSchema, type PlannerDatabase, type Task, type TaskStatus } from '../schema';
import { messageRef } from '../../common/messageRef';
import { PlannerError, insertAt, requirePlan, requireTask, validated } from './common';

/** What a person fills in to add a task; everything but the title is optional. */
export interface TaskInput {
  title: string;
  phaseId?: PhaseId | null;
  owner?: string;
  dueDate?: IsoDate | null;
  status?: TaskStatus;
  estimatedCostCents?: number | null;
  notes?: string;
  linkedDocIds?: DocId[];
  dependencies?: TaskId[];
}

/** Fields of a task that `updateTask` may change (a task never moves to another plan). */
export type TaskPatch = Partial<Omit<Task, 'id' | 'planId'>>;

/** A deleted task, with what is needed to put it back: its place and who depended on it. */
export interface RemovedTask {
  task: Task;
  index: number;
  /** Tasks that listed this one as a dependency (the link was removed with it). */
  dependents: TaskId[];
}

/** Adds a task to a plan (at the end of the list). */
export function addTask(
  db: PlannerDatabase,
  planId: PlanId,
  input: TaskInput,
  id: TaskId = newTaskId(),
): { db: PlannerDatabase; task: Task } {
  requirePlan(db, planId);
  const task = checkedTask(db, {
    id,
    planId,
    title: input.title.trim(),
    phaseId: input.phaseId ?? null,
    owner: input.owner?.trim() ?? '',
    dueDate: input.dueDate ?? null,
    status: input.status ?? 'not-started',
    estimatedCostCents: input.estimatedCostCents ?? null,
    notes: input.notes ?? '',
    linkedDocIds: input.linkedDocIds ?? [],
    dependencies: input.dependencies ?? [],
  });
  return { db: { ...db, tasks: [...db.tasks, task] }, task };
}

/** The document an "Add to plan" button stands on. */
export interface SourceDocument {
  id: DocId;
  title: string;
  summary?: string;
}

/**
 * "Add to plan": adds a task named after a document (a recommendation, guide step or case study)
 * to the chosen plan and phase, linked back to the document. `input` can override the defaults.
 */
export function addTaskFromDocument(
  db: PlannerDatabase,
  target: { planId: PlanId; phaseId: PhaseId | null },
  doc: SourceDocument,
  input: Partial<TaskInput> = {},
  id: TaskId = newTaskId(),
): { db: PlannerDatabase; task: Task } {
  // A task is plain text, so a French document's `[…]{lang=en}` markup is dropped, its words kept.
  const docTitle = stripEnglishSpans(doc.title);
  const title =
    docTitle.length > LIMITS.title ? `${docTitle.slice(0, LIMITS.title - 1)}…` : docTitle;
  const linked = input.linkedDocIds ?? [];
  return addTask(
    db,
    target.planId,
    {
      title,
      notes: stripEnglishSpans(doc.summary ?? ''),
      ...input,
      phaseId: target.phaseId,
      linkedDocIds: linked.includes(doc.id) ? linked : [doc.id, ...linked],
    },
    id,
  );
}

/** Changes a task's fields; returns the task as it was, for Undo. */
export function updateTask(
  db: PlannerDatabase,
  taskId: TaskId,
  patch: TaskPatch,
): { db: PlannerDatabase; previous: Task } {
  const previous = requireTask(db, taskId);
  const trimmed = {
    ...patch,
    ...(patch.title === undefined ? {} : { title: patch.title.trim() }),
    ...(patch.owner === undefined ? {} : { owner: patch.owner.trim() }),
  };
  const next = checkedTask(db, { ...previous, ...trimmed, id: taskId, planId: previous.planId });
  return { db: { ...db, tasks: db.tasks.map((t) => (t.id === taskId ? next : t)) }, previous };
}

/** Deletes a task and the links other tasks had to it; `restoreTask(db, removed)` undoes it. */
export function deleteTask(
  db: PlannerDatabase,
  taskId: TaskId,
): { db: PlannerDatabase; removed: RemovedTask } {
  const index = db.tasks.findIndex((t) => t.id === taskId);
  const task = requireTask(db, taskId);
  const dependents: TaskId[] = [];
  const tasks = db.tasks.flatMap((t) => {
    if (t.id === taskId) return [];
    if (!t.dependencies.includes(taskId)) return [t];
    dependents.push(t.id);
    return [{ ...t, dependencies: t.dependencies.filter((d) => d !== taskId) }];
  });
  return { db: { ...db, tasks }, removed: { task, index, dependents } };
}

/**
 * Puts a deleted task back where it was, with the links other tasks had to it. Links to tasks
 * deleted since, that would now close a loop, or that a task has no room for (it gained
 * `LIMITS.dependencies` others since) are left out rather than failing the Undo.
 */
export function restoreTask(db: PlannerDatabase, removed: RemovedTask): PlannerDatabase {
  if (db.tasks.some((t) => t.id === removed.task.id))
    throw new PlannerError(messageRef('planner:errors.taskThere'));
  const plan = requirePlan(db, removed.task.planId);
  const ids = new Set(db.tasks.filter((t) => t.planId === plan.id).map((t) => t.id));
  const task: Task = {
    ...removed.task,
    phaseId: plan.phases.some((ph) => ph.id === removed.task.phaseId) ? removed.task.phaseId : null,
    dependencies: removed.task.dependencies.filter((d) => ids.has(d)),
  };
  const restored = insertAt(db.tasks, removed.index, task);
  // A dependent would close a loop exactly when the task already waits on it: one walk forwards
  // answers that for all of them (a walk per dependent took 1.5 s to undo on a dense plan). The
  // links put back all lead into the task, from tasks it does not reach, so they cannot change
  // what it reaches: the one walk stays right as they are added.
  const reached = prerequisitesOf(restored, task.id);
  const relink = new Set(removed.dependents.filter((id) => ids.has(id) && !reached.has(id)));
  const tasks = restored.map((t) =>
    relink.has(t.id) &&
    !t.dependencies.includes(task.id) &&
    t.dependencies.length < LIMITS.dependencies
      ? { ...t, dependencies: [...t.dependencies, task.id] }
      : t,
  );
  return { ...db, tasks };
}

/**
 * Moves a task to a status column of the board. With `position`, the task is placed at that index
 * among the plan's tasks of that status (0 = top); without it, it goes to the bottom.
 */
export function moveTaskStatus(
  db: PlannerDatabase,
  taskId: TaskId,
  status: TaskStatus,
  position?: number,
): PlannerDatabase {
  const task = requireTask(db, taskId);
  const moved: Task = { ...task, status };
  const rest = db.tasks.filter((t) => t.id !== taskId);
  const column = rest.filter((t) => t.planId === task.planId && t.status === status);
  const at =
    position === undefined ? column.length : Math.max(0, Math.min(position, column.length));
  let index: number;
  if (column.length === 0) index = db.tasks.findIndex((t) => t.id === taskId);
  else if (at < column.length) index = rest.indexOf(column[at] as Task);
  else index = rest.indexOf(column[column.length - 1] as Task) + 1;
  return { ...db, tasks: insertAt(rest, index, moved) };
}

/** Dependencies of a task that are not done yet (the board shows them as "waiting on"). */
export function unmetDependencies(db: PlannerDatabase, taskId: TaskId): Task[] {
  const task = requireTask(db, taskId);
  return db.tasks.filter((t) => task.dependencies.includes(t.id) && t.status !== 'done');
}

/** Validates a task against the schema and the rest of its plan. */
function checkedTask(db: PlannerDatabase, candidate: unknown): Task {
  const task = validated(taskSchema, candidate, 'task');
  const plan = requirePlan(db, task.planId);
  if (task.phaseId !== null && !plan.phases.some((ph) => ph.id === task.phaseId)) {
    throw new PlannerError(messageRef('planner:errors.phaseNotInPlan'));
  }
  // Most edits touch no dependencies: skip the graph work (it matters with 10,000 tasks), and keep
  // the very list the task had, so what remembers answers per graph (the "Depends on" picker's
  // DependentsCache) sees at a glance that the graph is the same.
  const previous = db.tasks.find((t) => t.id === task.id)?.dependencies;
  if (previous && sameList(task.dependencies, previous)) {
    return { ...task, dependencies: previous };
  }
  if (task.dependencies.length === 0) return task;
  // Dependencies stay within a plan, so only the plan's own tasks can form a loop.
  const planTasks = db.tasks.filter((t) => t.planId === task.planId && t.id !== task.id);
  const inPlan = new Set(planTasks.map((t) => t.id));
  // One reverse walk finds every task already waiting on this one; depending on any of them
  // would close a loop. (A walk per dependency took seconds on a 20,000-task plan.)
  const waiting = dependentsOf(planTasks, task.id);
  for (const dep of task.dependencies) {
    if (dep === task.id || waiting.has(dep)) {
      throw new PlannerError(messageRef('planner:errors.dependencyLoop'));
    }
    if (!inPlan.has(dep)) {
      throw new PlannerError(messageRef('planner:errors.dependencyOutsidePlan'));
    }
  }
  return task;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
