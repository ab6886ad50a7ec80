/**
 * The crafted annotations files (tests/fixtures/hostileFiles.ts, 'small' scale) that import
 * accepts are anchored within bounds: each near-miss quote costs no more than a long quote may,
 * the whole file no more than one document's budget, and every annotation ends up listed.
 */
import { describe, expect, it } from 'vitest';
import { findPassage } from '../../../renderer/src/core/annotations/anchoring/anchor';
import {
  findAll,
  anchoringItemOf,
} from '../../../renderer/src/core/annotations/anchoring/anchorAll';
import { approximateSearchCost } from '../../../renderer/src/core/annotations/anchoring/approximateSearch';
import { SearchableText } from '../../../renderer/src/core/annotations/anchoring/searchableText';
import {
  ANCHORING_WORK_BUDGET,
  unitsFor,
  WorkMeter,
} from '../../../renderer/src/core/annotations/anchoring/workMeter';
import { importAnnotationCollection } from '../../../renderer/src/core/annotations/exchange/importAnnotationCollection';
import { emptyAnnotationsDatabase } from '../../../renderer/src/core/annotations/schema';
import { wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { hostileAnnotationFiles } from '../../fixtures/hostileFiles';
import { documentText } from './anchoringTexts';
import { DOC_A } from './fixtures';

const TEXT = documentText(15_000);
const accepted = hostileAnnotationFiles('small', TEXT, DOC_A).filter(
  (f) => f.expect === 'accepted',
);

/** One exact scan, one reversal, two end searches and every pairing of the ends found. */
const LONG_QUOTE_BOUND =
  2 * unitsFor(TEXT.length) +
  2 * approximateSearchCost(TEXT.length, 64) +
  32 * 32 * (unitsFor(64) + 1);

describe('anchoring the crafted annotations files that import accepts', () => {
  it('has the near-miss file among them', () => {
    expect(accepted.map((f) => f.name)).toContain('annotations-near-miss-quotes');
  });

  it.each(accepted.map((f) => [f.name, f] as const))('%s stays within bounds', (_, file) => {
    const imported = importAnnotationCollection(file.text, {
      knownDocIds: new Set([DOC_A]),
      local: emptyAnnotationsDatabase(),
      now: new Date('2026-06-01T00:00:00.000Z'),
    });
    if (!imported.ok) throw new Error(wordProblems(imported.errors).join('\n'));
    const { annotations } = imported.incoming;
    expect(annotations.length).toBeGreaterThan(0);

    const text = new SearchableText(TEXT);
    for (const annotation of annotations) {
      const meter = new WorkMeter();
      findPassage(text, annotation.target.selector, meter);
      expect(meter.spent).toBeLessThanOrEqual(LONG_QUOTE_BOUND);
    }
    const meter = new WorkMeter();
    const findings = findAll(TEXT, annotations.map(anchoringItemOf), meter);
    expect(findings).toHaveLength(annotations.length);
    expect(meter.spent).toBeLessThanOrEqual(ANCHORING_WORK_BUDGET);
  });
});
