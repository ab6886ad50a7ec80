/**
 * Repairs made while reading the planner's records: what concurrent edits can leave that the
 * planner's rules forbid (a task in a phase someone deleted, a dependency on a task someone
 * deleted, two dependencies that each member added alone but that together close a loop). The
 * repairs depend only on the merged records, so every machine makes the same ones. Each yields a
 * `RepairNotice` (data: the UI words it).
 *
 * A repair changes what the planner shows, not the records: the record keeps what its author
 * wrote, so the repair undoes itself when its cause goes (the phase is restored). It is written
 * into the records only when the user edits what it depends on (see `repairedFieldsOf`).
 */
import { loopClosingLinks, type DependencyNode } from '../planner/dependencies';
import type { PhaseId, PlanId, TaskId } from '../planner/ids';
import type { RecordKind } from './records';

/** One repair or refusal made while reading records; the UI words it by `code`. */
export type RepairNotice =
  /** The task's phase is deleted or missing: the task is shown in Unphased. */
  | { code: 'taskUnphased'; planId: PlanId; taskId: TaskId; phaseId: PhaseId }
  /** The task depended on a task that is deleted, missing or in another plan: dropped. */
  | { code: 'dependencyDropped'; planId: PlanId; taskId: TaskId; dependsOn: TaskId }
  /** Dependencies added concurrently made a loop: this one was dropped (see `breakLoops`). */
  | { code: 'dependencyLoopBroken'; planId: PlanId; taskId: TaskId; dependsOn: TaskId }
  /** The task's plan never arrived: the task is hidden until it does. */
  | { code: 'taskWithoutPlan'; planId: PlanId; taskId: TaskId }
  /** A record whose required field is missing or invalid is left out. */
  | { code: 'recordSkipped'; kind: RecordKind; recordId: string; field: string }
  /** A record's field was invalid (or missing) and is shown with its default. */
  | { code: 'fieldDefaulted'; kind: RecordKind; recordId: string; field: string };

/**
 * Fields of a materialized object (a task or a plan) whose value is a repair rather than what its
 * record holds, by object identity. `plannerWrites` reads it: an unedited repaired field is not
 * written, unless the edit changes what the repair depends on (the plan's phases for a task's
 * phase, the plan's dependency graph for a task's dependencies, the start date for a plan's end
 * date): then the shown value is written, so the repair cannot undo itself under the user's feet.
 */
const repairedFields = new WeakMap<object, ReadonlySet<RepairableField>>();
/** The repaired tasks of a database, by the identity of its task list. */
const repairedTasks = new WeakMap<readonly object[], readonly object[]>();

export type RepairableField = 'phaseId' | 'dependencies' | 'endDate';

/** Marks (or, with no fields, unmarks) the repaired fields of a materialized object. */
export function markRepaired(item: object, fields: ReadonlySet<RepairableField>): void {
  if (fields.size > 0) repairedFields.set(item, fields);
  else repairedFields.delete(item);
}

export function repairedFieldsOf(item: object): ReadonlySet<RepairableField> | undefined {
  return repairedFields.get(item);
}

export function rememberRepairedTasks(tasks: readonly object[], repaired: readonly object[]): void {
  if (repaired.length > 0) repairedTasks.set(tasks, repaired);
  else repairedTasks.delete(tasks);
}

export function repairedTasksOf(tasks: readonly object[]): readonly object[] {
  return repairedTasks.get(tasks) ?? [];
}

/** Graph steps before `breakLoops` switches to its one-pass rule (see there). */
const LOOP_WORK_LIMIT = 2_000_000;

/**
 * The dependencies to drop so that no loop is left. The rule, the same on every machine: a
 * dependency of task T on task W is dropped when following dependencies from W leads back to T
 * through tasks whose ids all sort before T's. So in every loop, exactly the dependency of the
 * task whose id sorts last is dropped: two members who each add one half of a loop lose the half
 * held by the task with the greater id.
 *
 * Computed on strongly connected components: in each one of more than one task, the task whose
 * id sorts last drops its dependencies inside it; the rest is split again, until no loop is left.
 * Real concurrent loops are small. A crafted file could make that slow (a component of
 * thousands of tasks dropping one task at a time), so after LOOP_WORK_LIMIT steps the remaining
 * loops are cut in one depth-first pass in id order (tasks and their dependencies in id order;
 * a dependency on a task still on the walk's path is dropped), which is just as deterministic.
 * `tasks` must hold only valid dependencies (existing tasks, same plan, never itself).
 */
export function breakLoops(
  tasks: readonly DependencyNode[],
): { taskId: TaskId; dependsOn: TaskId }[] {
  // The usual case, no loop at all, answered by one fast pass over typed arrays.
  if (loopClosingLinks(tasks).length === 0) return [];
  const sorted = [...tasks].sort((a, b) => compareIds(a.id, b.id));
  const index = new Map<TaskId, number>();
  sorted.forEach((task, i) => index.set(task.id, i));
  // Edges by position in id order; a position's number is its rank, so "sorts last" = largest.
  const edges: number[][] = sorted.map((task) =>
    task.dependencies
      .map((dep) => index.get(dep))
      .filter((to): to is number => to !== undefined)
      .sort((a, b) => a - b),
  );
  const dropped: [number, number][] = [];
  const work = { steps: 0 };
  const count = sorted.length;
  const cut = new Set<number>(); // dropped edges, as from * count + to
  const live = (from: number, to: number) => cut.size === 0 || !cut.has(from * count + to);

  let pending: number[][] = components(
    sorted.map((_, i) => i),
    edges,
    live,
    work,
  );
  while (pending.length > 0 && work.steps <= LOOP_WORK_LIMIT) {
    const next: number[][] = [];
    for (const component of pending) {
      const members = new Set(component);
      const last = Math.max(...component);
      for (const to of edges[last] as number[]) {
        if (members.has(to) && live(last, to)) {
          cut.add(last * count + to);
          dropped.push([last, to]);
        }
      }
      next.push(...components(component, edges, live, work));
    }
    pending = next;
  }
  if (pending.length > 0) {
    for (const [from, to] of backEdges(
      pending.flat().sort((a, b) => a - b),
      edges,
      live,
    )) {
      cut.add(from * count + to);
      dropped.push([from, to]);
    }
  }
  return dropped
    .sort(([a, b], [c, d]) => a - c || b - d)
    .map(([from, to]) => ({
      taskId: (sorted[from] as DependencyNode).id,
      dependsOn: (sorted[to] as DependencyNode).id,
    }));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The strongly connected components of more than one node among `nodes` (Tarjan's algorithm,
 * iterative so a long chain cannot overflow the stack), following live edges inside `nodes`.
 */
function components(
  nodes: readonly number[],
  edges: readonly (readonly number[])[],
  live: (from: number, to: number) => boolean,
  work: { steps: number },
): number[][] {
  const inside = new Set(nodes);
  const order = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const found: number[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (order.has(root)) continue;
    const path: { node: number; next: number }[] = [{ node: root, next: 0 }];
    order.set(root, counter);
    low.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);
    while (path.length > 0) {
      const frame = path[path.length - 1] as { node: number; next: number };
      const out = edges[frame.node] as readonly number[];
      if (frame.next < out.length) {
        const to = out[frame.next] as number;
        frame.next++;
        work.steps++;
        if (!inside.has(to) || !live(frame.node, to)) continue;
        if (!order.has(to)) {
          order.set(to, counter);
          low.set(to, counter);
          counter++;
          stack.push(to);
          onStack.add(to);
          path.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, order.get(to) as number));
        }
        continue;
      }
      path.pop();
      const parent = path[path.length - 1];
      if (parent) {
        low.set(
          parent.node,
          Math.min(low.get(parent.node) as number, low.get(frame.node) as number),
        );
      }
      if (low.get(frame.node) === order.get(frame.node)) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop() as number;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) found.push(component);
      }
    }
  }
  return found;
}

/** Edges closing a loop in one depth-first walk over `nodes` in order (see `breakLoops`). */
function backEdges(
  nodes: readonly number[],
  edges: readonly (readonly number[])[],
  live: (from: number, to: number) => boolean,
): [number, number][] {
  const inside = new Set(nodes);
  const state = new Map<number, 'open' | 'done'>();
  const found: [number, number][] = [];
  for (const root of nodes) {
    if (state.has(root)) continue;
    const path: { node: number; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 'open');
    while (path.length > 0) {
      const frame = path[path.length - 1] as { node: number; next: number };
      const out = edges[frame.node] as readonly number[];
      if (frame.next >= out.length) {
        state.set(frame.node, 'done');
        path.pop();
        continue;
      }
      const to = out[frame.next] as number;
      frame.next++;
      if (!inside.has(to) || !live(frame.node, to)) continue;
      const seen = state.get(to);
      if (seen === undefined) {
        state.set(to, 'open');
        path.push({ node: to, next: 0 });
      } else if (seen === 'open') found.push([frame.node, to]);
    }
  }
  return found;
}
