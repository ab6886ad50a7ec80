/**
 * Overlapping highlights of one meaning are painted as one range, so the browser's painting
 * work is bounded by the text, not by how many crafted passages cover it.
 */
import { describe, expect, it } from 'vitest';
import { anchorAll } from '../../../renderer/src/core/annotations/anchoring/anchorAll';
import { spansByMeaning } from '../../../renderer/src/core/annotations/anchoring/highlightSpans';
import type { Meaning } from '../../../renderer/src/core/annotations/meanings';
import type { Annotation } from '../../../renderer/src/core/annotations/schema';
import { annotationAt, documentText } from './anchoringTexts';

const TEXT = documentText(2_000);

/** An annotation on TEXT[start, end) with the given meaning. */
function on(n: number, start: number, end: number, meaning: Meaning): Annotation {
  const made = annotationAt(n, TEXT, start, end);
  return {
    ...made,
    body: made.body.map((b) => (b.purpose === 'classifying' ? { ...b, value: meaning } : b)),
  };
}

describe('spansByMeaning', () => {
  it('joins overlapping and touching passages of a meaning, never those of different meanings', () => {
    const { anchored } = anchorAll(TEXT, [
      on(1, 10, 20, 'important'),
      on(2, 15, 30, 'important'),
      on(3, 30, 40, 'important'),
      on(4, 12, 18, 'question'),
      on(5, 50, 60, 'important'),
      on(6, 52, 55, 'important'),
    ]);
    expect(spansByMeaning(anchored)).toEqual({
      important: [
        { start: 10, end: 40 },
        { start: 50, end: 60 },
      ],
      question: [{ start: 12, end: 18 }],
      idea: [],
      concern: [],
    });
  });

  it('paints 600 passages over the same text as one range', () => {
    const { anchored } = anchorAll(
      TEXT,
      Array.from({ length: 600 }, (_, i) => on(i + 1, i, 1_400 + i, 'concern')),
    );
    expect(anchored).toHaveLength(600);
    expect(spansByMeaning(anchored).concern).toEqual([{ start: 0, end: 1_999 }]);
  });
});
