import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  boundedText,
  hasNoRepeats,
  requiredText,
  storedDocId,
  uniqueList,
} from '../../../renderer/src/core/common/storedFields';
import { formatZodIssues } from '../../../renderer/src/core/safeJson/formatZodIssues';
import { wordMessage } from '../../../renderer/src/ui/common/i18n/wordMessage';

/** The refusals of `value`, as the UI words them, or [] when it passes. */
function refusals(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : formatZodIssues(result.error).map((line) => wordMessage(line.ref));
}

describe('hasNoRepeats', () => {
  it.each([
    [[], true],
    [['a'], true],
    [['a', 'b', 'c'], true],
    [['a', 'b', 'a'], false],
    [[1, 1], false],
    // Objects compare by identity, as in a Set: equal-looking records are not repeats.
    [[{ id: 'a' }, { id: 'a' }], true],
  ])('%j -> %s', (list, expected) => {
    expect(hasNoRepeats(list)).toBe(expected);
  });
});

describe('uniqueList', () => {
  const documents = uniqueList(z.string(), 2, 'documents');

  it('accepts a list of distinct items up to the limit, keeping their order', () => {
    expect(documents.parse([])).toEqual([]);
    expect(documents.parse(['b', 'a'])).toEqual(['b', 'a']);
  });

  it('refuses a repeated item, naming it in the singular', () => {
    expect(refusals(documents, ['a', 'a'])).toEqual(['lists the same document twice']);
  });

  it('refuses a list longer than the limit, naming the plural', () => {
    expect(refusals(documents, ['a', 'b', 'c'])).toContain('must list at most 2 documents');
  });

  it('checks each item with the item schema', () => {
    expect(refusals(uniqueList(storedDocId, 5, 'documents'), ['Not An Id'])).toEqual([
      'must be a document id such as guide-1-assess-readiness',
    ]);
  });
});

describe('text fields', () => {
  it('boundedText allows empty text and refuses text over the limit', () => {
    expect(boundedText(3).parse('')).toBe('');
    expect(boundedText(3).parse('abc')).toBe('abc');
    expect(refusals(boundedText(3), 'abcd')).toEqual(['must be at most 3 characters']);
  });

  it('requiredText also refuses empty or blank text', () => {
    expect(requiredText(3).parse(' a ')).toBe(' a ');
    expect(refusals(requiredText(3), '')).toEqual(['must not be blank']);
    expect(refusals(requiredText(3), '   ')).toEqual(['must not be blank']);
    expect(refusals(requiredText(3), 'abcd')).toContain('must be at most 3 characters');
  });
});

describe('storedDocId', () => {
  it('accepts a kebab-case document id', () => {
    expect(storedDocId.parse('guide-1-assess-readiness')).toBe('guide-1-assess-readiness');
  });

  it('accepts a content pack document id, <packId>--<docId>', () => {
    expect(storedDocId.parse('town-pack--minutes-policy')).toBe('town-pack--minutes-policy');
  });

  it.each(['', 'Guide-1', 'guide_1', 'guide---1', 'a--b--c', 'guide--', '-guide'])(
    'refuses %j',
    (value) => {
      expect(refusals(storedDocId, value)).toEqual([
        'must be a document id such as guide-1-assess-readiness',
      ]);
    },
  );
});
