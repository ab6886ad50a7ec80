/**
 * Crafted planner backups (tests/fixtures/hostileFiles.ts) through the real importer: each is
 * refused or accepted as labelled, for the reason its shape calls for, with a short problem list.
 * The cyclic 20,000-task file runs here at full size once: it must stay cheap, and its
 * work is counted (two steps per dependency), never timed.
 */
import { describe, expect, it } from 'vitest';
import {
  dependencyCandidates,
  validateDependencies,
  type DependencyNode,
} from '../../../renderer/src/core/planner/dependencies';
import { parseBackup } from '../../../renderer/src/core/planner/import/parseBackup';
import { hostilePlannerFiles, type HostileFile } from '../../fixtures/hostileFiles';
import { taskId } from './helpers';
import { wordMessage, wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';

const small = hostilePlannerFiles('small');

/** What each refusal must say: its sentence, and a problem that must be listed. */
const REASONS: Record<string, [RegExp, RegExp]> = {
  'planner-cyclic-chain': [/depend on each other in a loop/, /dependencies form a loop: /],
  'planner-zeros': [/not an OnMuni Toolkit planner backup/, /^kind: .*found no object$/],
  'planner-deep-nesting': [/nested too deeply/, /^\(file\): nested more than 64 levels deep \(/],
  'planner-many-tiny-records': [
    /do not match the planner format/,
    /^planner\.tasks: Too big: expected array to have <=20000 items$/,
  ],
  'planner-many-invalid-fields': [/do not match/, /^planner\.tasks\.0\.linkedDocIds\.0: /],
  'planner-huge-strings': [/do not match/, /^planner\.tasks\.0\.title: must be at most 200/],
  'planner-many-distinct-keys': [/far more entries/, /more than 10,000 different field names/],
};

/** Every refusal is short whatever the file: 25 problems at most, then one line counting the rest. */
function expectBoundedRefusal(file: HostileFile, message: string, problems: readonly string[]) {
  expect(message).toMatch(/^The file was not imported and nothing was changed\. /);
  expect(problems.length).toBeLessThanOrEqual(26);
  for (const line of problems) expect(line.length).toBeLessThanOrEqual(500);
  if (problems.length === 26) {
    expect(problems[25]).toMatch(/^\(file\): and (at least )?[\d,]+ more problems/);
  }
  const [sentence, problem] = REASONS[file.name] ?? [/^$/, /^$/];
  expect(message).toMatch(sentence);
  expect(
    problems.some((line) => problem.test(line)),
    problems.join('\n'),
  ).toBe(true);
}

describe('crafted planner backups (small scale)', () => {
  it('covers every case with a reason', () => {
    expect(small.map((f) => f.name).sort()).toEqual(
      [...Object.keys(REASONS), 'planner-dense-valid'].sort(),
    );
  });

  it.each(small.map((file) => [file.name, file] as const))('%s', (_name, file) => {
    const result = parseBackup(file.text);
    expect(result.ok ? 'accepted' : 'refused').toBe(file.expect);
    if (!result.ok)
      expectBoundedRefusal(file, wordMessage(result.message), wordProblems(result.problems));
  });

  it('stops checking a file of thousands of invalid values once enough problems are known', () => {
    const file = small.find((f) => f.name === 'planner-many-invalid-fields');
    const result = parseBackup(file?.text ?? '');
    expect(!result.ok && wordProblems(result.problems)[25]).toMatch(
      /^\(file\): and at least [\d,]+ more problems \(checking stopped there\)$/,
    );
  });

  it('accepts the dense backup, and the picker offers exactly the tasks without a loop', () => {
    const file = small.find((f) => f.name === 'planner-dense-valid');
    const result = parseBackup(file?.text ?? '');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const tasks = result.database.tasks;
    const count = tasks.length;
    // Each task waits on the next 100, so everything before a task already waits on it.
    expect(dependencyCandidates(tasks, tasks[0]?.id ?? taskId(''))).toHaveLength(count - 1);
    expect(dependencyCandidates(tasks, tasks[150]?.id ?? taskId(''))).toHaveLength(count - 151);
    expect(dependencyCandidates(tasks, tasks[count - 1]?.id ?? taskId(''))).toEqual([]);
  });
});

describe('the issue’s cyclic 20,000-task backup, at full size', () => {
  const file = hostilePlannerFiles('full').find((f) => f.name === 'planner-cyclic-chain');
  const text = file?.text ?? '';

  it('is refused with three short loops and a count of the rest', () => {
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    if (result.ok || !file) return;
    expectBoundedRefusal(file, wordMessage(result.message), wordProblems(result.problems));
    const problems = wordProblems(result.problems);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(
      /^planner\.tasks\.0\.dependencies: dependencies form a loop: "Step 1 of the chain: [^"]{30,60}…" → "Step 2 [^"]*" → "Step 3 [^"]*" → … 19,995 more … → "Step 19999 [^"]*" → "Step 20000 [^"]*" → "Step 1 [^"]*"$/,
    );
    expect(problems[3]).toBe('planner.tasks: 591 more dependencies close a loop too');
    // The version held every title of every one of its 594 loops: gigabytes.
    expect(problems.join('\n').length).toBeLessThan(2_000);
  }, 60_000);

  it('is checked in two steps per dependency', () => {
    const backup = JSON.parse(text) as { planner: { tasks: DependencyNode[] } };
    const tasks = backup.planner.tasks;
    const links = tasks.reduce((sum, t) => sum + t.dependencies.length, 0);
    const work = { steps: 0 };
    expect(validateDependencies(tasks, { work })).toHaveLength(4);
    expect(work.steps).toBe(2 * links);
  }, 60_000);
});
