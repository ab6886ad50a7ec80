/**
 * The bounded reader's budgets: problems listed and counted within limits, the text scanned for
 * shapes that cost more memory than their size before `JSON.parse` runs, and a walk over the
 * parsed value whose work is counted (never timed) to show it is linear.
 */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  MAX_LISTED_PROBLEMS,
  MAX_PROBLEM_LENGTH,
} from '../../../renderer/src/core/safeJson/budgets';
import { addZodIssues, formatZodIssues } from '../../../renderer/src/core/safeJson/formatZodIssues';
import {
  isListToCheckItemByItem,
  parseEachItem,
} from '../../../renderer/src/core/safeJson/parseEachItem';
import {
  parseUntrustedJson,
  type UntrustedJsonOptions,
} from '../../../renderer/src/core/safeJson/parseUntrustedJson';
import { ProblemList } from '../../../renderer/src/core/safeJson/ProblemList';
import { collectUnsafeStructure } from '../../../renderer/src/core/safeJson/unsafeStructure';
import { utf8ByteLength } from '../../../renderer/src/core/safeJson/utf8ByteLength';
import { problemLine } from '../../../renderer/src/core/common/problemLine';
import { wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';

/** A problem line that says `message` at `path`, as the catalogue words it. */
const said = (path: string | undefined, message: string) =>
  problemLine(path, 'problems:zod.other', { message });

describe('ProblemList', () => {
  it('lists the first 25 problems, counts the rest and says how many more', () => {
    const problems = new ProblemList();
    for (let i = 0; i < 30; i++) problems.add(said(`item.${i}`, 'wrong'));
    const lines = wordProblems(problems.lines());
    expect(MAX_LISTED_PROBLEMS).toBe(25);
    expect(lines).toHaveLength(26);
    expect(lines[24]).toBe('item.24: wrong');
    expect(lines[25]).toBe('(file): and 5 more problems');
    expect(problems.size).toBe(30);
    expect(problems.full).toBe(false);
  });

  it('builds a line only when it is listed', () => {
    const problems = new ProblemList(2);
    let built = 0;
    for (let i = 0; i < 10; i++) problems.add(() => said('line', String(++built)));
    expect(built).toBe(2);
    expect(wordProblems(problems.lines())).toEqual([
      'line: 1',
      'line: 2',
      '(file): and 8 more problems',
    ]);
  });

  it('is full once enough problems are counted, and then says "at least"', () => {
    const problems = new ProblemList(2, 5);
    for (let i = 0; i < 4; i++) problems.add(said('x', 'y'));
    expect(problems.full).toBe(false);
    problems.addUnlisted(1);
    expect(problems.full).toBe(true);
    expect(wordProblems(problems.lines())).toEqual([
      'x: y',
      'x: y',
      '(file): and at least 3 more problems (checking stopped there)',
    ]);
  });

  it('cuts a line that quotes megabytes of the file, never inside a character', () => {
    const problems = new ProblemList();
    problems.add(said('kind', `found "${'x'.repeat(1_000_000)}"`));
    problems.add(said('a', `${'a'.repeat(MAX_PROBLEM_LENGTH - 5)}🙂🙂`));
    const [kept, keptEmoji] = problems.lines();
    // Kept bounded in core, whatever the file quoted: the value is cut before the line is worded.
    expect(String(kept?.ref.values?.message)).toHaveLength(MAX_PROBLEM_LENGTH);
    expect(String(keptEmoji?.ref.values?.message)).toHaveLength(MAX_PROBLEM_LENGTH - 1);
    const [long, emoji] = wordProblems(problems.lines());
    expect(long).toHaveLength(MAX_PROBLEM_LENGTH);
    expect(long?.endsWith('x…')).toBe(true);
    expect(emoji).toBe(`a: ${'a'.repeat(MAX_PROBLEM_LENGTH - 5)}…`);
  });
});

describe('parseUntrustedJson scans the text before parsing it', () => {
  const refusals: [string, string, Partial<UntrustedJsonOptions>, string, string][] = [
    ['an empty file', ' \n', {}, 'empty', '(file): the file is empty'],
    ['a file too large', `"${'x'.repeat(2_000)}"`, {}, 'too-large', '(file): the file is larger'],
    [
      'nesting past the limit, with where it happens',
      `{\n  "a": ${'['.repeat(64)}${']'.repeat(64)}}`,
      {},
      'too-complex',
      '(file): nested more than 64 levels deep (line 2, column 71)',
    ],
    [
      'more objects and lists than allowed',
      '[{}, {}, {}]',
      { maxContainers: 3 },
      'too-complex',
      '(file): holds more than 3 objects and lists, far more than any OnMuni Toolkit file (line 1, column 10)',
    ],
    [
      'more different field names than allowed',
      '[{"a": 1, "b": 2}, {"c": 3}]',
      { maxDistinctKeys: 2 },
      'too-complex',
      '(file): uses more than 2 different field names, far more than any OnMuni Toolkit file (line 1, column 21)',
    ],
    ['a truncated file', '{"a": [1, 2', {}, 'not-json', '(file): the file ends too early'],
    ['a syntax error', '{"a": 1,}', {}, 'not-json', '(file): not valid JSON'],
    [
      'a forbidden key',
      '{"a": {"__proto__": 1}}',
      {},
      'forbidden-keys',
      'a.__proto__: the key "__proto__" is not allowed',
    ],
  ];

  it.each(refusals)('refuses %s', (_what, text, options, reason, line) => {
    const result = parseUntrustedJson(text, { maxBytes: 1_000, ...options });
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(wordProblems(result.errors)[0]).toContain(line);
  });

  it.each([
    [
      'the same field names repeated',
      '[{"a": 1, "b": 2}, {"a": 3, "b": 4}]',
      { maxDistinctKeys: 2 },
    ],
    [
      'values, which are not field names',
      '{"a": "b", "c": ["d", "e", "f"]}',
      { maxDistinctKeys: 2 },
    ],
    ['brackets and quotes inside strings', '{"a": "[[[[\\"{{{ ]"}', { maxDepth: 1 }],
    ['exactly the most objects allowed', '[{}, {}]', { maxContainers: 3 }],
  ])('accepts %s', (_what, text, options) => {
    expect(parseUntrustedJson(text, { maxBytes: 1_000, ...options }).ok).toBe(true);
  });

  it('lists at most 25 problems by default, then how many more', () => {
    const text = JSON.stringify(Array.from({ length: 40 }, () => ({ prototype: 1 })));
    const result = parseUntrustedJson(text, { maxBytes: 10_000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(26);
    expect(wordProblems(result.errors)[25]).toBe('(file): and 15 more problems');
  });
});

describe('the walk over a parsed value', () => {
  const steps = (value: unknown, problems = new ProblemList()) => {
    const work = { steps: 0 };
    collectUnsafeStructure(value, 64, problems, work);
    return work.steps;
  };

  it('visits every value exactly once, so its work grows linearly with the file', () => {
    expect(steps({ a: [1, { b: 2 }], c: 3 })).toBe(5); // a, 1, {b}, b, c
    expect(steps(new Array(100_000).fill(0))).toBe(100_000);
    expect(steps(new Array(200_000).fill(0))).toBe(200_000);
    const records = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i, tags: ['x'] }));
    expect(steps(records(2_000))).toBe(2 * steps(records(1_000)));
  });

  it('names the path of a problem deep in a long list', () => {
    const list: unknown[] = new Array(50_000).fill(0);
    list.push({ items: [0, JSON.parse('{"constructor": 1}')] });
    const problems = new ProblemList();
    collectUnsafeStructure(list, 64, problems);
    expect(wordProblems(problems.lines())).toEqual([
      '50000.items.1.constructor: the key "constructor" is not allowed',
    ]);
  });

  it('stops once enough problems are known', () => {
    const list = Array.from({ length: 20_000 }, () => ({ constructor: 1 }));
    const problems = new ProblemList();
    expect(steps(list, problems)).toBeLessThan(2 * 10_001);
    expect(problems.full).toBe(true);
    expect(wordProblems(problems.lines())[25]).toBe(
      '(file): and at least 9,975 more problems (checking stopped there)',
    );
  });
});

describe('utf8ByteLength', () => {
  it('counts every kind of character', () => {
    expect(utf8ByteLength('a\u0001\u007f\t')).toBe(4);
    expect(utf8ByteLength('aé€🙂\u0001')).toBe(11);
    expect(utf8ByteLength('x\udc00y\ud800')).toBe(8); // lone surrogates become U+FFFD
    expect(utf8ByteLength(`${'a'.repeat(1_000)}${'é'.repeat(1_000)}`)).toBe(3_000);
  });

  it('stops counting past the limit', () => {
    expect(utf8ByteLength('x'.repeat(5_000), 100)).toBeGreaterThan(100);
    expect(utf8ByteLength('é'.repeat(5_000), 100)).toBeLessThan(5_000 * 2);
  });
});

describe('zod issues within the budget', () => {
  const item = z.strictObject({ id: z.string(), n: z.number() });

  it('formats at most `max` issues, then how many more', () => {
    const result = z.array(item).safeParse([{}, {}]);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(wordProblems(formatZodIssues(result.error, ['list'], 2))).toEqual([
      'list.0.id: Invalid input: expected string, received undefined',
      'list.0.n: Invalid input: expected number, received undefined',
      '(file): and 2 more problems',
    ]);
    expect(formatZodIssues(result.error)).toHaveLength(4);
  });

  it('checks items one by one and stops once enough problems are known', () => {
    const problems = new ProblemList(25, 100);
    const items = Array.from({ length: 10_000 }, () => ({}));
    expect(parseEachItem(item, items, ['items'], problems)).toBeNull();
    // Two problems per item: it stopped after about 50 items, not 10,000.
    expect(problems.size).toBe(100);
    expect(wordProblems(problems.lines())[0]).toBe(
      'items.0.id: Invalid input: expected string, received undefined',
    );
  });

  it('returns the parsed items when all are valid, and null when one is not', () => {
    const problems = new ProblemList();
    expect(parseEachItem(item, [{ id: 'a', n: 1 }], ['items'], problems)).toEqual([
      { id: 'a', n: 1 },
    ]);
    expect(parseEachItem(item, [{ id: 'a', n: 1 }, { id: 'b' }], ['x'], problems)).toBeNull();
    expect(wordProblems(problems.lines())).toEqual([
      'x.1.n: Invalid input: expected number, received undefined',
    ]);
    const full = new ProblemList(1, 1);
    addZodIssues(full, z.string().safeParse(1).error as z.ZodError);
    expect(parseEachItem(item, [{ id: 'a', n: 1 }], ['items'], full)).toBeNull();
  });

  it('checks item by item only a list within its limit, leaving a longer one to its length check', () => {
    expect(isListToCheckItemByItem([1, 2], 2)).toBe(true);
    expect(isListToCheckItemByItem([1, 2, 3], 2)).toBe(false);
    expect(isListToCheckItemByItem({ length: 1 }, 2)).toBe(false);
    expect(isListToCheckItemByItem(undefined, 2)).toBe(false);
  });
});
