/**
 * The digital maturity self-assessment: eight dimensions, each with five described levels. The
 * descriptions live in the UI's message catalogue (`planner:dimension`); their wording is plain on
 * purpose: a clerk in a township of 2,000 people should be able to pick a level for each
 * dimension in a minute or two, without a consultant.
 */

/** Ids of the dimensions, in the order the questionnaire asks them. */
export const DIMENSION_IDS = [
  'leadership-strategy',
  'connectivity',
  'online-services',
  'records-workflows',
  'data-open-data',
  'cybersecurity',
  'staff-skills',
  'resident-engagement',
] as const;

/** One dimension of digital maturity. */
export type DimensionId = (typeof DIMENSION_IDS)[number];

/** A maturity level: 1 (just starting) to 5 (leading). */
export type MaturityLevel = 1 | 2 | 3 | 4 | 5;

/** The levels in order. */
export const MATURITY_LEVELS: readonly MaturityLevel[] = [1, 2, 3, 4, 5];

/**
 * A dimension of the questionnaire. Its name, its question (asked of the municipality as a whole)
 * and what each level looks like in practice are words, so the UI keeps them in its message
 * catalogue under the dimension's id (`planner:dimension.<id>`), with the levels' short names.
 */
export interface Dimension {
  id: DimensionId;
  /**
   * Topic ids from `content/vocabulary.yml` whose guide steps and case studies help a municipality
   * move up in this dimension (a unit test checks they all exist).
   */
  topics: readonly string[];
}

/** The eight dimensions of the self-assessment. */
export const DIMENSIONS: readonly Dimension[] = [
  {
    id: 'leadership-strategy',
    topics: ['governance-strategy', 'funding', 'shared-services', 'provincial-collaboration'],
  },
  {
    id: 'connectivity',
    topics: ['broadband'],
  },
  {
    id: 'online-services',
    topics: ['e-permitting', 'customer-service', 'online-voting', 'accessibility'],
  },
  {
    id: 'records-workflows',
    topics: ['records-management', 'council-meetings', 'reporting'],
  },
  {
    id: 'data-open-data',
    topics: ['open-data', 'gis', 'privacy'],
  },
  {
    id: 'cybersecurity',
    topics: ['cybersecurity', 'privacy'],
  },
  {
    id: 'staff-skills',
    topics: ['digital-skills', 'shared-services', 'procurement'],
  },
  {
    id: 'resident-engagement',
    topics: ['public-engagement', 'council-meetings', 'accessibility', 'french-language-services'],
  },
];

/** The dimension with this id. */
export function dimensionById(id: DimensionId): Dimension {
  const found = DIMENSIONS.find((d) => d.id === id);
  if (!found) throw new Error(`unknown dimension: ${id}`); // unreachable for a DimensionId
  return found;
}
