import { useTranslation } from 'react-i18next';
import { DIMENSIONS } from '../../../core/planner/assessment/dimensions';
import { compareAssessments, scoreAssessment } from '../../../core/planner/assessment/scoring';
import type { Assessment } from '../../../core/planner/schema';
import { t } from '../../common/i18n/i18n';
import { dimensionLabel, formatCalendarDate, levelName } from '../plannerLabels';

/** "+1", "−2", "no change": a change in words and signs, never in colour alone. */
export function formatDelta(delta: number): string {
  if (delta === 0) return t('planner:scoreTable.noChange');
  return delta > 0
    ? t('planner:scoreTable.up', { delta })
    : t('planner:scoreTable.down', { delta: Math.abs(delta) });
}

export interface ScoreTableProps {
  latest: Assessment;
  previous: Assessment | null;
}

/** The levels of an assessment per dimension, with the earlier one and the change beside them. */
export function ScoreTable({ latest, previous }: ScoreTableProps) {
  const { t } = useTranslation('planner');
  const comparison = previous ? compareAssessments(previous.answers, latest.answers) : null;
  const score = scoreAssessment(latest.answers);
  const earlierScore = previous ? scoreAssessment(previous.answers) : null;
  return (
    <table className="planner-table score-table">
      <caption>
        {previous
          ? t('scoreTable.captionCompared', {
              date: formatCalendarDate(latest.date),
              previousDate: formatCalendarDate(previous.date),
            })
          : t('scoreTable.caption', { date: formatCalendarDate(latest.date) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('scoreTable.dimension')}</th>
          <th scope="col">{t('scoreTable.level')}</th>
          {previous && <th scope="col">{t('scoreTable.earlier')}</th>}
          {previous && <th scope="col">{t('scoreTable.change')}</th>}
        </tr>
      </thead>
      <tbody>
        {DIMENSIONS.map((d) => {
          const change = comparison?.dimensions.find((c) => c.dimension === d.id);
          return (
            <tr key={d.id}>
              <th scope="row">{dimensionLabel(d.id)}</th>
              <td>
                {latest.answers[d.id]}{' '}
                <span className="planner-muted">{levelName(latest.answers[d.id])}</span>
              </td>
              {previous && <td>{previous.answers[d.id]}</td>}
              {change && <td>{formatDelta(change.delta)}</td>}
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('scoreTable.score')}</th>
          <td>{score.score}</td>
          {earlierScore && <td>{earlierScore.score}</td>}
          {comparison && <td>{formatDelta(comparison.scoreDelta)}</td>}
        </tr>
      </tfoot>
    </table>
  );
}
