import { describe, expect, it } from 'vitest';
import {
  DIMENSIONS,
  DIMENSION_IDS,
  MATURITY_LEVELS,
} from '../../../renderer/src/core/planner/assessment/dimensions';
import { checkIntegrity } from '../../../renderer/src/core/planner/integrity';
import {
  PROFILE_REGIONS,
  PROFILE_TIERS,
  assessmentSchema,
  emptyPlannerDatabase,
  planSchema,
  plannerDatabaseSchema,
  taskSchema,
} from '../../../renderer/src/core/planner/schema';
import { formatZodIssues as zodLines } from '../../../renderer/src/core/safeJson/formatZodIssues';
import { wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';
import type { z } from 'zod';

/** zod's issues as the user reads them. */
const formatZodIssues = (error: z.ZodError) => wordProblems(zodLines(error));
import {
  levelDescription,
  regionLabel,
  tierLabel,
} from '../../../renderer/src/ui/planner/plannerLabels';
import { realVocabulary, sampleDatabase } from './helpers';

const db = sampleDatabase();
const task = db.tasks[0];
const plan = db.plans[0];

describe('planner schema', () => {
  it('accepts the empty planner and a planner built by the operations', () => {
    expect(plannerDatabaseSchema.safeParse(emptyPlannerDatabase()).success).toBe(true);
    expect(plannerDatabaseSchema.parse(JSON.parse(JSON.stringify(db)))).toEqual(db);
    expect(checkIntegrity(db)).toEqual([]);
  });

  it.each([
    ['a blank title', { title: '   ' }, 'title: must not be blank'],
    [
      'a fractional cost',
      { estimatedCostCents: 10.5 },
      'estimatedCostCents: must be a whole number of cents',
    ],
    ['a negative cost', { estimatedCostCents: -1 }, 'estimatedCostCents: must not be negative'],
    [
      'a date that does not exist',
      { dueDate: '2027-02-30' },
      'dueDate: must be a real date written YYYY-MM-DD',
    ],
    ['a date with a time', { dueDate: '2027-02-03T10:00' }, 'dueDate: must be a real date'],
    ['an id with a path in it', { id: '../etc' }, 'id: must be an id of 1 to 64'],
    ['an unknown status', { status: 'waiting' }, 'status: '],
    [
      'a doc id that is not kebab-case',
      { linkedDocIds: ['Guide 1'] },
      'linkedDocIds.0: must be a document id',
    ],
    [
      'the same dependency twice',
      { dependencies: ['t1', 't1'] },
      'dependencies: lists the same task twice',
    ],
    ['an unknown field', { colour: 'red' }, 'Unrecognized key'],
  ])('refuses a task with %s', (_name, change, expected) => {
    const result = taskSchema.safeParse({ ...task, ...change });
    expect(result.success).toBe(false);
    if (!result.success) expect(formatZodIssues(result.error).join('\n')).toContain(expected);
  });

  it('refuses a plan that ends before it starts, or repeats a phase id', () => {
    const backwards = planSchema.safeParse({
      ...plan,
      startDate: '2027-05-01',
      endDate: '2027-04-30',
    });
    expect(backwards.success || formatZodIssues(backwards.error)).toEqual([
      'endDate: must not be before the start date',
    ]);
    const phases = plan?.phases ?? [];
    const twice = planSchema.safeParse({ ...plan, phases: [...phases, phases[0]] });
    expect(twice.success || formatZodIssues(twice.error)).toEqual([
      'phases.2.id: is used by another phase',
    ]);
  });

  it('requires every dimension of an assessment, each a level from 1 to 5', () => {
    const a = db.assessments[0];
    const missing = assessmentSchema.safeParse({
      ...a,
      answers: { ...a?.answers, cybersecurity: undefined },
    });
    expect(missing.success).toBe(false);
    const six = assessmentSchema.safeParse({ ...a, answers: { ...a?.answers, connectivity: 6 } });
    expect(six.success || formatZodIssues(six.error)).toEqual([
      'answers.connectivity: must be a level from 1 to 5',
    ]);
  });

  it('uses only tiers, regions and topics that exist in content/vocabulary.yml', () => {
    const vocabulary = realVocabulary();
    for (const tier of PROFILE_TIERS) expect(Object.keys(vocabulary.tiers)).toContain(tier);
    for (const region of PROFILE_REGIONS) expect(Object.keys(vocabulary.regions)).toContain(region);
    // Every municipal region a case study can have (all but `province-wide`) can be a profile's.
    expect(Object.keys(vocabulary.regions).filter((r) => r !== 'province-wide')).toEqual([
      ...PROFILE_REGIONS,
    ]);
    for (const dimension of DIMENSIONS)
      for (const topic of dimension.topics) expect(Object.keys(vocabulary.topics)).toContain(topic);
  });

  it('labels tiers and regions in the planner exactly as content/vocabulary.yml does', () => {
    // The profile form and the council report show these copies; the library shows the catalog's.
    const vocabulary = realVocabulary();
    for (const tier of PROFILE_TIERS) expect(tierLabel(tier)).toBe(vocabulary.tiers[tier]);
    for (const region of PROFILE_REGIONS)
      expect(regionLabel(region)).toBe(vocabulary.regions[region]);
  });

  it('describes eight dimensions, each with five distinct plain-language levels', () => {
    expect(DIMENSIONS.map((d) => d.id)).toEqual([...DIMENSION_IDS]);
    expect(DIMENSIONS).toHaveLength(8);
    for (const d of DIMENSIONS) {
      const levels = MATURITY_LEVELS.map((level) => levelDescription(d.id, level));
      expect(levels).toHaveLength(5);
      expect(new Set(levels).size).toBe(5);
      for (const text of levels) expect(text.length).toBeGreaterThan(40);
      expect(d.topics.length).toBeGreaterThan(0);
    }
  });
});
