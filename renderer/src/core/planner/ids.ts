import { RECORD_ID_PATTERN, randomRecordId } from '../common/recordIds';

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

/** True when `value` has the shape of a planner id (the shared record id shape). */
export function isPlannerId(value: string): boolean {
  return RECORD_ID_PATTERN.test(value);
}

const randomId = randomRecordId;

/** A new, unique plan id. */
export const newPlanId = (): PlanId => randomId('plan') as PlanId;
/** A new, unique task id. */
export const newTaskId = (): TaskId => randomId('task') as TaskId;
/** A new, unique phase id. */
export const newPhaseId = (): PhaseId => randomId('phase') as PhaseId;
/** A new, unique assessment id. */
export const newAssessmentId = (): AssessmentId => randomId('assessment') as AssessmentId;
