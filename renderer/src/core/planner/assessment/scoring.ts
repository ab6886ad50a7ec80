import type { AssessmentAnswers } from '../schema';
import { DIMENSIONS, type DimensionId, type MaturityLevel } from './dimensions';

/** An assessment's result: the average level and the same on a 0-100 scale. */
export interface AssessmentScore {
  /** Mean of the eight levels, 1.0 to 5.0, rounded to one decimal. */
  averageLevel: number;
  /** 0 (level 1 everywhere) to 100 (level 5 everywhere), rounded to a whole number. */
  score: number;
}

/** Scores a completed assessment. */
export function scoreAssessment(answers: AssessmentAnswers): AssessmentScore {
  const levels = DIMENSIONS.map((d) => answers[d.id]);
  const mean = levels.reduce<number>((sum, level) => sum + level, 0) / levels.length;
  return { averageLevel: Math.round(mean * 10) / 10, score: Math.round(((mean - 1) / 4) * 100) };
}

/** How one dimension changed between two assessments. */
export interface DimensionChange {
  dimension: DimensionId;
  earlier: MaturityLevel;
  later: MaturityLevel;
  /** `later - earlier`: positive is progress. */
  delta: number;
}

/** The change between an earlier and a later assessment, per dimension and overall. */
export interface AssessmentComparison {
  dimensions: DimensionChange[];
  /** Change in the 0-100 score. */
  scoreDelta: number;
  improved: DimensionId[];
  declined: DimensionId[];
}

/** Compares an earlier assessment with a later one, dimension by dimension. */
export function compareAssessments(
  earlier: AssessmentAnswers,
  later: AssessmentAnswers,
): AssessmentComparison {
  const dimensions = DIMENSIONS.map((d) => ({
    dimension: d.id,
    earlier: earlier[d.id],
    later: later[d.id],
    delta: later[d.id] - earlier[d.id],
  }));
  return {
    dimensions,
    scoreDelta: scoreAssessment(later).score - scoreAssessment(earlier).score,
    improved: dimensions.filter((c) => c.delta > 0).map((c) => c.dimension),
    declined: dimensions.filter((c) => c.delta < 0).map((c) => c.dimension),
  };
}

/**
 * The weakest dimensions: the `count` lowest levels, lowest first (ties in questionnaire order).
 * Dimensions already at level 5 are never "weak", so fewer may be returned.
 */
export function weakestDimensions(answers: AssessmentAnswers, count = 3): DimensionId[] {
  return DIMENSIONS.map((d, order) => ({ id: d.id, level: answers[d.id], order }))
    .filter((d) => d.level < 5)
    .sort((a, b) => a.level - b.level || a.order - b.order)
    .slice(0, count)
    .map((d) => d.id);
}
