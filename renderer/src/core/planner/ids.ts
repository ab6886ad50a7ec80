declare const planIdBrand: unique symbol;
declare const taskIdBrand: unique symbol;
declare const phaseIdBrand: unique symbol;
declare const assessmentIdBrand: unique symbol;

/** The id of a plan. Branded so a task id can never be passed where a plan id is expected. */
export type PlanId = string & { readonly [planIdBrand]: true };
/** The id of a task. */
export type TaskId = string & { readonly [taskIdBrand]: true };
/** The id of a phase, unique within its plan. */
export type PhaseId = string & { readonly [phaseIdBrand]: true };
/** The id of a saved maturity assessment. */
export type AssessmentId = string & { readonly [assessmentIdBrand]: true };

/**
 * Planner ids: 1 to 64 letters, digits, dashes or underscores. Generated ids are
 * `<prefix>-<uuid>`; imported files may carry any id of this shape, and nothing else (no paths,
 * no markup), so an id is always safe to show and to use in a UID or a DOM id.
 */
export const PLANNER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** True when `value` has the shape of a planner id. */
export function isPlannerId(value: string): boolean {
  return PLANNER_ID_PATTERN.test(value);
}

/** A fresh random id with a readable prefix, e.g. `task-3f2b...`. */
function randomId(prefix: string): string {
  // crypto.randomUUID exists in every supported browser, in Electron and in Node 20.
  return `${prefix}-${globalThis.crypto.randomUUID()}`;
}

/** A new, unique plan id. */
export const newPlanId = (): PlanId => randomId('plan') as PlanId;
/** A new, unique task id. */
export const newTaskId = (): TaskId => randomId('task') as TaskId;
/** A new, unique phase id. */
export const newPhaseId = (): PhaseId => randomId('phase') as PhaseId;
/** A new, unique assessment id. */
export const newAssessmentId = (): AssessmentId => randomId('assessment') as AssessmentId;
