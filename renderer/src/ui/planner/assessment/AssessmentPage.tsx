import { Trans, useTranslation } from 'react-i18next';
import { scoreAssessment } from '../../../core/planner/assessment/scoring';
import {
  assessmentsByDate,
  deleteAssessment,
  restoreAssessment,
} from '../../../core/planner/operations/assessments';
import type { Assessment } from '../../../core/planner/schema';
import { wordRefusal } from '../../common/i18n/wordMessage';
import { Page } from '../../common/Page';
import type { PlannerScreenProps } from '../home/PlannerHome';
import { formatCalendarDate } from '../plannerLabels';
import { plannerHref } from '../plannerRoutes';
import { SaveStatus } from '../../common/SaveStatus';
import { UndoStatus } from '../../common/UndoStatus';
import { useUndo } from '../../common/useUndo';
import { AssessmentForm } from './AssessmentForm';
import { RadarFigure } from './RadarChart';
import { Recommendations } from './Recommendations';
import { formatDelta, ScoreTable } from './ScoreTable';
import './assessment.css';

/**
 * `#/planner/assessment`: the latest results (radar chart and table, compared with the one
 * before), recommendations for the weakest dimensions, earlier assessments, and the questionnaire.
 */
export function AssessmentPage({ session, snapshot }: PlannerScreenProps) {
  const { t } = useTranslation('planner');
  const history = assessmentsByDate(snapshot.db);
  const latest = history.at(-1) ?? null;
  const previous = history.at(-2) ?? null;
  const undo = useUndo();

  const remove = (assessment: Assessment) => {
    const deleted = session.apply((db) => deleteAssessment(db, assessment.id));
    if (!deleted.ok) return;
    const saved = deleted.result.removed;
    undo.offerUndo({
      message: t('assessment.deleted', { date: formatCalendarDate(assessment.date) }),
      undo: () => wordRefusal(session.apply((db) => restoreAssessment(db, saved))),
    });
  };

  return (
    <Page title={t('assessment.title')}>
      <p>
        <a href={plannerHref()}>{t('assessment.back')}</a>
      </p>
      <SaveStatus state={snapshot.saveState} className="planner-save" />
      {latest && (
        <>
          <section aria-labelledby="results-heading" className="planner-section">
            <h2 id="results-heading" tabIndex={-1}>
              {t('assessment.results')}
            </h2>
            <div className="assessment-results">
              <RadarFigure
                answers={latest.answers}
                previous={previous?.answers ?? null}
                date={formatCalendarDate(latest.date)}
                previousDate={previous ? formatCalendarDate(previous.date) : null}
              />
              <ScoreTable latest={latest} previous={previous} />
            </div>
          </section>
          <section aria-labelledby="recommendations-heading" className="planner-section">
            <h2 id="recommendations-heading">{t('assessment.recommended')}</h2>
            <p>{t('assessment.recommendedIntro')}</p>
            <Recommendations answers={latest.answers} />
          </section>
          <section aria-labelledby="history-heading" className="planner-section">
            <h2 id="history-heading">{t('assessment.history')}</h2>
            <ul className="assessment-history">
              {[...history].reverse().map((a, i, list) => {
                const earlier = list[i + 1];
                const score = scoreAssessment(a.answers).score;
                return (
                  <li key={a.id}>
                    {t('assessment.historyItem', { date: formatCalendarDate(a.date), score })}
                    {earlier &&
                      t('assessment.historyChange', {
                        change: formatDelta(score - scoreAssessment(earlier.answers).score),
                        date: formatCalendarDate(earlier.date),
                      })}{' '}
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => remove(a)}
                    >
                      <Trans
                        t={t}
                        i18nKey="assessment.delete"
                        values={{ date: formatCalendarDate(a.date) }}
                        components={{ sr: <span className="ontario-show-for-sr" /> }}
                      />
                    </button>
                  </li>
                );
              })}
            </ul>
            <UndoStatus undo={undo} className="planner-toast" buttonClassName="button--small" />
          </section>
        </>
      )}
      <section aria-labelledby="take-heading" className="planner-section">
        <h2 id="take-heading">{latest ? t('assessment.again') : t('assessment.take')}</h2>
        <p>{latest ? t('assessment.howToAgain') : t('assessment.howTo')}</p>
        <AssessmentForm
          key={latest?.id ?? 'first'}
          session={session}
          initial={latest?.answers ?? null}
          onSaved={() => {
            // Show the new results; the heading exists after the next render.
            setTimeout(() => {
              const heading = document.getElementById('results-heading');
              heading?.focus();
              heading?.scrollIntoView({ block: 'start' });
            }, 0);
          }}
        />
      </section>
    </Page>
  );
}
