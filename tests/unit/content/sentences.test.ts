import { describe, expect, it } from 'vitest';
import { findQuotations, splitSentences } from '../../../renderer/src/core/content/sentences';

describe('splitSentences', () => {
  it('splits at end marks but not inside a quotation or after an abbreviation or initial', () => {
    const text =
      'AMO says "It formed the basis. Then more." The Town, e.g. Lincoln, agreed. R. Foster co-chaired it! Was it? Yes.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'AMO says "It formed the basis. Then more."',
      'The Town, e.g. Lincoln, agreed.',
      'R. Foster co-chaired it!',
      'Was it?',
      'Yes.',
    ]);
  });

  it('gives each sentence its quotations, with offsets inside the sentence', () => {
    const [, second] = splitSentences('First one. Then “two words” and "three".');
    expect(second?.start).toBe(11);
    expect(second?.quotations.map((q) => [q.text, q.start, q.end])).toEqual([
      ['two words', 5, 16],
      ['three', 21, 28],
    ]);
  });

  it('ignores a quotation mark that is never closed', () => {
    expect(findQuotations('He said "no and left.')).toEqual([]);
  });

  it('does not pair marks across a sentence end: an inch mark is not a quotation', () => {
    const text = 'The town laid 12" pipe. AMO wants every council to "meet regularly".';
    expect(findQuotations(text).map((q) => q.text)).toEqual(['meet regularly']);
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'The town laid 12" pipe.',
      'AMO wants every council to "meet regularly".',
    ]);
  });

  it('leaves a mark unclosed when the next one opens a word', () => {
    expect(
      findQuotations('He said "no. Then AMO said "meet regularly".').map((q) => q.text),
    ).toEqual(['meet regularly']);
  });

  it('keeps a quotation of whole sentences, and an ellipsis is no sentence end', () => {
    expect(
      findQuotations(
        'AMO says "It formed the basis. Then more." and "the report ... Input from".',
      ).map((q) => q.text),
    ).toEqual(['It formed the basis. Then more.', 'the report ... Input from']);
  });
});
