import type { CatalogEntry } from '../../content/model';
import type { AssessmentAnswers } from '../schema';
import { dimensionById, type DimensionId, type MaturityLevel } from './dimensions';
import { weakestDimensions } from './scoring';

/** Guidance for one weak dimension. */
export interface DimensionRecommendation {
  dimension: DimensionId;
  level: MaturityLevel;
  /** Guide steps whose topics match the dimension, best match first. */
  guideSteps: CatalogEntry[];
  /** Case studies whose topics match the dimension, best match first. */
  caseStudies: CatalogEntry[];
}

export interface RecommendOptions {
  /** How many weak dimensions to cover (default 3). */
  dimensions?: number;
  /** Most guide steps and most case studies per dimension (default 3 each). */
  perDimension?: number;
  /**
   * How titles sort where nothing else decides: the interface language's order (the UI passes
   * its `compareText`); by default the runtime's.
   */
  compareTitles?: (a: string, b: string) => number;
}

/**
 * Turns an assessment into guidance: for each of its weakest dimensions, the guide steps and case
 * studies from the catalogue whose topics match that dimension's topics. A document is suggested
 * once, under the weakest dimension it fits. Ranked by how many topics match, then guide step
 * order or title.
 */
export function recommendFor(
  answers: AssessmentAnswers,
  catalog: readonly CatalogEntry[],
  options: RecommendOptions = {},
): DimensionRecommendation[] {
  const perDimension = options.perDimension ?? 3;
  const compareTitles = options.compareTitles ?? ((a: string, b: string) => a.localeCompare(b));
  const used = new Set<string>();
  return weakestDimensions(answers, options.dimensions ?? 3).map((id) => {
    const dimension = dimensionById(id);
    const topics = new Set(dimension.topics);
    const matches = (type: CatalogEntry['type']) =>
      catalog
        .filter((e) => e.type === type && !used.has(e.id))
        .map((entry) => ({ entry, hits: entry.topics.filter((t) => topics.has(t)).length }))
        .filter((m) => m.hits > 0)
        .sort(
          (a, b) =>
            b.hits - a.hits ||
            (a.entry.step ?? 0) - (b.entry.step ?? 0) ||
            compareTitles(a.entry.title, b.entry.title),
        )
        .slice(0, perDimension)
        .map((m) => m.entry);
    const guideSteps = matches('guide-step');
    const caseStudies = matches('case-study');
    for (const e of [...guideSteps, ...caseStudies]) used.add(e.id);
    return { dimension: id, level: answers[id], guideSteps, caseStudies };
  });
}
