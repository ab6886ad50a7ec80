/**
 * Anchoring stays bounded on crafted files: work is counted in units (never timed), a long quote
 * is searched approximately by its ends only, one budget covers a whole document, and what the
 * budget could not cover is listed as not searched, never dropped.
 */
import { describe, expect, it } from 'vitest';
import {
  findPassage,
  FUZZY_END_LENGTH,
  FUZZY_WHOLE_MAX_LENGTH,
} from '../../../renderer/src/core/annotations/anchoring/anchor';
import {
  anchorAll,
  anchoringItemOf,
  findAll,
} from '../../../renderer/src/core/annotations/anchoring/anchorAll';
import { approximateSearchCost } from '../../../renderer/src/core/annotations/anchoring/approximateSearch';
import { SearchableText } from '../../../renderer/src/core/annotations/anchoring/searchableText';
import {
  ANCHORING_WORK_BUDGET,
  unitsFor,
  WorkMeter,
} from '../../../renderer/src/core/annotations/anchoring/workMeter';
import type { Selector } from '../../../renderer/src/core/annotations/schema';
import { annotationAt, documentText, nearMiss } from './anchoringTexts';

const TEXT = documentText(20_000);

/** Selectors for a quote with its real context and position in TEXT. */
function quoteAt(start: number, exact: string): Selector[] {
  return [
    {
      type: 'TextQuoteSelector',
      exact,
      prefix: TEXT.slice(Math.max(0, start - 32), start),
      suffix: TEXT.slice(start + exact.length, start + exact.length + 32),
    },
    { type: 'TextPositionSelector', start, end: start + exact.length },
  ];
}

/**
 * The most a long quote may cost: one exact scan, reversing the text once, two searches of
 * FUZZY_END_LENGTH characters, and weighing every pair of the (at most 32 × 32) ends found.
 */
function longQuoteBound(text: string): number {
  return (
    2 * unitsFor(text.length) +
    2 * approximateSearchCost(text.length, FUZZY_END_LENGTH) +
    32 * 32 * (unitsFor(64) + 1)
  );
}

describe('a quote longer than 256 characters', () => {
  it('is found by its first and last 64 characters after an edit in its middle', () => {
    const start = 3_000;
    const original = TEXT.slice(start, start + 1_200);
    const edited = `${TEXT.slice(0, start + 500)}[a sentence added here]${TEXT.slice(start + 700)}`;
    const meter = new WorkMeter();
    const found = findPassage(new SearchableText(edited), quoteAt(start, original), meter);
    expect(found).toEqual({
      status: 'anchored',
      start,
      end: start + 1_200 - 200 + '[a sentence added here]'.length,
      method: 'fuzzy',
    });
  });

  it('costs the same bounded work per character of text whatever its length', () => {
    for (const length of [FUZZY_WHOLE_MAX_LENGTH + 1, 1_000, 6_000, 19_000]) {
      const quote = nearMiss(TEXT.slice(500, 500 + length), 40);
      const meter = new WorkMeter();
      const found = findPassage(new SearchableText(TEXT), quoteAt(500, quote), meter);
      expect(found.status).toBe('anchored');
      expect(meter.spent).toBeLessThanOrEqual(longQuoteBound(TEXT));
      // Matching the whole quote would cost text length × quote length / 32.
      if (length >= 6_000) {
        expect(meter.spent * 20).toBeLessThan(approximateSearchCost(TEXT.length, length));
      }
    }
  });

  it('is not found when its ends are gone, or lie too far apart', () => {
    const start = 8_000;
    const passage = TEXT.slice(start, start + 2_000);
    const endsGone = `${'#'.repeat(80)}${passage.slice(80, -80)}${'#'.repeat(80)}`;
    const meter = new WorkMeter();
    const text = new SearchableText(TEXT);
    expect(findPassage(text, quoteAt(start, endsGone), meter)).toEqual({
      status: 'orphaned',
      reason: 'not-found',
    });
    // The same ends, with the middle four times as long: no passage of the text fits.
    const stretched = `${passage.slice(0, 64)}${'#'.repeat(8_000)}${passage.slice(-64)}`;
    expect(findPassage(text, quoteAt(start, stretched), meter).status).toBe('orphaned');
  });
});

describe('one budget per document', () => {
  const nearMisses = (count: number, firstId = 1) =>
    Array.from({ length: count }, (_, i) => {
      const start = (i * 97) % 12_000;
      return annotationAt(
        firstId + i,
        TEXT,
        start,
        start + 6_000,
        nearMiss(TEXT.slice(start, start + 6_000), 40),
      );
    });

  it('lists what the budget did not cover as not searched, and drops nothing', () => {
    const one = new WorkMeter();
    findPassage(new SearchableText(TEXT), nearMisses(1)[0]?.target.selector ?? [], one);
    const meter = new WorkMeter(one.spent * 10);
    const annotations = nearMisses(40);

    const outcome = anchorAll(TEXT, annotations, meter);

    expect(meter.spent).toBeLessThanOrEqual(meter.limit);
    const notSearched = outcome.orphaned.filter((o) => o.reason === 'not-searched');
    expect(outcome.anchored.length).toBeGreaterThanOrEqual(9);
    expect(notSearched.length).toBeGreaterThanOrEqual(20);
    expect(outcome.anchored.length + outcome.orphaned.length).toBe(40);
    const ids = [...outcome.anchored, ...outcome.orphaned].map((a) => a.annotation.id).sort();
    expect(ids).toEqual(annotations.map((a) => a.id).sort());
  });

  it('keeps the whole default budget for 1,000 near-miss quotes of 6,000 characters', () => {
    const meter = new WorkMeter();
    const findings = findAll(TEXT, nearMisses(1_000).map(anchoringItemOf), meter);
    expect(meter.limit).toBe(ANCHORING_WORK_BUDGET);
    expect(meter.spent).toBeLessThanOrEqual(ANCHORING_WORK_BUDGET);
    expect(
      findings.filter((f) => f.status === 'orphaned' && f.reason === 'not-searched').length,
    ).toBeGreaterThan(0);
    expect(findings).toHaveLength(1_000);
  });

  it('looks for every moved quote before any costly approximate search', () => {
    // The text moved: no position holds any more, but every honest quote is still there.
    const moved = `A new first paragraph. ${TEXT}`;
    const honest = Array.from({ length: 50 }, (_, i) =>
      annotationAt(1_000 + i, TEXT, i * 300, i * 300 + 40),
    );
    const hostile = nearMisses(40);
    const one = new WorkMeter();
    findPassage(new SearchableText(moved), hostile[0]?.target.selector ?? [], one);

    const outcome = anchorAll(moved, [...hostile, ...honest], new WorkMeter(one.spent * 5));

    const honestIds = new Set(honest.map((a) => a.id));
    const found = outcome.anchored.filter((a) => honestIds.has(a.annotation.id));
    expect(found).toHaveLength(50);
    expect(found.every((a) => a.method === 'quote')).toBe(true);
    expect(outcome.orphaned.some((o) => o.reason === 'not-searched')).toBe(true);
  });

  it('places annotations at their recorded position for free, even with no budget left', () => {
    const annotations = Array.from({ length: 3_000 }, (_, i) =>
      annotationAt(i + 1, TEXT, (i * 6) % 19_000, ((i * 6) % 19_000) + 12 + (i % 50)),
    );
    const empty = new WorkMeter(0);
    const outcome = anchorAll(TEXT, annotations, empty);
    expect(outcome.anchored).toHaveLength(3_000);
    expect(outcome.anchored.every((a) => a.method === 'position' && !a.textChanged)).toBe(true);
    expect(empty.spent).toBe(0);
    // On a text that moved, no position holds, and an empty meter looks for nothing else.
    const moved = anchorAll(`Preface. ${TEXT}`, annotations.slice(0, 10), new WorkMeter(0));
    expect(moved.orphaned.map((o) => o.reason)).toEqual(Array(10).fill('not-searched'));
  });

  it('pays one scan of the text, plus its occurrences, for each quote that moved', () => {
    const moved = `Preface. ${TEXT}`;
    const annotations = Array.from({ length: 300 }, (_, i) =>
      annotationAt(i + 1, TEXT, i * 60, i * 60 + 45),
    );
    const meter = new WorkMeter();
    const outcome = anchorAll(moved, annotations, meter);
    expect(outcome.anchored).toHaveLength(300);
    // Each 45-character quote occurs about once: a scan plus a context comparison or two.
    expect(meter.spent).toBeLessThanOrEqual(
      300 * (unitsFor(moved.length) + 2 * (unitsFor(45) + unitsFor(64) + 1)),
    );
  });

  it('pays for every occurrence of a quote that the text repeats, and stops at the budget', () => {
    const text = 'a'.repeat(20_000);
    const selectors: Selector[] = [
      { type: 'TextQuoteSelector', exact: 'a'.repeat(1_000), prefix: 'b', suffix: 'c' },
    ];
    const occurrences = 20_000 - 1_000 + 1;
    const meter = new WorkMeter();
    expect(findPassage(new SearchableText(text), selectors, meter).status).toBe('anchored');
    expect(meter.spent).toBeGreaterThanOrEqual(occurrences * unitsFor(1_000));

    const small = new WorkMeter(occurrences * unitsFor(1_000));
    const found = findPassage(new SearchableText(text), selectors, small);
    expect(found).toEqual({ status: 'orphaned', reason: 'not-searched' });
    expect(small.spent).toBeLessThanOrEqual(small.limit);
  });
});
