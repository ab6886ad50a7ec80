import type { WorkCounter } from '../safeJson/budgets';
import { problemLine, type ProblemLine } from '../common/problemLine';
import { ProblemList } from '../safeJson/ProblemList';
import type { TaskId } from './ids';
import type { Task } from './schema';

/**
 * Dependency graph work. Every function here is O(tasks + dependencies) in time and memory, so a
 * crafted backup of 20,000 tasks with 100 dependencies each (2 million links) stays cheap, and
 * problems are reported in bounded form: a few loops, each named briefly.
 */

/** The part of a task the dependency checks need. */
export type DependencyNode = Pick<Task, 'id' | 'planId' | 'title' | 'dependencies'>;

/** Most loops described one by one; further loop-closing links are counted in one line. */
export const MAX_REPORTED_LOOPS = 3;

/** Longest task title quoted in a loop; a longer one is cut with "…". */
export const MAX_QUOTED_TITLE = 60;

/** Tasks named at the start of a long loop (one fewer at its end), around "… N more …". */
const LOOP_ENDS = 3;

/** Where problems go and how their paths begin; `work` counts graph steps for tests. */
export interface DependencyCheckOptions {
  /** Defaults to a new list of at most 25 problems. */
  problems?: ProblemList;
  /** Prepended to every path, e.g. `planner.` inside a backup. */
  pathPrefix?: string;
  work?: WorkCounter;
}

/**
 * True when making `taskId` depend on `dependsOnId` would close a loop (including a task depending
 * on itself): that is, when `taskId` can already be reached from `dependsOnId` by following
 * dependencies. One walk, O(tasks + dependencies); to test many candidates at once, use
 * `dependentsOf` instead.
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
 * The tasks that already depend on `taskId`, directly or through others (never `taskId` itself):
 * exactly those it may not depend on, since that would close a loop. One walk backwards over a
 * reverse index built once, O(tasks + dependencies); `work.steps` counts the links followed.
 */
export function dependentsOf(
  tasks: readonly DependencyNode[],
  taskId: TaskId,
  work: WorkCounter = { steps: 0 },
): Set<TaskId> {
  const graph = positionGraph(tasks);
  const waiting = reverseLinks(graph, tasks.length);
  const reached = new Uint8Array(tasks.length);
  const stack: number[] = [];
  const reach = (position: number) => {
    if (tasks[position]?.id === taskId || reached[position] === 1) return;
    reached[position] = 1;
    stack.push(position);
  };
  const origin = graph.positions.get(taskId);
  if (origin !== undefined) stack.push(origin);
  else {
    // Not a task here: start from the tasks that name it directly.
    tasks.forEach((task, position) => {
      if (task.dependencies.includes(taskId)) reach(position);
    });
  }
  while (stack.length > 0) {
    const position = stack.pop() as number;
    const to = waiting.start[position + 1] as number;
    for (let k = waiting.start[position] as number; k < to; k++) {
      work.steps++;
      reach(waiting.sources[k] as number);
    }
  }
  const found = new Set<TaskId>();
  reached.forEach((flag, position) => {
    if (flag === 1) found.add((tasks[position] as DependencyNode).id);
  });
  return found;
}

/**
 * The tasks `taskId` waits on, directly or through others (never `taskId` itself): exactly those
 * that may not depend on it, since that would close a loop. One walk forwards, O(tasks +
 * dependencies); `work.steps` counts the links followed. To test many tasks against one, this
 * replaces a `wouldCreateCycle` call (and its walk) per task.
 */
export function prerequisitesOf(
  tasks: readonly DependencyNode[],
  taskId: TaskId,
  work: WorkCounter = { steps: 0 },
): Set<TaskId> {
  const found = new Set<TaskId>();
  const graph = positionGraph(tasks);
  const origin = graph.positions.get(taskId);
  if (origin === undefined) return found;
  const reached = new Uint8Array(tasks.length);
  reached[origin] = 1;
  const stack = [origin];
  while (stack.length > 0) {
    const position = stack.pop() as number;
    const to = graph.start[position + 1] as number;
    for (let k = graph.start[position] as number; k < to; k++) {
      work.steps++;
      const target = graph.targets[k] as number;
      if (target < 0 || reached[target] === 1) continue;
      reached[target] = 1;
      stack.push(target);
      found.add((tasks[target] as DependencyNode).id);
    }
  }
  return found;
}

/** Tasks of the same plan that `taskId` could depend on without creating a loop, in order. */
export function dependencyCandidates(tasks: readonly DependencyNode[], taskId: TaskId): TaskId[] {
  const task = tasks.find((t) => t.id === taskId);
  if (!task) return [];
  const excluded = dependentsOf(tasks, taskId);
  return tasks
    .filter((t) => t.planId === task.planId && t.id !== taskId && !excluded.has(t.id))
    .map((t) => t.id);
}

/**
 * Checks every task's dependencies: each must name another existing task of the same plan, and
 * following them must never lead back to where it started. Adds problem lines (paths
 * like `tasks.3.dependencies.0`) to `options.problems`, stopping once it is full, and returns its
 * lines: empty when all is well. At most `MAX_REPORTED_LOOPS` loops are described, each briefly;
 * one more line counts the other links that close a loop.
 */
export function validateDependencies(
  tasks: readonly DependencyNode[],
  options: DependencyCheckOptions = {},
): ProblemLine[] {
  const { problems = new ProblemList(), pathPrefix = '', work = { steps: 0 } } = options;
  const graph = positionGraph(tasks);
  for (let index = 0; index < tasks.length && !problems.full; index++) {
    const task = tasks[index] as DependencyNode;
    const first = graph.start[index] as number;
    work.steps += task.dependencies.length;
    task.dependencies.forEach((dep, depIndex) => {
      const target = graph.targets[first + depIndex] as number;
      if (target >= 0 && tasks[target]?.planId === task.planId) return; // the usual case
      const path = `${pathPrefix}tasks.${index}.dependencies.${depIndex}`;
      if (dep === task.id) {
        problems.add(() =>
          problemLine(path, 'problems:dependencies.self', { title: quotedTitle(task.title) }),
        );
      } else if (target < 0) {
        problems.add(() => problemLine(path, 'problems:dependencies.missing', { taskId: dep }));
      } else {
        problems.add(() => problemLine(path, 'problems:dependencies.otherPlan', { taskId: dep }));
      }
    });
  }
  if (problems.full) return problems.lines();

  const { cycles, loopLinks } = scanForLoops(tasks, graph, { limit: MAX_REPORTED_LOOPS, work });
  const titleOf = (position: number) => (tasks[position] as DependencyNode).title;
  for (const cycle of cycles) {
    problems.add(() => {
      const { key, values } = describeLoop(cycle, titleOf);
      return problemLine(`${pathPrefix}tasks.${cycle[0]}.dependencies`, key, values);
    });
  }
  const more = loopLinks - cycles.length;
  if (more > 0) {
    problems.add(
      problemLine(`${pathPrefix}tasks`, 'problems:dependencies.moreLoops', { count: more }),
    );
  }
  return problems.lines();
}

/**
 * Finds loops in the dependency graph (self-dependencies excluded: reported separately), at most
 * `limit` of them, each as the ids along it (each depends on the next; the last on the first).
 * Iterative, so a long chain cannot overflow the stack; O(tasks + dependencies).
 */
export function findCycles(
  tasks: readonly DependencyNode[],
  limit: number = MAX_REPORTED_LOOPS,
): TaskId[][] {
  const { cycles } = scanForLoops(tasks, positionGraph(tasks), { limit });
  return cycles.map((cycle) => cycle.map((position) => (tasks[position] as DependencyNode).id));
}

/**
 * The dependencies to remove so that no loop is left: the links that close a loop in one
 * depth-first walk (removing them all leaves the graph loop-free). For repairing stored data in
 * one pass, where calling `findCycles` until none is left would walk the graph once per loop.
 */
export function loopClosingLinks(
  tasks: readonly DependencyNode[],
): { taskId: TaskId; dependsOn: TaskId }[] {
  const { links } = scanForLoops(tasks, positionGraph(tasks), { limit: 0, links: true });
  const idAt = (position: number) => (tasks[position] as DependencyNode).id;
  return links.map(([from, to]) => ({ taskId: idAt(from), dependsOn: idAt(to) }));
}

/**
 * The dependency graph by position, built with one id lookup per link: the links of the task at
 * position `i` are `targets[start[i]]` up to `targets[start[i + 1]]` (excluded), each the position
 * of the task depended on, or -1 for a link to the task itself or to a missing task. Typed arrays
 * keep 2 million links in 8 MB and the walks free of further lookups.
 */
interface PositionGraph {
  /** The first position of each id (a duplicated id is reported elsewhere). */
  positions: Map<TaskId, number>;
  start: Int32Array;
  targets: Int32Array;
}

function positionGraph(tasks: readonly DependencyNode[]): PositionGraph {
  const positions = new Map<TaskId, number>();
  let links = 0;
  tasks.forEach((task, position) => {
    if (!positions.has(task.id)) positions.set(task.id, position);
    links += task.dependencies.length;
  });
  const start = new Int32Array(tasks.length + 1);
  const targets = new Int32Array(links);
  let k = 0;
  tasks.forEach((task, position) => {
    start[position] = k;
    for (const dep of task.dependencies) {
      targets[k++] = dep === task.id ? -1 : (positions.get(dep) ?? -1);
    }
  });
  start[tasks.length] = k;
  return { positions, start, targets };
}

/** The links backwards: `sources[start[i]]` up to `sources[start[i + 1]]` wait on task `i`. */
function reverseLinks(
  graph: PositionGraph,
  count: number,
): { start: Int32Array; sources: Int32Array } {
  // Counts per task, then running totals: where each task's list of waiting tasks begins.
  const start = new Int32Array(count + 1);
  for (const target of graph.targets) {
    if (target >= 0) start[target + 1] = (start[target + 1] as number) + 1;
  }
  for (let i = 0; i < count; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const sources = new Int32Array(start[count] as number);
  const filled = start.slice(0, count);
  for (let from = 0; from < count; from++) {
    const to = graph.start[from + 1] as number;
    for (let k = graph.start[from] as number; k < to; k++) {
      const target = graph.targets[k] as number;
      if (target < 0) continue;
      const at = filled[target] as number;
      sources[at] = from;
      filled[target] = at + 1;
    }
  }
  return { start, sources };
}

interface LoopScan {
  /** The first `limit` loops found, as the positions along each. */
  cycles: number[][];
  /** How many links close a loop (at least one per loop in the graph). */
  loopLinks: number;
  /** Every link that closes a loop, as [from, to] positions, when asked for. */
  links: [number, number][];
}

interface LoopScanOptions {
  /** Most loops to copy out. */
  limit: number;
  /** Also list every link that closes a loop. */
  links?: boolean;
  work?: WorkCounter;
}

/** Tasks not reached yet, and tasks whose every dependency has been followed. */
const UNSEEN = -2;
const FINISHED = -1;

/**
 * One depth-first walk over every task. A dependency on a task still on the walk's path closes a
 * loop (the path from that task to here); only the first `limit` loops are copied out. Each task
 * is marked with its position on the path while on it, so finding where a loop starts costs
 * nothing; the path itself is two typed arrays, so a chain of 20,000 costs no stack.
 */
function scanForLoops(
  tasks: readonly DependencyNode[],
  graph: PositionGraph,
  { limit, links = false, work = { steps: 0 } }: LoopScanOptions,
): LoopScan {
  const count = tasks.length;
  const state = new Int32Array(count).fill(UNSEEN);
  const pathTask = new Int32Array(count);
  const pathNext = new Int32Array(count);
  let depth = 0;
  const enter = (position: number) => {
    state[position] = depth;
    pathTask[depth] = position;
    pathNext[depth] = graph.start[position] as number;
    depth++;
  };
  const scan: LoopScan = { cycles: [], loopLinks: 0, links: [] };
  for (let root = 0; root < count; root++) {
    if (state[root] !== UNSEEN) continue;
    enter(root);
    while (depth > 0) {
      const task = pathTask[depth - 1] as number;
      const next = pathNext[depth - 1] as number;
      if (next >= (graph.start[task + 1] as number)) {
        state[task] = FINISHED;
        depth--;
        continue;
      }
      pathNext[depth - 1] = next + 1;
      work.steps++;
      const dep = graph.targets[next] as number;
      if (dep < 0 || dep === task) continue;
      const seen = state[dep] as number;
      if (seen === UNSEEN) enter(dep);
      else if (seen !== FINISHED) {
        scan.loopLinks++;
        if (links) scan.links.push([task, dep]);
        if (scan.cycles.length < limit) scan.cycles.push([...pathTask.subarray(seen, depth)]);
      }
    }
  }
  return scan;
}

/**
 * The message for a loop, `dependencies form a loop: "A" → "B" → "A"`, briefly: a long loop shows
 * its first and last few tasks around "… N more …" (`head`, `hidden`, `tail`), and each title is
 * cut to `MAX_QUOTED_TITLE` characters. The titles are joined here; the UI words the rest.
 */
export function describeLoop<T>(
  cycle: readonly T[],
  titleOf: (task: T) => string,
): { key: string; values: Record<string, string | number> } {
  const names = (tasks: readonly T[]) =>
    tasks.map((task) => quotedTitle(titleOf(task))).join(' → ');
  const first = cycle[0] as T;
  if (cycle.length <= 2 * LOOP_ENDS) {
    return { key: 'problems:dependencies.loop', values: { loop: names([...cycle, first]) } };
  }
  const head = cycle.slice(0, LOOP_ENDS);
  const tail = cycle.slice(-(LOOP_ENDS - 1));
  return {
    key: 'problems:dependencies.longLoop',
    values: {
      head: names(head),
      hidden: cycle.length - head.length - tail.length,
      tail: names([...tail, first]),
    },
  };
}

/** A task title in quotes, cut to `MAX_QUOTED_TITLE` characters (never inside a surrogate pair). */
function quotedTitle(title: string): string {
  if (title.length <= MAX_QUOTED_TITLE) return `"${title}"`;
  let end = MAX_QUOTED_TITLE - 1;
  const last = title.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `"${title.slice(0, end).trimEnd()}…"`;
}
