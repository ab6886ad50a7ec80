import { localIsoDate } from '../../../core/planner/dates';
import type { PlanId } from '../../../core/planner/ids';
import { formatCents } from '../../../core/planner/money';
import { assessmentsByDate } from '../../../core/planner/operations/assessments';
import { PLAN_STATUS_LABELS, TASK_STATUS_LABELS } from '../../../core/planner/schema';
import { planSummary, tasksByPhase } from '../../../core/planner/views/summary';
import { PrintActions } from '../../common/PrintActions';
import { Page } from '../../common/Page';
import { RadarFigure } from '../assessment/RadarChart';
import { ScoreTable } from '../assessment/ScoreTable';
import { ExportButtons } from '../ExportButtons';
import type { PlannerScreenProps } from '../home/PlannerHome';
import { PlanSummaryTables } from '../plan/PlanSummaryView';
import { formatDate, REGION_LABELS, TIER_LABELS } from '../plannerLabels';
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
  const { db } = snapshot;
  const plan = db.plans.find((p) => p.id === planId);
  if (!plan) {
    return (
      <Page title="Plan not found">
        <p>
          This plan does not exist; it may have been deleted.{' '}
          <a href={plannerHref()}>See all plans</a>.
        </p>
      </Page>
    );
  }
  const id = plan.id as PlanId;
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
  const municipality = profile.name.trim() || 'Your municipality';
  const profileFacts = [
    profile.tier ? TIER_LABELS[profile.tier] : null,
    profile.region ? REGION_LABELS[profile.region] : null,
    profile.population ? `population ${profile.population.toLocaleString('en-CA')}` : null,
  ].filter(Boolean);

  return (
    <Page title={plan.title}>
      <div className="report-toolbar">
        <p>
          <a href={planHref(plan.id)}>Back to the plan</a>
        </p>
        <PrintActions
          suggestedName={`council-report-${localIsoDate()}.pdf`}
          className="planner-actions"
          printClassName="button"
          statusClassName="planner-muted"
        />
        <ExportButtons db={db} planId={id} />
      </div>
      <article className="report" aria-label="Council report">
        <header className="report-cover">
          <p className="report-cover__kicker">Report to council</p>
          <p className="report-cover__municipality">{municipality}</p>
          {profileFacts.length > 0 && <p>{profileFacts.join(' · ')}</p>}
          <p>Prepared {formatDate(localIsoDate())}</p>
          <p>
            Plan status: {PLAN_STATUS_LABELS[plan.status]}
            {summary && ` · ${summary.overall.percentDone}% of ${summary.overall.total} tasks done`}
          </p>
        </header>

        <section className="report-section" aria-labelledby="r-summary">
          <h2 id="r-summary">Plan summary</h2>
          {plan.goal && <p className="report-goal">{plan.goal}</p>}
          <dl className="facts">
            <Fact term="Owner" value={plan.owner || 'Not named'} />
            <Fact term="Status" value={PLAN_STATUS_LABELS[plan.status]} />
            <Fact term="Start date" value={formatDate(plan.startDate) || 'Not set'} />
            <Fact term="End date" value={formatDate(plan.endDate) || 'Not set'} />
            <Fact
              term="Budget estimate"
              value={
                plan.budgetEstimateCents === null
                  ? 'Not set'
                  : formatCents(plan.budgetEstimateCents)
              }
            />
            <Fact term="Funding source" value={plan.fundingSource || 'Not set'} />
          </dl>
        </section>

        <section className="report-section" aria-labelledby="r-progress">
          <h2 id="r-progress">Progress</h2>
          <PlanSummaryTables db={db} planId={id} />
        </section>

        <section className="report-section" aria-labelledby="r-tasks">
          <h2 id="r-tasks">Tasks by phase</h2>
          {groups.map(({ phase, tasks }) => (
            <TableScroll key={phase?.id ?? 'none'} label={`Tasks: ${phase?.title ?? 'No phase'}`}>
              <table className="planner-table report-tasks">
                <caption>{phase?.title ?? 'No phase'}</caption>
                <thead>
                  <tr>
                    <th scope="col">Task</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Due date</th>
                    <th scope="col">Status</th>
                    <th scope="col">Estimated cost</th>
                  </tr>
                </thead>
                <tbody>
                  {tasks.length === 0 && (
                    <tr>
                      <td colSpan={5}>No tasks.</td>
                    </tr>
                  )}
                  {tasks.map((task) => (
                    <tr key={task.id}>
                      <th scope="row">{task.title}</th>
                      <td>{task.owner}</td>
                      <td>{formatDate(task.dueDate)}</td>
                      <td>{TASK_STATUS_LABELS[task.status]}</td>
                      <td>
                        {task.estimatedCostCents === null
                          ? ''
                          : formatCents(task.estimatedCostCents)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ))}
        </section>

        <section className="report-section" aria-labelledby="r-linked">
          <h2 id="r-linked">Linked recommendations and guidance</h2>
          <LinkedDocuments ids={linkedIds} />
        </section>

        <section className="report-section report-assessment" aria-labelledby="r-assessment">
          <h2 id="r-assessment">Latest digital maturity assessment</h2>
          {latest ? (
            <div className="assessment-results">
              <RadarFigure
                answers={latest.answers}
                previous={previous?.answers ?? null}
                date={formatDate(latest.date)}
                previousDate={previous ? formatDate(previous.date) : null}
              />
              <ScoreTable latest={latest} previous={previous} />
            </div>
          ) : (
            <p>No self-assessment has been saved yet.</p>
          )}
        </section>
      </article>
    </Page>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
