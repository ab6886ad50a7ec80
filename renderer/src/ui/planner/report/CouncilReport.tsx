import { Trans, useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../core/planner/dates';
import { assessmentsByDate } from '../../../core/planner/operations/assessments';
import { planSummary, tasksByPhase } from '../../../core/planner/views/summary';
import { formatNumber } from '../../common/i18n/format';
import { PrintActions } from '../../common/PrintActions';
import { Page } from '../../common/Page';
import { RadarFigure } from '../assessment/RadarChart';
import { ScoreTable } from '../assessment/ScoreTable';
import { ExportButtons } from '../ExportButtons';
import type { PlannerScreenProps } from '../home/PlannerHome';
import { PlanSummaryTables } from '../plan/PlanSummaryView';
import {
  formatCalendarDate,
  formatMoney,
  planStatusLabel,
  regionLabel,
  taskStatusLabel,
  tierLabel,
} from '../plannerLabels';
import { Fact } from '../../common/Fact';
import { TableScroll } from '../TableScroll';
import { planHref, plannerHref } from '../plannerRoutes';
import { LinkedDocuments } from './LinkedDocuments';
import './report.css';

/**
 * `#/planner/plan/<id>/report`: the council report. On screen it has a toolbar (print, save as
 * PDF, exports); on paper, the print stylesheet keeps only the report, with the cover on its own
 * page.
 */
export function CouncilReport({ snapshot, planId }: PlannerScreenProps & { planId: string }) {
  const { t } = useTranslation('planner');
  const { db } = snapshot;
  const plan = db.plans.find((p) => p.id === planId);
  if (!plan) {
    return (
      <Page title={t('report.notFoundTitle')}>
        <p>
          <Trans t={t} i18nKey="report.notFound" components={{ a: <a href={plannerHref()} /> }} />
        </p>
      </Page>
    );
  }
  const id = plan.id;
  const summary = planSummary(db, id);
  const groups = tasksByPhase(db, id);
  const latest = assessmentsByDate(db).at(-1) ?? null;
  const previous = assessmentsByDate(db).at(-2) ?? null;
  const { profile } = db;
  const linkedIds = [
    ...new Set([
      ...plan.linkedDocIds,
      ...groups.flatMap((g) => g.tasks.flatMap((t) => t.linkedDocIds)),
    ]),
  ];
  const municipality = profile.name.trim() || t('report.yourMunicipality');
  const profileFacts = [
    profile.tier ? tierLabel(profile.tier) : null,
    profile.region ? regionLabel(profile.region) : null,
    profile.population
      ? t('report.population', { population: formatNumber(profile.population) })
      : null,
  ].filter(Boolean);
  const notSet = t('report.notSet');

  return (
    <Page title={plan.title}>
      <div className="report-toolbar">
        <p>
          <a href={planHref(plan.id)}>{t('report.back')}</a>
        </p>
        <PrintActions
          suggestedName={t('report.fileName', { date: localIsoDate() })}
          className="planner-actions"
          printClassName="button"
          statusClassName="planner-muted"
        />
        <ExportButtons db={db} planId={id} />
      </div>
      <article className="report" aria-label={t('report.label')}>
        <header className="report-cover">
          <p className="report-cover__kicker">{t('report.kicker')}</p>
          <p className="report-cover__municipality">{municipality}</p>
          {profileFacts.length > 0 && <p>{profileFacts.join(' · ')}</p>}
          <p>{t('report.prepared', { date: formatCalendarDate(localIsoDate()) })}</p>
          <p>
            {summary
              ? t('report.planStatusProgress', {
                  status: planStatusLabel(plan.status),
                  percent: summary.overall.percentDone,
                  total: summary.overall.total,
                })
              : t('report.planStatus', { status: planStatusLabel(plan.status) })}
          </p>
        </header>

        <section className="report-section" aria-labelledby="r-summary">
          <h2 id="r-summary">{t('report.summary')}</h2>
          {plan.goal && <p className="report-goal">{plan.goal}</p>}
          <dl className="facts">
            <Fact term={t('report.owner')}>{plan.owner || t('report.notNamed')}</Fact>
            <Fact term={t('report.status')}>{planStatusLabel(plan.status)}</Fact>
            <Fact term={t('report.startDate')}>{formatCalendarDate(plan.startDate) || notSet}</Fact>
            <Fact term={t('report.endDate')}>{formatCalendarDate(plan.endDate) || notSet}</Fact>
            <Fact term={t('report.budget')}>
              {plan.budgetEstimateCents === null ? notSet : formatMoney(plan.budgetEstimateCents)}
            </Fact>
            <Fact term={t('report.funding')}>{plan.fundingSource || notSet}</Fact>
          </dl>
        </section>

        <section className="report-section" aria-labelledby="r-progress">
          <h2 id="r-progress">{t('report.progress')}</h2>
          <PlanSummaryTables db={db} planId={id} />
        </section>

        <section className="report-section" aria-labelledby="r-tasks">
          <h2 id="r-tasks">{t('report.tasksByPhase')}</h2>
          {groups.map(({ phase, tasks }) => (
            <TableScroll
              key={phase?.id ?? 'none'}
              label={t('report.tasksOf', { phase: phase?.title ?? t('report.noPhase') })}
            >
              <table className="planner-table report-tasks">
                <caption>{phase?.title ?? t('report.noPhase')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('report.task')}</th>
                    <th scope="col">{t('report.owner')}</th>
                    <th scope="col">{t('report.dueDate')}</th>
                    <th scope="col">{t('report.status')}</th>
                    <th scope="col">{t('report.estimatedCost')}</th>
                  </tr>
                </thead>
                <tbody>
                  {tasks.length === 0 && (
                    <tr>
                      <td colSpan={5}>{t('report.noTasks')}</td>
                    </tr>
                  )}
                  {tasks.map((task) => (
                    <tr key={task.id}>
                      <th scope="row">{task.title}</th>
                      <td>{task.owner}</td>
                      <td>{formatCalendarDate(task.dueDate)}</td>
                      <td>{taskStatusLabel(task.status)}</td>
                      <td>
                        {task.estimatedCostCents === null
                          ? ''
                          : formatMoney(task.estimatedCostCents)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ))}
        </section>

        <section className="report-section" aria-labelledby="r-linked">
          <h2 id="r-linked">{t('report.linked')}</h2>
          <LinkedDocuments ids={linkedIds} />
        </section>

        <section className="report-section report-assessment" aria-labelledby="r-assessment">
          <h2 id="r-assessment">{t('report.latestAssessment')}</h2>
          {latest ? (
            <div className="assessment-results">
              <RadarFigure
                answers={latest.answers}
                previous={previous?.answers ?? null}
                date={formatCalendarDate(latest.date)}
                previousDate={previous ? formatCalendarDate(previous.date) : null}
              />
              <ScoreTable latest={latest} previous={previous} />
            </div>
          ) : (
            <p>{t('report.noAssessment')}</p>
          )}
        </section>
      </article>
    </Page>
  );
}
