import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES } from '../../../core/planner/schema';
import { planSummary, type Progress } from '../../../core/planner/views/summary';
import { formatNumber } from '../../common/i18n/format';
import { TableScroll } from '../TableScroll';
import { formatMoney, taskStatusLabel } from '../plannerLabels';
import type { PlanViewProps } from './planViewProps';

/** "$12,000.00 (3 not estimated)". */
export function costText(progress: Progress, t: TFunction<'plan'>): string {
  const cost = formatMoney(progress.estimatedCostCents);
  return progress.unestimated === 0
    ? cost
    : t('summary.costWithUnestimated', {
        cost,
        count: progress.unestimated,
        shown: formatNumber(progress.unestimated),
      });
}

/** Progress by phase (counts per status) and the budget against the tasks' estimates. */
export function PlanSummaryTables({ db, planId }: Omit<PlanViewProps, 'session'>) {
  const { t } = useTranslation('plan');
  const summary = planSummary(db, planId);
  if (!summary) return null;
  const rows = [
    ...summary.phases.map((p) => ({ label: p.phase?.title ?? t('noPhase'), progress: p.progress })),
  ];
  return (
    <>
      <TableScroll label={t('summary.progressByPhase')}>
        <table className="planner-table planner-table--numbers summary-table">
          <caption>{t('summary.progressByPhase')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('summary.phase')}</th>
              {TASK_STATUSES.map((s) => (
                <th scope="col" key={s}>
                  {taskStatusLabel(s)}
                </th>
              ))}
              <th scope="col">{t('summary.percentDone')}</th>
              <th scope="col">{t('summary.estimatedCost')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ label, progress }) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {TASK_STATUSES.map((s) => (
                  <td key={s}>{progress.byStatus[s]}</td>
                ))}
                <td>{t('summary.percent', { percent: progress.percentDone })}</td>
                <td>{costText(progress, t)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('summary.allPhases')}</th>
              {TASK_STATUSES.map((s) => (
                <td key={s}>{summary.overall.byStatus[s]}</td>
              ))}
              <td>{t('summary.percent', { percent: summary.overall.percentDone })}</td>
              <td>{costText(summary.overall, t)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <dl className="facts summary-budget">
        <div className="facts__row">
          <dt>{t('summary.budgetEstimate')}</dt>
          <dd>
            {summary.budgetEstimateCents === null
              ? t('summary.notSet')
              : formatMoney(summary.budgetEstimateCents)}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('summary.tasksCosts')}</dt>
          <dd>{costText(summary.overall, t)}</dd>
        </div>
        {summary.budgetRemainingCents !== null && (
          <div className="facts__row">
            <dt>
              {summary.budgetRemainingCents < 0
                ? t('summary.overBudget')
                : t('summary.leftInBudget')}
            </dt>
            <dd>{formatMoney(Math.abs(summary.budgetRemainingCents))}</dd>
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
