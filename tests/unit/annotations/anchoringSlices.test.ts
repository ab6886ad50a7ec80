/** The anchoring worker's items travel in slices of bounded text, in order, none lost. */
import { describe, expect, it } from 'vitest';
import { anchoringItemOf } from '../../../renderer/src/core/annotations';
import { slicesOf } from '../../../renderer/src/ui/annotations/reader/anchoringClient';
import { annotationAt } from './anchoringTexts';

const TEXT = 'x'.repeat(50_000);
const items = Array.from({ length: 40 }, (_, i) =>
  anchoringItemOf(annotationAt(i + 1, TEXT, i * 1_000, i * 1_000 + 900)),
);

describe('slicesOf', () => {
  it('keeps every item, in order', () => {
    expect(slicesOf(items, 5_000).flat()).toEqual(items);
  });

  it('closes a slice once it holds the given amount of selector text', () => {
    const slices = slicesOf(items, 5_000);
    expect(slices.length).toBeGreaterThan(5);
    // Each item carries a 900-character quote: a slice closes at its first item past 5,000.
    for (const slice of slices.slice(0, -1)) expect(slice.length).toBeLessThanOrEqual(6);
  });

  it('sends one slice, possibly empty, when there is little to send', () => {
    expect(slicesOf(items, 10_000_000)).toEqual([items]);
    expect(slicesOf([], 5_000)).toEqual([[]]);
  });
});
