import { refusalMessage } from '../../../core/store/StoreSession';
import { useId, useState } from 'react';
import { isIsoDate, type IsoDate } from '../../../core/planner/dates';
import { centsToDecimal, parseDollarsToCents } from '../../../core/planner/money';
import { updatePlan, type PlanPatch } from '../../../core/planner/operations/plans';
import { PLAN_STATUSES, PLAN_STATUS_LABELS, type Plan } from '../../../core/planner/schema';
import { TYPING_SAVE_DELAY_MS, type PlannerSession } from '../plannerSession';
import type { UndoOffer } from '../../common/useUndo';
import { DocLinks } from './DocLinks';
import { PhaseManager } from './PhaseManager';

export interface PlanDetailsFormProps {
  session: PlannerSession;
  plan: Plan;
  offerUndo: (offer: UndoOffer) => void;
}

/** A plan's own fields and its phases; each change is saved (typing after a short pause). */
export function PlanDetailsForm({ session, plan, offerUndo }: PlanDetailsFormProps) {
  const id = useId();
  const [draft, setDraft] = useState({
    title: plan.title,
    goal: plan.goal,
    owner: plan.owner,
    fundingSource: plan.fundingSource,
    budget: plan.budgetEstimateCents === null ? '' : centsToDecimal(plan.budgetEstimateCents),
  });
  const [error, setError] = useState('');

  const commit = (patch: PlanPatch, delay = 0) => {
    setError(refusalMessage(session.apply((db) => updatePlan(db, plan.id, patch), delay)) ?? '');
  };
  const text = (field: 'title' | 'goal' | 'owner' | 'fundingSource', value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (field === 'title' && value.trim() === '') return setError('The plan needs a title.');
    commit({ [field]: value }, TYPING_SAVE_DELAY_MS);
  };
  const budget = (value: string) => {
    setDraft((d) => ({ ...d, budget: value }));
    if (value.trim() === '') return commit({ budgetEstimateCents: null }, TYPING_SAVE_DELAY_MS);
    const cents = parseDollarsToCents(value);
    if (cents === null)
      return setError('Budget estimate: enter an amount such as 25000 or 25,000.50.');
    commit({ budgetEstimateCents: cents }, TYPING_SAVE_DELAY_MS);
  };
  const date = (field: 'startDate' | 'endDate', value: string) => {
    if (value === '') return commit({ [field]: null });
    if (isIsoDate(value)) commit({ [field]: value as IsoDate });
  };
  const flush = () => session.flush();

  return (
    <div className="plan-details">
      <form
        className="planner-form plan-details__form"
        onSubmit={(e) => e.preventDefault()}
        noValidate
      >
        <div className="field field--wide">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            className="ontario-input"
            value={draft.title}
            maxLength={200}
            onChange={(e) => text('title', e.target.value)}
            onBlur={flush}
          />
        </div>
        <div className="field field--wide">
          <label htmlFor={`${id}-goal`}>Goal</label>
          <textarea
            id={`${id}-goal`}
            className="ontario-input"
            rows={3}
            value={draft.goal}
            maxLength={4000}
            onChange={(e) => text('goal', e.target.value)}
            onBlur={flush}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-owner`}>Owner</label>
          <input
            id={`${id}-owner`}
            className="ontario-input"
            value={draft.owner}
            maxLength={120}
            onChange={(e) => text('owner', e.target.value)}
            onBlur={flush}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            className="ontario-input"
            value={plan.status}
            onChange={(e) => commit({ status: e.target.value as Plan['status'] })}
          >
            {PLAN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PLAN_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>Start date</label>
          <input
            id={`${id}-start`}
            type="date"
            className="ontario-input"
            value={plan.startDate ?? ''}
            onChange={(e) => date('startDate', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>End date</label>
          <input
            id={`${id}-end`}
            type="date"
            className="ontario-input"
            value={plan.endDate ?? ''}
            onChange={(e) => date('endDate', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-budget`}>Budget estimate (CAD)</label>
          <input
            id={`${id}-budget`}
            className="ontario-input"
            inputMode="decimal"
            value={draft.budget}
            onChange={(e) => budget(e.target.value)}
            onBlur={flush}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-funding`}>Funding source</label>
          <input
            id={`${id}-funding`}
            className="ontario-input"
            value={draft.fundingSource}
            maxLength={200}
            onChange={(e) => text('fundingSource', e.target.value)}
            onBlur={flush}
          />
        </div>
        {error && (
          <p className="field-error field--wide" role="alert">
            {error}
          </p>
        )}
      </form>
      <DocLinks
        label="Linked documents"
        linked={plan.linkedDocIds}
        onChange={(linkedDocIds) => commit({ linkedDocIds })}
      />
      <PhaseManager session={session} plan={plan} offerUndo={offerUndo} />
    </div>
  );
}
