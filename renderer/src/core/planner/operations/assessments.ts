import type { IsoDate } from '../dates';
import { newAssessmentId, type AssessmentId } from '../ids';
import {
  assessmentSchema,
  type Assessment,
  type AssessmentAnswers,
  type PlannerDatabase,
} from '../schema';
import { messageRef } from '../../common/messageRef';
import { PlannerError, insertAt, validated } from './common';

/** A deleted assessment and where it was. */
export interface RemovedAssessment {
  assessment: Assessment;
  index: number;
}

/** Saves a completed assessment (every dimension answered 1 to 5) with its date. */
export function saveAssessment(
  db: PlannerDatabase,
  input: { date: IsoDate; answers: AssessmentAnswers },
  id: AssessmentId = newAssessmentId(),
): { db: PlannerDatabase; assessment: Assessment } {
  const assessment = validated(assessmentSchema, { id, ...input }, 'assessment');
  return { db: { ...db, assessments: [...db.assessments, assessment] }, assessment };
}

/** Deletes an assessment; `restoreAssessment` undoes it. */
export function deleteAssessment(
  db: PlannerDatabase,
  id: AssessmentId,
): { db: PlannerDatabase; removed: RemovedAssessment } {
  const index = db.assessments.findIndex((a) => a.id === id);
  const assessment = db.assessments[index];
  if (!assessment) throw new PlannerError(messageRef('planner:errors.assessmentGone'));
  return {
    db: { ...db, assessments: db.assessments.filter((a) => a.id !== id) },
    removed: { assessment, index },
  };
}

/** Puts a deleted assessment back where it was. */
export function restoreAssessment(
  db: PlannerDatabase,
  removed: RemovedAssessment,
): PlannerDatabase {
  if (db.assessments.some((a) => a.id === removed.assessment.id)) {
    throw new PlannerError(messageRef('planner:errors.assessmentThere'));
  }
  return { ...db, assessments: insertAt(db.assessments, removed.index, removed.assessment) };
}

/** Assessments from oldest to newest (by date, then by the order they were saved). */
export function assessmentsByDate(db: PlannerDatabase): Assessment[] {
  return db.assessments
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.date < y.a.date ? -1 : x.a.date > y.a.date ? 1 : x.i - y.i))
    .map(({ a }) => a);
}
