import { dependentsOf, type DependencyNode } from './dependencies';
import type { TaskId } from './ids';

/** How many tasks' answers are kept per graph: the task being edited and a few visited before. */
const REMEMBERED_TASKS = 8;

/** Finds the tasks waiting on `taskId`; `dependentsOf` unless a test counts the walks. */
export type DependentsWalk = (tasks: readonly DependencyNode[], taskId: TaskId) => Set<TaskId>;

/**
 * `dependentsOf`, remembered for as long as the dependency graph stays the same, so a screen that
 * redraws on every change of the plan (the "Depends on" picker) walks the graph once per task and
 * graph, not once per edit: renaming a task or moving it on the board changes no dependency, and
 * on a dense plan of 20,000 tasks each walk costs about a tenth of a second.
 *
 * The graph is compared list by list, by identity first (operations keep a task's dependency list
 * when they do not change it) and by content otherwise, so the check is O(tasks) after an edit
 * and at worst O(tasks + dependencies), never a walk. A change to one task's own dependencies
 * keeps that task's answer: a path that reaches a task never leaves from it, so what waits on it
 * does not depend on what it waits on (ticking a box in its picker costs no walk).
 */
export class DependentsCache {
  /** Each task's dependency list as last seen, by id: the graph the answers belong to. */
  private links = new Map<TaskId, readonly TaskId[]>();
  /** Answers for that graph, least recently asked first. */
  private answers = new Map<TaskId, ReadonlySet<TaskId>>();

  constructor(private readonly walk: DependentsWalk = dependentsOf) {}

  /** The tasks that already wait on `taskId` in `tasks`, as `dependentsOf` finds them. */
  dependentsOf(tasks: readonly DependencyNode[], taskId: TaskId): ReadonlySet<TaskId> {
    this.follow(tasks);
    let found = this.answers.get(taskId);
    if (found) this.answers.delete(taskId);
    else found = this.walk(tasks, taskId);
    this.answers.set(taskId, found);
    if (this.answers.size > REMEMBERED_TASKS) {
      this.answers.delete(this.answers.keys().next().value as TaskId);
    }
    return found;
  }

  /** Brings the remembered graph up to `tasks`, forgetting the answers its changes may alter. */
  private follow(tasks: readonly DependencyNode[]): void {
    const changed = changedTask(this.links, tasks);
    if (changed === undefined) return;
    if (changed === 'many') {
      this.links = new Map(tasks.map((t) => [t.id, t.dependencies]));
      this.answers.clear();
      return;
    }
    const kept = this.answers.get(changed);
    this.answers.clear();
    if (kept) this.answers.set(changed, kept);
  }
}

/**
 * Which task's dependencies differ from `links`: undefined for none, its id for one task, `many`
 * when several did or tasks came or went (a repeated id counts as that too, so such data is never
 * answered from memory). Lists equal in content are adopted into `links`, so the next comparison
 * is by identity.
 */
function changedTask(
  links: Map<TaskId, readonly TaskId[]>,
  tasks: readonly DependencyNode[],
): TaskId | 'many' | undefined {
  if (tasks.length !== links.size) return 'many';
  let changed: TaskId | undefined;
  for (const task of tasks) {
    const before = links.get(task.id);
    if (before === task.dependencies) continue;
    if (before === undefined) return 'many';
    if (!sameList(before, task.dependencies)) {
      if (changed !== undefined) return 'many';
      changed = task.id;
    }
    links.set(task.id, task.dependencies);
  }
  return changed;
}

function sameList(a: readonly TaskId[], b: readonly TaskId[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
