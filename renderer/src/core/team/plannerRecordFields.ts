/**
 * How the planner database maps onto records: which record each item becomes and which fields
 * it holds. One place, used both to write records (`plannerWrites`) and to read them back
 * (`materializePlanner`).
 *
 * - `profile/profile`: name, tier, region, population.
 * - `plan/<planId>`: every plan field but `id` and `phases`, plus `order`.
 * - `phase/ph-<32 hex digits>`: planId, phaseId, title, docId, order. A phase id is unique only
 *   within its plan (a backup may reuse one in two plans), so the record id is derived from both
 *   (`phaseRecordId`), in the shape every record id has (RECORD_ID_PATTERN).
 * - `task/<taskId>`: every task field but `id`, plus `order`.
 * - `assessment/<assessmentId>`: date, answers, order.
 *
 * Phases are records of their own (not an array inside the plan), so two members adding phases
 * to one plan at once both keep theirs.
 */
import type { PhaseId, PlanId } from '../planner/ids';
import type { Assessment, MunicipalityProfile, Phase, Plan, Task } from '../planner/schema';
import type { FieldValue } from './records';

/** The id of the one profile record. */
export const PROFILE_RECORD_ID = 'profile';

/** The field holding a record's place in its list (see plannerOrder.ts). */
export const ORDER_FIELD = 'order';

/** A record's fields, as written. */
export type RecordFields = Record<string, FieldValue>;

export const PROFILE_FIELDS = ['name', 'tier', 'region', 'population'] as const;
export const PLAN_FIELDS = [
  'title',
  'goal',
  'owner',
  'status',
  'startDate',
  'endDate',
  'budgetEstimateCents',
  'fundingSource',
  'linkedDocIds',
  'shared',
  'sharedBy',
] as const;
export const TASK_FIELDS = [
  'planId',
  'title',
  'phaseId',
  'owner',
  'dueDate',
  'status',
  'estimatedCostCents',
  'notes',
  'linkedDocIds',
  'dependencies',
] as const;
export const ASSESSMENT_FIELDS = ['date', 'answers'] as const;

/**
 * The record id of a phase: `ph-` and 128 bits of a hash of its plan id and phase id, so a phase
 * id reused in two plans makes two records, and the id keeps the shape of every record id (at
 * most 64 letters, digits and dashes). Not a secret or a defence: a teammate's file can name any
 * record anyway; materializing checks that a phase record's fields give back its id.
 */
export function phaseRecordId(planId: PlanId, phaseId: PhaseId): string {
  const text = `${planId}\u0000${phaseId}`;
  return `ph-${[0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => fnv1a(text, seed)).join('')}`;
}

/** 32-bit FNV-1a of the text's UTF-16 code units from `seed`, as 8 hex digits. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function pick<T extends object>(item: T, names: readonly string[]): RecordFields {
  const fields: RecordFields = {};
  for (const name of names) fields[name] = (item as Record<string, FieldValue>)[name] ?? null;
  return fields;
}

export const profileFields = (profile: MunicipalityProfile): RecordFields =>
  pick(profile, PROFILE_FIELDS);
export const planFields = (plan: Plan): RecordFields => pick(plan, PLAN_FIELDS);
export const phaseFields = (phase: Phase, planId: PlanId): RecordFields => ({
  planId,
  phaseId: phase.id,
  title: phase.title,
  docId: phase.docId,
});
export const taskFields = (task: Task): RecordFields => pick(task, TASK_FIELDS);
export const assessmentFields = (assessment: Assessment): RecordFields =>
  pick(assessment, ASSESSMENT_FIELDS);

/** Equality of field values (JSON): identity first, then arrays and objects item by item. */
export function sameFieldValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    const x = a as readonly FieldValue[];
    const y = b as readonly FieldValue[];
    return x.length === y.length && x.every((item, index) => sameFieldValue(item, y[index]));
  }
  const x = a as Record<string, FieldValue>;
  const y = b as Record<string, FieldValue>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((key) => Object.hasOwn(y, key) && sameFieldValue(x[key], y[key]));
}
