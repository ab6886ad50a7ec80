import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  moveTaskStatus,
  unmetDependencies,
} from '../../../renderer/src/core/planner/operations/tasks';
import {
  TASK_STATUSES,
  type PlannerDatabase,
  type Task,
} from '../../../renderer/src/core/planner/schema';
import { unmetDependencyCounts } from '../../../renderer/src/core/planner/views/board';
import { planId, sampleDatabase, taskId } from './helpers';

/** A plan of `statuses.length` tasks where task `i` depends on the tasks listed in `deps[i]`. */
function planOf(statuses: readonly Task['status'][], deps: readonly number[][]): PlannerDatabase {
  const db = sampleDatabase();
  const tasks: Task[] = statuses.map((status, i) => ({
    id: taskId(`g${i}`),
    planId: planId('p1'),
    title: `Task ${i}`,
    phaseId: null,
    owner: '',
    dueDate: null,
    status,
    estimatedCostCents: null,
    notes: '',
    linkedDocIds: [],
    dependencies: (deps[i] ?? []).map((d) => taskId(`g${d}`)),
  }));
  return { ...db, tasks };
}

describe('board: unmet dependencies per card', () => {
  it('counts dependencies that are not done, only for the plan asked for', () => {
    // t3 waits on t1, which is done.
    expect(unmetDependencyCounts(sampleDatabase(), planId('p1'))).toEqual(new Map());
    const db = moveTaskStatus(sampleDatabase(), taskId('t1'), 'in-progress');
    expect(unmetDependencyCounts(db, planId('p1'))).toEqual(new Map([[taskId('t3'), 1]]));
    expect(unmetDependencyCounts(db, planId('p2'))).toEqual(new Map());
  });

  it('ignores unknown ids and counts a repeated dependency once', () => {
    const db = planOf(['in-progress', 'blocked', 'not-started'], [[], [], [0, 0, 1, 99]]);
    expect(unmetDependencyCounts(db, planId('p1'))).toEqual(new Map([[taskId('g2'), 2]]));
  });

  it('agrees with unmetDependencies for every task of any plan', () => {
    const plan = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.tuple(
        fc.array(fc.constantFrom(...TASK_STATUSES), { minLength: n, maxLength: n }),
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 5 }), {
          minLength: n,
          maxLength: n,
        }),
      ),
    );
    fc.assert(
      fc.property(plan, ([statuses, deps]) => {
        const db = planOf(statuses, deps);
        const counts = unmetDependencyCounts(db, planId('p1'));
        for (const task of db.tasks.filter((t) => t.planId === planId('p1'))) {
          expect(counts.get(task.id) ?? 0).toBe(unmetDependencies(db, task.id).length);
        }
      }),
    );
  });

  it('reads each task a bounded number of times, however many tasks wait on others', () => {
    // 5,000 tasks, each waiting on the 20 before it: a per-card search of the whole list would
    // read the tasks about 100 million times.
    const n = 5_000;
    const db = planOf(
      Array.from({ length: n }, (_, i) => TASK_STATUSES[i % 4] ?? 'done'),
      Array.from({ length: n }, (_, i) =>
        Array.from({ length: Math.min(i, 20) }, (_, k) => i - k - 1),
      ),
    );
    let reads = 0;
    const counted = new Proxy(db.tasks, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const counts = unmetDependencyCounts({ ...db, tasks: counted }, planId('p1'));
    expect(counts.size).toBeGreaterThan(n / 2);
    expect(reads).toBeLessThanOrEqual(2 * n);
  });
});
