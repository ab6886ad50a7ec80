import { describe, expect, it } from 'vitest';
import {
  dependencyCandidates,
  findCycles,
  validateDependencies,
  wouldCreateCycle,
  type DependencyNode,
} from '../../../renderer/src/core/planner/dependencies';
import { planId, taskId } from './helpers';

/** Tasks from a compact spec: `{ a: ['b'] }` means a depends on b; all in plan p unless `plan:`. */
function graph(
  spec: Record<string, string[]>,
  plans: Record<string, string> = {},
): DependencyNode[] {
  return Object.entries(spec).map(([id, deps]) => ({
    id: taskId(id),
    planId: planId(plans[id] ?? 'p'),
    title: id.toUpperCase(),
    dependencies: deps.map(taskId),
  }));
}

describe('wouldCreateCycle', () => {
  const tasks = graph({ a: [], b: ['a'], c: ['b'], d: [] });
  it.each([
    ['a task on itself', 'a', 'a', true],
    ['a on c, where c already waits on a through b', 'a', 'c', true],
    ['a on b, the direct reverse of b on a', 'a', 'b', true],
    ['c on a (already implied, no loop)', 'c', 'a', false],
    ['d on c', 'd', 'c', false],
    ['a on d', 'a', 'd', false],
  ])('%s -> %s', (_name, from, to, expected) => {
    expect(wouldCreateCycle(tasks, taskId(from), taskId(to))).toBe(expected);
  });
});

describe('validateDependencies', () => {
  it('passes a graph with shared prerequisites (a diamond is not a loop)', () => {
    expect(validateDependencies(graph({ a: [], b: ['a'], c: ['a'], d: ['b', 'c'] }))).toEqual([]);
  });

  it('names the path and the tasks for each kind of problem', () => {
    expect(validateDependencies(graph({ a: ['a'] }))).toEqual([
      'tasks.0.dependencies.0: the task "A" depends on itself',
    ]);
    expect(validateDependencies(graph({ a: ['zz'] }))).toEqual([
      'tasks.0.dependencies.0: refers to task "zz", which does not exist',
    ]);
    expect(validateDependencies(graph({ a: ['b'], b: [] }, { b: 'other' }))).toEqual([
      'tasks.0.dependencies.0: refers to task "b", which belongs to another plan',
    ]);
    expect(validateDependencies(graph({ a: ['c'], b: ['a'], c: ['b'] }))).toEqual([
      'tasks.0.dependencies: dependencies form a loop: "A" → "C" → "B" → "A"',
    ]);
  });

  it('finds each separate loop once', () => {
    const cycles = findCycles(graph({ a: ['b'], b: ['a'], c: ['d'], d: ['c'], e: ['a'] }));
    expect(cycles).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('handles a 20,000-task chain without overflowing the stack', () => {
    const spec: Record<string, string[]> = {};
    for (let i = 0; i < 20_000; i++) spec[`t${i}`] = i === 0 ? [] : [`t${i - 1}`];
    const chain = graph(spec);
    expect(validateDependencies(chain)).toEqual([]);
    expect(wouldCreateCycle(chain, taskId('t0'), taskId('t19999'))).toBe(true);
    chain[0] = { ...(chain[0] as DependencyNode), dependencies: [taskId('t19999')] };
    expect(findCycles(chain)).toHaveLength(1);
  });
});

describe('dependencyCandidates', () => {
  it('offers only tasks of the same plan that would not close a loop', () => {
    const tasks = graph({ a: [], b: ['a'], c: ['b'], x: [] }, { x: 'other' });
    expect(dependencyCandidates(tasks, taskId('a'))).toEqual([]);
    expect(dependencyCandidates(tasks, taskId('c'))).toEqual(['a', 'b']);
  });
});
