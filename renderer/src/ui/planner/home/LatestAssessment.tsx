import { Trans, useTranslation } from 'react-i18next';
import { scoreAssessment, weakestDimensions } from '../../../core/planner/assessment/scoring';
import { assessmentsByDate } from '../../../core/planner/operations/assessments';
import type { PlannerDatabase } from '../../../core/planner/schema';
import { formatNumber } from '../../common/i18n/format';
import { dimensionLabel, formatCalendarDate, levelName } from '../plannerLabels';
import { plannerHref } from '../plannerRoutes';

/** The latest self-assessment in a few lines, or an invitation to take one. */
export function LatestAssessment({ db }: { db: PlannerDatabase }) {
  const { t } = useTranslation('planner');
  const latest = assessmentsByDate(db).at(-1);
  if (!latest) {
    return (
      <>
        <p>{t('latestAssessment.invite')}</p>
        <p>
          <a href={plannerHref('assessment')}>{t('latestAssessment.take')}</a>
        </p>
      </>
    );
  }
  const score = scoreAssessment(latest.answers);
  const weakest = weakestDimensions(latest.answers);
  return (
    <>
      <p>
        <Trans
          t={t}
          i18nKey="latestAssessment.summary"
          values={{
            date: formatCalendarDate(latest.date),
            average: formatNumber(score.averageLevel, {
              minimumFractionDigits: 1,
              maximumFractionDigits: 1,
            }),
            score: score.score,
          }}
          components={{ strong: <strong /> }}
        />
      </p>
      {weakest.length > 0 && (
        <>
          <p>{t('latestAssessment.weakest')}</p>
          <ul className="planner-compact-list">
            {weakest.map((id) => (
              <li key={id}>
                {t('latestAssessment.weakDimension', {
                  dimension: dimensionLabel(id),
                  level: latest.answers[id],
                  levelName: levelName(latest.answers[id]),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={plannerHref('assessment')}>{t('latestAssessment.more')}</a>
      </p>
    </>
  );
}
