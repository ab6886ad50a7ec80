import { formatCents } from '../../../core/planner/money';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '../../../core/planner/schema';
import { planSummary, type Progress } from '../../../core/planner/views/summary';
import { TableScroll } from '../TableScroll';
import type { PlanViewProps } from './planViewProps';

/** "$12,000.00 (3 tasks not estimated)". */
export function costText(progress: Progress): string {
  const base = formatCents(progress.estimatedCostCents);
  return progress.unestimated === 0 ? base : `${base} (${progress.unestimated} not estimated)`;
}

/** Progress by phase (counts per status) and the budget against the tasks' estimates. */
export function PlanSummaryTables({ db, planId }: Omit<PlanViewProps, 'session'>) {
  const summary = planSummary(db, planId);
  if (!summary) return null;
  const rows = [
    ...summary.phases.map((p) => ({ label: p.phase?.title ?? 'No phase', progress: p.progress })),
  ];
  return (
    <>
      <TableScroll label="Progress by phase">
        <table className="planner-table planner-table--numbers summary-table">
          <caption>Progress by phase</caption>
          <thead>
            <tr>
              <th scope="col">Phase</th>
              {TASK_STATUSES.map((s) => (
                <th scope="col" key={s}>
                  {TASK_STATUS_LABELS[s]}
                </th>
              ))}
              <th scope="col">% done</th>
              <th scope="col">Estimated cost</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ label, progress }) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {TASK_STATUSES.map((s) => (
                  <td key={s}>{progress.byStatus[s]}</td>
                ))}
                <td>{progress.percentDone}%</td>
                <td>{costText(progress)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All phases</th>
              {TASK_STATUSES.map((s) => (
                <td key={s}>{summary.overall.byStatus[s]}</td>
              ))}
              <td>{summary.overall.percentDone}%</td>
              <td>{costText(summary.overall)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <dl className="facts summary-budget">
        <div className="facts__row">
          <dt>Budget estimate</dt>
          <dd>
            {summary.budgetEstimateCents === null
              ? 'Not set'
              : formatCents(summary.budgetEstimateCents)}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Tasks’ estimated costs</dt>
          <dd>{costText(summary.overall)}</dd>
        </div>
        {summary.budgetRemainingCents !== null && (
          <div className="facts__row">
            <dt>{summary.budgetRemainingCents < 0 ? 'Over budget by' : 'Left in the budget'}</dt>
            <dd>{formatCents(Math.abs(summary.budgetRemainingCents))}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

/** The Summary view of a plan. */
export function PlanSummaryView(props: PlanViewProps) {
  return <PlanSummaryTables db={props.db} planId={props.planId} />;
}
