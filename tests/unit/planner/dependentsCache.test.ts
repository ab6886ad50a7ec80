import { describe, expect, it } from 'vitest';
import { dependentsOf, type DependencyNode } from '../../../renderer/src/core/planner/dependencies';
import { DependentsCache } from '../../../renderer/src/core/planner/dependentsCache';
import type { TaskId } from '../../../renderer/src/core/planner/ids';
import {
  addTask,
  deleteTask,
  moveTaskStatus,
  restoreTask,
  updateTask,
} from '../../../renderer/src/core/planner/operations/tasks';
import {
  emptyPlannerDatabase,
  type PlannerDatabase,
} from '../../../renderer/src/core/planner/schema';
import { planId, taskId } from './helpers';

/** One plan of `count` tasks, each depending on the next `fanOut` (the dense shape). */
function densePlanner(count: number, fanOut: number): PlannerDatabase {
  const db = emptyPlannerDatabase();
  db.plans.push({
    id: planId('p'),
    title: 'Dense',
    goal: '',
    owner: '',
    status: 'draft',
    startDate: null,
    endDate: null,
    budgetEstimateCents: null,
    fundingSource: '',
    linkedDocIds: [],
    shared: false,
    sharedBy: null,
    phases: [],
  });
  for (let i = 0; i < count; i++) {
    db.tasks.push({
      id: taskId(`t${i}`),
      planId: planId('p'),
      title: `Task ${i}`,
      phaseId: null,
      owner: '',
      dueDate: null,
      status: 'not-started',
      estimatedCostCents: null,
      notes: '',
      linkedDocIds: [],
      dependencies: Array.from({ length: Math.min(fanOut, count - 1 - i) }, (_, k) =>
        taskId(`t${i + 1 + k}`),
      ),
    });
  }
  return db;
}

/** A cache over the real `dependentsOf`, counting the walks it asks for. */
function countingCache() {
  const walks: TaskId[] = [];
  const cache = new DependentsCache((tasks, id) => {
    walks.push(id);
    return dependentsOf(tasks, id);
  });
  return { cache, walks };
}

const sorted = (set: ReadonlySet<TaskId>) => [...set].sort();
/** What a fresh walk finds, to check every remembered answer against. */
const fresh = (tasks: readonly DependencyNode[], id: string) =>
  sorted(dependentsOf(tasks, taskId(id)));

describe('DependentsCache', () => {
  it('answers what dependentsOf answers: the tasks already waiting on this one', () => {
    const { cache } = countingCache();
    const { tasks } = densePlanner(50, 3);
    // t0 to t9 wait on t10 (t7 directly, t0 through the chain); nothing after it does.
    expect(sorted(cache.dependentsOf(tasks, taskId('t10')))).toEqual(
      Array.from({ length: 10 }, (_, i) => `t${i}`).sort(),
    );
    expect(sorted(cache.dependentsOf(tasks, taskId('t0')))).toEqual([]);
  });

  it('walks once for a task while only titles, statuses and other fields change', () => {
    const { cache, walks } = countingCache();
    let db = densePlanner(300, 10);
    const first = cache.dependentsOf(db.tasks, taskId('t150'));
    db = updateTask(db, taskId('t150'), { title: 'Renamed', notes: 'More detail' }).db;
    db = updateTask(db, taskId('t20'), {
      owner: 'Clerk',
      dependencies: db.tasks[20]?.dependencies,
    }).db;
    db = moveTaskStatus(db, taskId('t149'), 'in-progress', 0);
    const after = cache.dependentsOf(db.tasks, taskId('t150'));
    expect(after).toBe(first);
    expect(walks).toEqual(['t150']);
  });

  it('keeps the answer when the data is read again (same lists, new arrays)', () => {
    const { cache, walks } = countingCache();
    const db = densePlanner(100, 5);
    const first = cache.dependentsOf(db.tasks, taskId('t50'));
    const reloaded = structuredClone(db);
    expect(cache.dependentsOf(reloaded.tasks, taskId('t50'))).toBe(first);
    expect(walks).toEqual(['t50']);
  });

  it('keeps a task’s answer when only its own dependencies change, and is still right', () => {
    const { cache, walks } = countingCache();
    let db = densePlanner(100, 5);
    const first = cache.dependentsOf(db.tasks, taskId('t50'));
    db = updateTask(db, taskId('t50'), { dependencies: [taskId('t99')] }).db;
    const after = cache.dependentsOf(db.tasks, taskId('t50'));
    expect(after).toBe(first);
    expect(sorted(after)).toEqual(fresh(db.tasks, 't50'));
    expect(walks).toEqual(['t50']);
  });

  it.each([
    [
      'another task’s dependencies change',
      (db: PlannerDatabase) => updateTask(db, taskId('t60'), { dependencies: [taskId('t61')] }).db,
    ],
    [
      'a task is added that waits on it',
      (db: PlannerDatabase) =>
        addTask(db, planId('p'), { title: 'New', dependencies: [taskId('t50')] }, taskId('n')).db,
    ],
    ['a task is deleted', (db: PlannerDatabase) => deleteTask(db, taskId('t48')).db],
    [
      'a deleted task is put back',
      (db: PlannerDatabase) => {
        const { db: without, removed } = deleteTask(db, taskId('t48'));
        return restoreTask(without, removed);
      },
    ],
  ])('walks again when %s, and answers right', (_what, change) => {
    const { cache, walks } = countingCache();
    const db = densePlanner(100, 5);
    const first = cache.dependentsOf(db.tasks, taskId('t50'));
    const next = change(db);
    const after = cache.dependentsOf(next.tasks, taskId('t50'));
    expect(walks).toEqual(['t50', 't50']);
    expect(after).not.toBe(first);
    expect(sorted(after)).toEqual(fresh(next.tasks, 't50'));
  });

  it('remembers a few tasks per graph, so going back to a task costs no walk', () => {
    const { cache, walks } = countingCache();
    const { tasks } = densePlanner(100, 5);
    const ids = ['t10', 't20', 't30', 't10', 't20'].map(taskId);
    const answers = ids.map((id) => cache.dependentsOf(tasks, id));
    expect(walks).toEqual(['t10', 't20', 't30']);
    expect(answers[3]).toBe(answers[0]);
  });

  it('never answers from memory when ids repeat (data the checks would refuse)', () => {
    const { cache, walks } = countingCache();
    const { tasks } = densePlanner(10, 2);
    const repeated = [...tasks, { ...(tasks[3] as DependencyNode), dependencies: [] }];
    cache.dependentsOf(repeated, taskId('t5'));
    cache.dependentsOf(repeated, taskId('t5'));
    expect(walks).toEqual(['t5', 't5']);
  });
});
