import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../core/planner/schema';
import { ConfirmDialog } from './ConfirmDialog';
import { memberName } from './memberName';
import { useTeam } from './useTeam';

/**
 * Deleting a shared plan: the member who shared it deletes it as any plan; anyone else first
 * confirms in a dialog that names the plan and who shared it. (Either way the deletion is a
 * tombstone the Undo offer takes back, on every machine.)
 */
export function useSharedPlanGuard(): {
  request: (plan: Plan, proceed: () => void) => void;
  dialog: ReactNode;
} {
  const { t } = useTranslation('team');
  const team = useTeam();
  const [asking, setAsking] = useState<{ plan: Plan; proceed: () => void } | null>(null);
  const request = (plan: Plan, proceed: () => void) => {
    const mine = team !== null && plan.sharedBy === team.state.me;
    if (!plan.shared || plan.sharedBy === null || mine) proceed();
    else setAsking({ plan, proceed });
  };
  const dialog =
    asking && team ? (
      <ConfirmDialog
        title={t('deletePlan.title', { title: asking.plan.title })}
        confirmText={t('deletePlan.confirm', { title: asking.plan.title })}
        cancelText={t('deletePlan.cancel')}
        onConfirm={() => {
          setAsking(null);
          asking.proceed();
        }}
        onCancel={() => setAsking(null)}
      >
        <p>
          {t('deletePlan.body', {
            name: memberName(team.state, asking.plan.sharedBy ?? team.state.me, t),
          })}
        </p>
      </ConfirmDialog>
    ) : null;
  return { request, dialog };
}
