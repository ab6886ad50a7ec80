import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCycles } from '../../../renderer/src/core/planner/dependencies';
import { RECORD_ID_PATTERN } from '../../../renderer/src/core/common/recordIds';
import type { PhaseId, PlanId, TaskId } from '../../../renderer/src/core/planner/ids';
import { phaseRecordId } from '../../../renderer/src/core/team/plannerRecordFields';
import { compareOrdered, placeInOrder } from '../../../renderer/src/core/team/plannerOrder';
import { breakLoops } from '../../../renderer/src/core/team/plannerRepairs';

const items = (ids: string) => ids.split('').map((id) => ({ id }));

/** Sorts ids by the orders `placeInOrder` gave them, as materializing does. */
function readBack(next: readonly { id: string }[], orders: readonly number[]): string {
  return next
    .map((item, i) => ({ id: item.id, order: orders[i] as number }))
    .sort(compareOrdered)
    .map((e) => e.id)
    .join('');
}

describe('placeInOrder', () => {
  it('moving one item gives that item alone a new number, between its neighbours', () => {
    const prev = items('abcdef');
    const next = items('abdecf');
    const placed = placeInOrder(prev, [1, 2, 3, 4, 5, 6], next);
    expect([...placed.moved.keys()]).toEqual(['c']);
    expect(placed.moved.get('c')).toBeGreaterThan(5);
    expect(placed.moved.get('c')).toBeLessThan(6);
    expect(readBack(next, placed.orders)).toBe('abdecf');
  });

  it('keeps the order through any reordering, additions and removals', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'), { maxLength: 16 }),
        fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'), { maxLength: 16 }),
        (before, after) => {
          const prev = before.map((id) => ({ id }));
          const next = after.map((id) => ({ id }));
          const placed = placeInOrder(
            prev,
            prev.map((_, i) => i * 10),
            next,
          );
          expect(readBack(next, placed.orders)).toBe(after.join(''));
          expect(placed.removed.map((r) => r.id).sort()).toEqual(
            before.filter((id) => !after.includes(id)).sort(),
          );
          // Unmoved items keep their numbers.
          next.forEach((item, i) => {
            if (!placed.moved.has(item.id))
              expect(placed.orders[i]).toBe(before.indexOf(item.id) * 10);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('when the numbers between two neighbours run out, it numbers the list anew', () => {
    let list = items('abc');
    let orders: readonly number[] = [1, 2, 3];
    // Always move the last item to just after the first: the gap halves every time.
    for (let round = 0; round < 1_200; round++) {
      const last = list[list.length - 1] as { id: string };
      const next = [list[0] as { id: string }, last, ...list.slice(1, -1)];
      const placed = placeInOrder(list, orders, next);
      expect(readBack(next, placed.orders)).toBe(next.map((i) => i.id).join(''));
      list = next;
      orders = placed.orders;
    }
  });
});

describe('breakLoops', () => {
  const task = (id: string, ...deps: string[]) => ({
    id: id as TaskId,
    planId: 'p' as PlanId,
    title: id,
    dependencies: deps as TaskId[],
  });

  it('drops, in every loop, the dependency of the task whose id sorts last', () => {
    // Two loops: a -> c -> b -> a, and d <-> e.
    const tasks = [task('a', 'c'), task('b', 'a'), task('c', 'b'), task('d', 'e'), task('e', 'd')];
    expect(breakLoops(tasks)).toEqual([
      { taskId: 'c', dependsOn: 'b' },
      { taskId: 'e', dependsOn: 'd' },
    ]);
    // Whatever order the tasks come in.
    expect(breakLoops([...tasks].reverse())).toEqual(breakLoops(tasks));
  });

  it('leaves a loop-free graph as it is', () => {
    expect(breakLoops([task('a'), task('b', 'a'), task('c', 'a', 'b')])).toEqual([]);
  });

  it('cuts a crafted dense knot quickly, leaving no loop', () => {
    const count = 400;
    const ids = Array.from({ length: count }, (_, i) => `t${String(i).padStart(3, '0')}`);
    const tasks = ids.map((id, i) =>
      task(id, ...ids.filter((_, j) => j !== i && (i + j) % 3 !== 0)),
    );
    const started = performance.now();
    const dropped = breakLoops(tasks);
    expect(performance.now() - started).toBeLessThan(20_000);
    const gone = new Set(dropped.map((d) => `${d.taskId}>${d.dependsOn}`));
    const left = tasks.map((t) => ({
      ...t,
      dependencies: t.dependencies.filter((d) => !gone.has(`${t.id}>${d}`)),
    }));
    expect(findCycles(left)).toEqual([]);
    expect(breakLoops([...tasks].reverse())).toEqual(dropped);
  });
});

describe('phaseRecordId', () => {
  it('is a record id, the same on every machine, different for a phase id reused in two plans', () => {
    const a = phaseRecordId('plan-1' as PlanId, 'phase-1' as PhaseId);
    expect(a).toMatch(RECORD_ID_PATTERN);
    expect(a).toBe(phaseRecordId('plan-1' as PlanId, 'phase-1' as PhaseId));
    expect(phaseRecordId('plan-2' as PlanId, 'phase-1' as PhaseId)).not.toBe(a);
    const longest = phaseRecordId('p'.repeat(64) as PlanId, 'é'.repeat(64) as PhaseId);
    expect(longest).toMatch(RECORD_ID_PATTERN);
  });
});
