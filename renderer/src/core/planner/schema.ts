import { z } from 'zod';
import { boundedText, requiredText, storedDocId, uniqueList } from '../common/storedFields';
import { DIMENSION_IDS, type DimensionId, type MaturityLevel } from './assessment/dimensions';
import { isIsoDate, type IsoDate } from './dates';
import type { AssessmentId, PhaseId, PlanId, TaskId } from './ids';
import { RECORD_ID_PATTERN } from '../common/recordIds';
import { MAX_CENTS } from './money';
import { isMemberId } from '../team/hlc';

/**
 * The current format of the planner database (stored under the `planner` key and inside backups).
 * Bump it, describe the change in `migrations.ts` and add a migration to change the shape.
 */
export const PLANNER_SCHEMA_VERSION = 4;

/** Task statuses, in board order (the UI words them: `taskStatusLabel` in ui/planner/plannerLabels). */
export const TASK_STATUSES = ['not-started', 'in-progress', 'blocked', 'done'] as const;
/** Where a task stands. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Plan statuses, from idea to finished (worded by the UI: `planStatusLabel`). */
export const PLAN_STATUSES = [
  'draft',
  'proposed',
  'approved',
  'in-progress',
  'completed',
  'on-hold',
] as const;
/** Where a plan stands. */
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Municipal tiers a profile can take (ids from `content/vocabulary.yml`). */
export const PROFILE_TIERS = ['lower-tier', 'upper-tier', 'single-tier'] as const;
/**
 * Regions a profile can take (ids from `content/vocabulary.yml`; a municipality is in one). When a
 * region id is renamed there, change it here and add a migration (see `migrations.ts`, v2 -> v3).
 */
export const PROFILE_REGIONS = [
  'south-west',
  'east',
  'central',
  'golden-horseshoe',
  'north',
] as const;

/** Field length limits: generous for real use, small enough to keep a bad import harmless. */
export const LIMITS = {
  name: 120,
  title: 200,
  owner: 120,
  fundingSource: 200,
  goal: 4_000,
  notes: 10_000,
  linkedDocs: 100,
  dependencies: 100,
  phases: 100,
  plans: 1_000,
  tasks: 20_000,
  assessments: 1_000,
} as const;

const plannerId = <T extends string>() =>
  z
    .string()
    .regex(RECORD_ID_PATTERN, { error: 'problems:field.recordId' })
    .transform((value) => value as T);

const isoDate = z
  .string()
  .refine(isIsoDate, { error: 'problems:field.isoDate' })
  .transform((value) => value as IsoDate);

const memberId = z.string().refine(isMemberId, { error: 'problems:field.memberId' });

const cents = z
  .number()
  .int({ error: 'problems:field.wholeCents' })
  .min(0, { error: 'problems:field.negative' })
  .max(MAX_CENTS, { error: 'problems:field.tooManyCents' });

/** The municipality the planner belongs to; every field may be left empty. */
export const profileSchema = z.strictObject({
  name: boundedText(LIMITS.name),
  tier: z.enum(PROFILE_TIERS).nullable(),
  region: z.enum(PROFILE_REGIONS).nullable(),
  population: z.number().int().positive().max(20_000_000).nullable(),
});

/** A phase of a plan (e.g. one guide step); tasks point at it by id. */
export const phaseSchema = z.strictObject({
  id: plannerId<PhaseId>(),
  title: requiredText(LIMITS.title),
  /** The guide step (or other document) the phase came from, if any. */
  docId: storedDocId.nullable(),
});

/** A plan (initiative) with its phases; its tasks live in the top-level `tasks` list. */
export const planSchema = z
  .strictObject({
    id: plannerId<PlanId>(),
    title: requiredText(LIMITS.title),
    goal: boundedText(LIMITS.goal),
    owner: boundedText(LIMITS.owner),
    status: z.enum(PLAN_STATUSES),
    startDate: isoDate.nullable(),
    endDate: isoDate.nullable(),
    budgetEstimateCents: cents.nullable(),
    fundingSource: boundedText(LIMITS.fundingSource),
    linkedDocIds: uniqueList(storedDocId, LIMITS.linkedDocs, 'documents'),
    /** "Share with team": the plan, its phases and its tasks go to the team folder. */
    shared: z.boolean(),
    /**
     * The member who last shared the plan (null: never shared). Kept when sharing stops, so the
     * plan's record stays in the shared scope and teammates learn that it was withdrawn.
     */
    sharedBy: memberId.nullable(),
    phases: z.array(phaseSchema).max(LIMITS.phases, { error: 'problems:field.tooManyPhases' }),
  })
  .superRefine((plan, ctx) => {
    if (plan.startDate !== null && plan.endDate !== null && plan.endDate < plan.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: 'problems:field.beforeStart',
      });
    }
    const seen = new Set<string>();
    plan.phases.forEach((phase, index) => {
      if (seen.has(phase.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['phases', index, 'id'],
          message: 'problems:field.phaseIdTaken',
        });
      }
      seen.add(phase.id);
    });
  });

/** A task of a plan. Money is in integer cents, dates are `YYYY-MM-DD`, absent values are null. */
export const taskSchema = z.strictObject({
  id: plannerId<TaskId>(),
  planId: plannerId<PlanId>(),
  title: requiredText(LIMITS.title),
  /** Null: the task is not in any phase ("Unphased"). */
  phaseId: plannerId<PhaseId>().nullable(),
  owner: boundedText(LIMITS.owner),
  dueDate: isoDate.nullable(),
  status: z.enum(TASK_STATUSES),
  estimatedCostCents: cents.nullable(),
  notes: boundedText(LIMITS.notes),
  linkedDocIds: uniqueList(storedDocId, LIMITS.linkedDocs, 'documents'),
  /** Tasks (of the same plan) that must be done before this one. */
  dependencies: uniqueList(plannerId<TaskId>(), LIMITS.dependencies, 'tasks'),
});

const level = z
  .number()
  .int({ error: 'problems:field.level' })
  .min(1, { error: 'problems:field.level' })
  .max(5, { error: 'problems:field.level' })
  .transform((value) => value as MaturityLevel);

const answersShape = Object.fromEntries(DIMENSION_IDS.map((id) => [id, level])) as Record<
  DimensionId,
  typeof level
>;

/** A saved self-assessment: its date and a level from 1 to 5 for every dimension. */
export const assessmentSchema = z.strictObject({
  id: plannerId<AssessmentId>(),
  date: isoDate,
  answers: z.strictObject(answersShape),
});

/** The planner database, current version, before cross-reference checks (see `integrity.ts`). */
export const plannerDatabaseSchema = z.strictObject({
  schemaVersion: z.literal(PLANNER_SCHEMA_VERSION),
  profile: profileSchema,
  plans: z.array(planSchema).max(LIMITS.plans),
  tasks: z.array(taskSchema).max(LIMITS.tasks),
  assessments: z.array(assessmentSchema).max(LIMITS.assessments),
});

export type MunicipalityProfile = z.output<typeof profileSchema>;
export type Phase = z.output<typeof phaseSchema>;
export type Plan = z.output<typeof planSchema>;
export type Task = z.output<typeof taskSchema>;
export type Assessment = z.output<typeof assessmentSchema>;
export type AssessmentAnswers = Assessment['answers'];
export type PlannerDatabase = z.output<typeof plannerDatabaseSchema>;

/** An empty planner, for a first start. */
export function emptyPlannerDatabase(): PlannerDatabase {
  return {
    schemaVersion: PLANNER_SCHEMA_VERSION,
    profile: { name: '', tier: null, region: null, population: null },
    plans: [],
    tasks: [],
    assessments: [],
  };
}
