import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { deletePlan, restorePlan } from '../../../core/planner/operations/plans';
import type { PlannerDatabase, Task } from '../../../core/planner/schema';
import { progressOf } from '../../../core/planner/views/summary';
import { wordRefusal } from '../../common/i18n/wordMessage';
import { ProgressBar } from '../ProgressBar';
import { planStatusLabel } from '../plannerLabels';
import { planHref } from '../plannerRoutes';
import type { PlannerSession } from '../plannerSession';
import { UndoStatus } from '../../common/UndoStatus';
import { useUndo } from '../../common/useUndo';
import { useSharedPlanGuard } from '../../team/useSharedPlanGuard';

export interface PlanListProps {
  session: PlannerSession;
  db: PlannerDatabase;
}

/** Every plan with its status and progress; a plan can be deleted, with Undo. */
export function PlanList({ session, db }: PlanListProps) {
  const { t } = useTranslation('planner');
  const undo = useUndo();
  // A plan someone else shared is deleted only after a confirmation that names it.
  const guard = useSharedPlanGuard();
  const tasksByPlan = useMemo(() => {
    const map = new Map<string, Task[]>();
    for (const task of db.tasks) {
      const list = map.get(task.planId);
      if (list) list.push(task);
      else map.set(task.planId, [task]);
    }
    return map;
  }, [db.tasks]);

  const remove = (planId: PlannerDatabase['plans'][number]['id'], title: string) => {
    const deleted = session.apply((current) => deletePlan(current, planId));
    if (!deleted.ok) return;
    const saved = deleted.result.removed;
    undo.offerUndo({
      message: t('planList.deleted', { title }),
      undo: () => wordRefusal(session.apply((current) => restorePlan(current, saved))),
    });
  };

  return (
    <>
      {db.plans.length === 0 ? (
        <p>{t('planList.empty')}</p>
      ) : (
        <table className="planner-table">
          <thead>
            <tr>
              <th scope="col">{t('planList.plan')}</th>
              <th scope="col">{t('planList.status')}</th>
              <th scope="col">{t('planList.progress')}</th>
              <th scope="col">
                <span className="ontario-show-for-sr">{t('planList.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {db.plans.map((plan) => {
              const progress = progressOf(tasksByPlan.get(plan.id) ?? []);
              return (
                <tr key={plan.id}>
                  <th scope="row">
                    <a href={planHref(plan.id)}>{plan.title}</a>
                    {plan.owner && <span className="planner-muted"> · {plan.owner}</span>}
                  </th>
                  <td>{planStatusLabel(plan.status)}</td>
                  <td>
                    <ProgressBar progress={progress} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => guard.request(plan, () => remove(plan.id, plan.title))}
                    >
                      <Trans
                        t={t}
                        i18nKey="planList.delete"
                        values={{ title: plan.title }}
                        components={{ sr: <span className="ontario-show-for-sr" /> }}
                      />
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <UndoStatus undo={undo} className="planner-toast" buttonClassName="button--small" />
      {guard.dialog}
    </>
  );
}
