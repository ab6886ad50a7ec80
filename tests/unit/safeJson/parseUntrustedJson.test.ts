import { describe, expect, it } from 'vitest';
import { parseUntrustedJson } from '../../../renderer/src/core/safeJson/parseUntrustedJson';
import { capErrors, problemPath } from '../../../renderer/src/core/safeJson/ProblemList';
import { looksTruncated } from '../../../renderer/src/core/safeJson/scanJsonText';
import { findUnsafeStructure } from '../../../renderer/src/core/safeJson/unsafeStructure';
import { utf8ByteLength } from '../../../renderer/src/core/safeJson/utf8ByteLength';
import { problemLine } from '../../../renderer/src/core/common/problemLine';
import { wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';

/** A problem line that says `message` at `path`, as the catalogue words it. */
const said = (path: string, message: string) =>
  problemLine(path, 'problems:zod.other', { message });

const options = { maxBytes: 1_000 };

describe('parseUntrustedJson', () => {
  it('parses ordinary JSON, with or without a byte-order mark', () => {
    expect(parseUntrustedJson('{"a":[1,{"b":"c"}]}', options)).toEqual({
      ok: true,
      value: { a: [1, { b: 'c' }] },
    });
    expect(parseUntrustedJson('\uFEFF[true]', options)).toEqual({ ok: true, value: [true] });
  });

  it.each([
    ['empty', '', '(file): the file is empty'],
    ['blank', ' \r\n', '(file): the file is empty'],
    [
      'too large',
      `"${'x'.repeat(1_000)}"`,
      '(file): the file is larger than 1,000 bytes, the most that can be imported',
    ],
    ['too large in UTF-8 only', `"${'é'.repeat(600)}"`, '(file): the file is larger than'],
    ['truncated object', '{"a": [1, 2', '(file): the file ends too early'],
    ['truncated string', '{"a": "unfinished', '(file): the file ends too early'],
    ['a syntax error', '{\n  "a": 1,\n  "b": }', '(file): not valid JSON'],
    ['a missing comma', '{\n  "a": 1 "b": 2}', '(file): not valid JSON at line 2, column 10'],
    ['a trailing comma', '[1,]', '(file): not valid JSON'],
    ['__proto__', '{"a":{"__proto__":{"x":1}}}', 'a.__proto__: the key "__proto__" is not allowed'],
    ['constructor', '[{"constructor":1}]', '0.constructor: the key "constructor" is not allowed'],
    ['prototype', '{"prototype":null}', 'prototype: the key "prototype" is not allowed'],
    ['deep nesting', `${'['.repeat(65)}${']'.repeat(65)}`, 'nested more than 64 levels deep'],
  ])('refuses %s', (_what, text, expected) => {
    const result = parseUntrustedJson(text, options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(wordProblems(result.errors).join('\n')).toContain(expected);
  });

  it('does not let a __proto__ key change any prototype', () => {
    parseUntrustedJson('{"__proto__":{"polluted":true}}', options);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('allows the forbidden words as values and nesting up to the limit', () => {
    expect(parseUntrustedJson('{"note":"__proto__ constructor"}', options).ok).toBe(true);
    expect(parseUntrustedJson(`${'['.repeat(64)}${']'.repeat(64)}`, options).ok).toBe(true);
  });

  it('lists every forbidden key in document order', () => {
    expect(
      wordProblems(
        findUnsafeStructure(JSON.parse('{"a":{"constructor":1},"b":[{"__proto__":2}]}')),
      ),
    ).toEqual([
      'a.constructor: the key "constructor" is not allowed',
      'b.0.__proto__: the key "__proto__" is not allowed',
    ]);
  });
});

describe('helpers', () => {
  it('counts UTF-8 bytes', () => {
    expect(utf8ByteLength('a')).toBe(1);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('€')).toBe(3);
    expect(utf8ByteLength('🙂')).toBe(4);
    expect(utf8ByteLength('\ud800')).toBe(3);
  });

  it('sees truncation outside strings only', () => {
    expect(looksTruncated('{"a":"}"')).toBe(true);
    expect(looksTruncated('{"a":"\\"}"}')).toBe(false);
  });

  it('caps long error lists', () => {
    const three = [said('a', 'x'), said('b', 'x'), said('c', 'x')];
    expect(wordProblems(capErrors(three, 2))).toEqual([
      'a: x',
      'b: x',
      '(file): and 1 more problems',
    ]);
    const many = Array.from({ length: 30 }, (_, i) => said(`item.${i}`, 'wrong'));
    expect(capErrors(many)).toHaveLength(26);
    expect(wordProblems(capErrors(many))[25]).toBe('(file): and 5 more problems');
  });

  it('cuts capped lines to a readable length, as every problem line is', () => {
    const [line = ''] = wordProblems(capErrors([said('kind', `found "${'x'.repeat(100_000)}"`)]));
    expect(line).toHaveLength(500);
    expect(line.endsWith('…')).toBe(true);
  });

  it('shows a path as problem lines name it', () => {
    expect(problemPath([])).toBeUndefined(); // the file as a whole: worded "(file)" by the UI
    expect(wordProblems([problemLine(undefined, 'problems:json.empty')])).toEqual([
      '(file): the file is empty',
    ]);
    expect(wordProblems([problemLine(undefined, 'problems:json.empty')], 'document')).toEqual([
      '(document): the file is empty',
    ]);
    expect(problemPath(['planner', 'tasks', 3, 'title'])).toBe('planner.tasks.3.title');
    const deep = Array.from({ length: 13 }, (_, i) => `k${i}`);
    expect(problemPath(deep)).toBe(`${deep.slice(0, 12).join('.')}...`);
  });
});
