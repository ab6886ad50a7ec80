import { describe, expect, it } from 'vitest';
import {
  DIMENSION_IDS,
  dimensionById,
} from '../../../renderer/src/core/planner/assessment/dimensions';
import { recommendFor } from '../../../renderer/src/core/planner/assessment/recommend';
import {
  compareAssessments,
  scoreAssessment,
  weakestDimensions,
} from '../../../renderer/src/core/planner/assessment/scoring';
import type { CatalogEntry } from '../../../renderer/src/core/content/model';
import { CORPUS_TIMEOUT, answers, realCorpus } from './helpers';

describe('scoring', () => {
  it.each([
    [answers(1), 1, 0],
    [answers(5), 5, 100],
    [answers(3), 3, 50],
    [answers(2, { connectivity: 5, cybersecurity: 4 }), 2.6, 41],
  ])('scores %j', (a, averageLevel, score) => {
    expect(scoreAssessment(a)).toEqual({ averageLevel, score });
  });

  it('compares an earlier assessment with a later one per dimension', () => {
    const comparison = compareAssessments(
      answers(2, { cybersecurity: 1 }),
      answers(2, { cybersecurity: 3, connectivity: 1 }),
    );
    expect(comparison.dimensions.find((d) => d.dimension === 'cybersecurity')).toEqual({
      dimension: 'cybersecurity',
      earlier: 1,
      later: 3,
      delta: 2,
    });
    expect(comparison.improved).toEqual(['cybersecurity']);
    expect(comparison.declined).toEqual(['connectivity']);
    expect(comparison.scoreDelta).toBe(3);
  });

  it('picks the lowest levels, ties in questionnaire order, never a dimension at level 5', () => {
    expect(
      weakestDimensions(answers(3, { cybersecurity: 1, 'staff-skills': 2, connectivity: 2 })),
    ).toEqual(['cybersecurity', 'connectivity', 'staff-skills']);
    expect(weakestDimensions(answers(5, { 'online-services': 4 }))).toEqual(['online-services']);
    expect(weakestDimensions(answers(5))).toEqual([]);
  });
});

const entry = (
  id: string,
  type: CatalogEntry['type'],
  topics: string[],
  extra: Partial<CatalogEntry> = {},
): CatalogEntry =>
  ({ id, type, title: id, summary: '', topics, updated: '2026-11-26', ...extra }) as CatalogEntry;

describe('recommendFor', () => {
  it('returns guide steps and case studies matching the weakest dimensions, best match first, each once', () => {
    const catalog = [
      entry('guide-3', 'guide-step', ['cybersecurity'], { step: 3 }),
      entry('guide-1', 'guide-step', ['cybersecurity', 'privacy'], { step: 1 }),
      entry('case-b', 'case-study', ['privacy']),
      entry('case-a', 'case-study', ['broadband']),
      entry('rec-1', 'recommendation', ['cybersecurity']),
    ];
    const result = recommendFor(answers(4, { cybersecurity: 1, 'data-open-data': 2 }), catalog, {
      dimensions: 2,
    });
    expect(
      result.map((r) => [
        r.dimension,
        r.level,
        r.guideSteps.map((e) => e.id),
        r.caseStudies.map((e) => e.id),
      ]),
    ).toEqual([
      ['cybersecurity', 1, ['guide-1', 'guide-3'], ['case-b']],
      ['data-open-data', 2, [], []],
    ]);
  });

  it(
    'finds real guidance in the real catalogue for every dimension',
    async () => {
      const { catalog } = await realCorpus();
      for (const id of DIMENSION_IDS) {
        const [rec] = recommendFor(answers(5, { [id]: 1 }), catalog);
        expect(rec?.dimension).toBe(id);
        const found = [...(rec?.guideSteps ?? []), ...(rec?.caseStudies ?? [])];
        expect(found.length, `nothing recommended for ${id}`).toBeGreaterThan(0);
        const topics = new Set(dimensionById(id).topics);
        for (const e of found) expect(e.topics.some((t) => topics.has(t))).toBe(true);
      }
    },
    CORPUS_TIMEOUT,
  );
});
