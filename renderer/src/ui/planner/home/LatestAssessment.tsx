import { dimensionById, LEVEL_NAMES } from '../../../core/planner/assessment/dimensions';
import { scoreAssessment, weakestDimensions } from '../../../core/planner/assessment/scoring';
import { assessmentsByDate } from '../../../core/planner/operations/assessments';
import type { PlannerDatabase } from '../../../core/planner/schema';
import { formatDate } from '../plannerLabels';
import { plannerHref } from '../plannerRoutes';

/** The latest self-assessment in a few lines, or an invitation to take one. */
export function LatestAssessment({ db }: { db: PlannerDatabase }) {
  const latest = assessmentsByDate(db).at(-1);
  if (!latest) {
    return (
      <>
        <p>
          See where your municipality stands on eight dimensions of digital maturity, in about 15
          minutes, and get the guide steps and case studies that fit.
        </p>
        <p>
          <a href={plannerHref('assessment')}>Take the self-assessment</a>
        </p>
      </>
    );
  }
  const score = scoreAssessment(latest.answers);
  const weakest = weakestDimensions(latest.answers);
  return (
    <>
      <p>
        Latest assessment, {formatDate(latest.date)}: average level{' '}
        <strong>{score.averageLevel.toFixed(1)} of 5</strong> (score {score.score} of 100).
      </p>
      {weakest.length > 0 && (
        <>
          <p>Weakest dimensions:</p>
          <ul className="planner-compact-list">
            {weakest.map((id) => (
              <li key={id}>
                {dimensionById(id).label}: level {latest.answers[id]} (
                {LEVEL_NAMES[latest.answers[id]]})
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={plannerHref('assessment')}>Results, recommendations and a new assessment</a>
      </p>
    </>
  );
}
