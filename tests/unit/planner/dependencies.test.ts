import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dependencyCandidates,
  dependentsOf,
  describeLoop,
  findCycles,
  loopClosingLinks,
  MAX_QUOTED_TITLE,
  prerequisitesOf,
  validateDependencies,
  wouldCreateCycle,
  type DependencyNode,
} from '../../../renderer/src/core/planner/dependencies';
import type { TaskId } from '../../../renderer/src/core/planner/ids';
import { wordMessage, wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';
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
    expect(wordProblems(validateDependencies(graph({ a: ['a'] })))).toEqual([
      'tasks.0.dependencies.0: the task "A" depends on itself',
    ]);
    expect(wordProblems(validateDependencies(graph({ a: ['zz'] })))).toEqual([
      'tasks.0.dependencies.0: refers to task "zz", which does not exist',
    ]);
    expect(wordProblems(validateDependencies(graph({ a: ['b'], b: [] }, { b: 'other' })))).toEqual([
      'tasks.0.dependencies.0: refers to task "b", which belongs to another plan',
    ]);
    expect(wordProblems(validateDependencies(graph({ a: ['c'], b: ['a'], c: ['b'] })))).toEqual([
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

  it('offers exactly the tasks wouldCreateCycle allows, on any graph', () => {
    fc.assert(
      fc.property(randomGraph, (tasks) => {
        for (const task of tasks) {
          const expected = tasks
            .filter((t) => t.planId === task.planId && !wouldCreateCycle(tasks, task.id, t.id))
            .map((t) => t.id);
          expect(dependencyCandidates(tasks, task.id)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Up to 12 tasks in two plans, each depending on any others (loops and self-links included). */
const randomGraph: fc.Arbitrary<DependencyNode[]> = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.array(
      fc.record({
        plan: fc.constantFrom('p', 'q'),
        deps: fc.uniqueArray(fc.nat(n - 1), { maxLength: 4 }),
      }),
      { minLength: n, maxLength: n },
    ),
  )
  .map((specs) =>
    specs.map((spec, i) => ({
      id: taskId(`t${i}`),
      planId: planId(spec.plan),
      title: `T${i}`,
      dependencies: spec.deps.map((d) => taskId(`t${d}`)),
    })),
  );

/** `count` tasks of one plan, each depending on the next `fanOut` (no loop). */
function denseGraph(count: number, fanOut: number): DependencyNode[] {
  return Array.from({ length: count }, (_, i) => ({
    id: taskId(`t${i}`),
    planId: planId('p'),
    title: `T${i}`,
    dependencies: Array.from({ length: Math.min(fanOut, count - 1 - i) }, (_, k) =>
      taskId(`t${i + 1 + k}`),
    ),
  }));
}

const linkCount = (tasks: readonly DependencyNode[]) =>
  tasks.reduce((sum, t) => sum + t.dependencies.length, 0);

describe('dependentsOf', () => {
  it.each([
    ['a prerequisite of a chain and a join', 'a', ['b', 'c', 'e']],
    ['a prerequisite of the join only', 'd', ['e']],
    ['a task nothing waits on', 'e', []],
  ])('finds every task waiting on %s', (_what, id, expected) => {
    const tasks = graph({ a: [], b: ['a'], c: ['b'], d: [], e: ['c', 'd'] });
    expect([...dependentsOf(tasks, taskId(id))].sort()).toEqual(expected);
  });

  it('never counts the task itself, even in data that already has a loop', () => {
    expect([...dependentsOf(graph({ a: ['a'] }), taskId('a'))]).toEqual([]);
    expect([...dependentsOf(graph({ a: ['b'], b: ['a'] }), taskId('a'))]).toEqual(['b']);
  });

  it('follows each link at most once: one walk, not one per candidate', () => {
    for (const count of [1_000, 2_000]) {
      const tasks = denseGraph(count, 100);
      const work = { steps: 0 };
      // The last task: every other one waits on it, through up to 100 paths each.
      const found = dependentsOf(tasks, taskId(`t${count - 1}`), work);
      expect(found.size).toBe(count - 1);
      expect(work.steps).toBe(linkCount(tasks));
    }
  });
});

describe('prerequisitesOf', () => {
  it.each([
    ['the end of a chain and a join', 'e', ['a', 'b', 'c', 'd']],
    ['the middle of the chain', 'b', ['a']],
    ['a task that waits on nothing', 'a', []],
    ['a task that is not there', 'zz', []],
  ])('finds every task %s waits on', (_what, id, expected) => {
    const tasks = graph({ a: [], b: ['a'], c: ['b'], d: [], e: ['c', 'd'] });
    expect([...prerequisitesOf(tasks, taskId(id))].sort()).toEqual(expected);
  });

  it('names exactly the tasks for which wouldCreateCycle says a link to this one closes a loop', () => {
    fc.assert(
      fc.property(randomGraph, (tasks) => {
        for (const task of tasks) {
          const expected = tasks
            .filter((t) => t.id !== task.id && wouldCreateCycle(tasks, t.id, task.id))
            .map((t) => t.id);
          const found = prerequisitesOf(tasks, task.id);
          expect(tasks.filter((t) => found.has(t.id)).map((t) => t.id)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('follows each link at most once', () => {
    const tasks = denseGraph(2_000, 100);
    const work = { steps: 0 };
    // The first task waits on every other one, through up to 100 paths each.
    expect(prerequisitesOf(tasks, taskId('t0'), work).size).toBe(1_999);
    expect(work.steps).toBe(linkCount(tasks));
  });
});

describe('bounded loop reports', () => {
  it('describes at most three loops and counts the other links that close one', () => {
    const tasks = graph({
      a: ['b'],
      b: ['a'],
      c: ['d'],
      d: ['c'],
      e: ['f'],
      f: ['e'],
      g: ['h'],
      h: ['g'],
      i: ['j'],
      j: ['i'],
    });
    expect(findCycles(tasks)).toHaveLength(3);
    const problems = wordProblems(validateDependencies(tasks));
    expect(problems).toEqual([
      'tasks.0.dependencies: dependencies form a loop: "A" → "B" → "A"',
      'tasks.2.dependencies: dependencies form a loop: "C" → "D" → "C"',
      'tasks.4.dependencies: dependencies form a loop: "E" → "F" → "E"',
      'tasks: 2 more dependencies close a loop too',
    ]);
  });

  it('names a long loop by its first and last tasks, with titles cut short', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => taskId(`t${i}`));
    const title = (id: TaskId) => `${id} ${'long title '.repeat(20)}`;
    const text = wordMessage(describeLoop(ids, title));
    expect(text.replace('dependencies form a loop: ', '').split(' → ')).toEqual([
      `"t0 ${'long title '
        .repeat(20)
        .slice(0, MAX_QUOTED_TITLE - 4)
        .trimEnd()}…"`,
      expect.stringMatching(/^"t1 long title/),
      expect.stringMatching(/^"t2 long title/),
      '… 19,995 more …',
      expect.stringMatching(/^"t19998 long title/),
      expect.stringMatching(/^"t19999 long title/),
      expect.stringMatching(/^"t0 long title/),
    ]);
    expect(text.length).toBeLessThan(7 * (MAX_QUOTED_TITLE + 6));
  });

  it('checks a dense graph in two steps per link: linear in tasks and dependencies', () => {
    for (const count of [1_000, 2_000]) {
      const tasks = denseGraph(count, 100);
      const work = { steps: 0 };
      expect(validateDependencies(tasks, { work })).toEqual([]);
      expect(work.steps).toBe(2 * linkCount(tasks));
    }
  });

  it('lists the links whose removal leaves no loop', () => {
    fc.assert(
      fc.property(randomGraph, (tasks) => {
        const cut = loopClosingLinks(tasks);
        const repaired = tasks.map((t) => ({
          ...t,
          dependencies: t.dependencies.filter(
            (d) => !cut.some((link) => link.taskId === t.id && link.dependsOn === d),
          ),
        }));
        expect(findCycles(repaired, Infinity)).toEqual([]);
        if (findCycles(tasks).length === 0) expect(cut).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
