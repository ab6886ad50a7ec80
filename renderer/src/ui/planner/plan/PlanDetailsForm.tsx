import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updatePlan, type PlanPatch } from '../../../core/planner/operations/plans';
import { PLAN_STATUSES, type Plan } from '../../../core/planner/schema';
import { DateField } from '../../common/fields/DateField';
import {
  errorAfterSave,
  errorOn,
  formErrorOf,
  type FormError,
} from '../../common/fields/formError';
import { SaveAsYouTypeForm } from '../../common/fields/SaveAsYouTypeForm';
import { SelectField } from '../../common/fields/SelectField';
import { TextAreaField } from '../../common/fields/TextAreaField';
import { TextField } from '../../common/fields/TextField';
import { TYPING_SAVE_DELAY_MS } from '../../../core/store/sessionLoader';
import { wordRefusal } from '../../common/i18n/wordMessage';
import { moneyFieldText, planStatusLabel, readMoneyField } from '../plannerLabels';
import type { PlannerSession } from '../plannerSession';
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
  const { t } = useTranslation('plan');
  const [draft, setDraft] = useState({
    title: plan.title,
    goal: plan.goal,
    owner: plan.owner,
    fundingSource: plan.fundingSource,
    budget: plan.budgetEstimateCents === null ? '' : moneyFieldText(plan.budgetEstimateCents),
  });
  const [error, setError] = useState<FormError<'title' | 'budgetEstimateCents'> | null>(null);

  const commit = (patch: PlanPatch, delay = 0) => {
    const refused = wordRefusal(session.apply((db) => updatePlan(db, plan.id, patch), delay));
    setError((current) =>
      refused === null ? errorAfterSave(current, patch) : { message: refused },
    );
  };
  const text = (field: 'title' | 'goal' | 'owner' | 'fundingSource', value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (field === 'title' && value.trim() === '') {
      return setError({ field: 'title', message: t('planDetails.titleMissing') });
    }
    commit({ [field]: value }, TYPING_SAVE_DELAY_MS);
  };
  const budget = (value: string) => {
    setDraft((d) => ({ ...d, budget: value }));
    if (value.trim() === '') return commit({ budgetEstimateCents: null }, TYPING_SAVE_DELAY_MS);
    const cents = readMoneyField(value);
    if (cents === null) {
      const message = t('planDetails.budgetInvalid');
      return setError({ field: 'budgetEstimateCents', message });
    }
    commit({ budgetEstimateCents: cents }, TYPING_SAVE_DELAY_MS);
  };
  const flush = () => session.flush();

  return (
    <div className="plan-details">
      <SaveAsYouTypeForm className="planner-form plan-details__form">
        <TextField
          label={t('planFields.title')}
          className="field--wide"
          value={draft.title}
          maxLength={200}
          error={errorOn(error, 'title')}
          onChange={(e) => text('title', e.target.value)}
          onBlur={flush}
        />
        <TextAreaField
          label={t('planFields.goal')}
          className="field--wide"
          rows={3}
          value={draft.goal}
          maxLength={4000}
          onChange={(e) => text('goal', e.target.value)}
          onBlur={flush}
        />
        <TextField
          label={t('planFields.owner')}
          value={draft.owner}
          maxLength={120}
          onChange={(e) => text('owner', e.target.value)}
          onBlur={flush}
        />
        <SelectField
          label={t('planFields.status')}
          value={plan.status}
          onChange={(e) => commit({ status: e.target.value as Plan['status'] })}
        >
          {PLAN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {planStatusLabel(s)}
            </option>
          ))}
        </SelectField>
        <DateField
          label={t('planFields.startDate')}
          value={plan.startDate ?? ''}
          onDateChange={(startDate) => commit({ startDate })}
        />
        <DateField
          label={t('planFields.endDate')}
          value={plan.endDate ?? ''}
          onDateChange={(endDate) => commit({ endDate })}
        />
        <TextField
          label={t('planFields.budgetEstimate')}
          inputMode="decimal"
          value={draft.budget}
          error={errorOn(error, 'budgetEstimateCents')}
          onChange={(e) => budget(e.target.value)}
          onBlur={flush}
        />
        <TextField
          label={t('planFields.fundingSource')}
          value={draft.fundingSource}
          maxLength={200}
          onChange={(e) => text('fundingSource', e.target.value)}
          onBlur={flush}
        />
        {formErrorOf(error) && (
          <p className="field-error field--wide" role="alert">
            {formErrorOf(error)}
          </p>
        )}
      </SaveAsYouTypeForm>
      <DocLinks
        label={t('planFields.linkedDocuments')}
        linked={plan.linkedDocIds}
        onChange={(linkedDocIds) => commit({ linkedDocIds })}
      />
      <PhaseManager session={session} plan={plan} offerUndo={offerUndo} />
    </div>
  );
}
