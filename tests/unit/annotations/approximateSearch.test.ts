/**
 * The bounded approximate search: the same best matches as the approx-string-match package it
 * replaces (a property test against it), its cost counted and capped, and a capped number of
 * matches kept however repetitive the text.
 */
import search from 'approx-string-match';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  approximateMatchEnds,
  approximateSearchCost,
  MAX_MATCH_ENDS,
  OVER_BUDGET,
} from '../../../renderer/src/core/annotations/anchoring/approximateSearch';
import { WorkMeter } from '../../../renderer/src/core/annotations/anchoring/workMeter';
import { documentText } from './anchoringTexts';

/** Few letters, so that random texts and patterns match each other often and in many ways. */
const smallAlphabet = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '🙂'), maxLength });

describe('approximateMatchEnds', () => {
  it('finds the same best matches as approx-string-match', () => {
    fc.assert(
      fc.property(
        smallAlphabet(300),
        smallAlphabet(90).filter((p) => p.length > 0),
        fc.nat({ max: 40 }),
        (text, pattern, maxErrors) => {
          const theirs = search(text, pattern, maxErrors);
          const ours = approximateMatchEnds(text, pattern, maxErrors, new WorkMeter(Infinity));
          const expected =
            theirs.length === 0
              ? null
              : {
                  errors: theirs[0]?.errors,
                  ends: theirs.map((m) => m.end).slice(0, MAX_MATCH_ENDS),
                };
          expect(ours).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('searches only the given part of the text', () => {
    const text = 'pilot plan pilot plan pilot';
    const found = approximateMatchEnds(text, 'pilot', 0, new WorkMeter(), 5, 22);
    expect(found).toEqual({ errors: 0, ends: [16] });
  });

  it('spends no more than its worst case: text length × pattern blocks of 32', () => {
    const text = documentText(20_000);
    for (const length of [32, 33, 100, 256, 1_000, 6_000]) {
      const pattern = text.slice(700, 700 + length).replaceAll('e', '#');
      const meter = new WorkMeter();
      approximateMatchEnds(text, pattern, Math.floor(length / 4), meter);
      expect(meter.spent).toBeGreaterThanOrEqual(text.length);
      expect(meter.spent).toBeLessThanOrEqual(approximateSearchCost(text.length, length));
    }
  });

  it('refuses, spending nothing, a search whose worst case does not fit the meter', () => {
    const text = documentText(10_000);
    const pattern = text.slice(100, 400);
    const worst = approximateSearchCost(text.length, pattern.length);
    const tight = new WorkMeter(worst - 1);
    expect(approximateMatchEnds(text, pattern, 75, tight)).toBe(OVER_BUDGET);
    expect(tight.spent).toBe(0);
    const enough = new WorkMeter(worst);
    expect(approximateMatchEnds(text, pattern, 75, enough)).toEqual({ errors: 0, ends: [400] });
  });

  it(`keeps at most ${MAX_MATCH_ENDS} matches in a text that repeats itself`, () => {
    const text = 'a'.repeat(100_000);
    const found = approximateMatchEnds(text, 'a'.repeat(40), 10, new WorkMeter());
    expect(found).not.toBe(OVER_BUDGET);
    expect(found && found !== OVER_BUDGET ? found.ends : []).toHaveLength(MAX_MATCH_ENDS);
  });
});
