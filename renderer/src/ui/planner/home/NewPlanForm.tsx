import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createPlan, createPlanFromGuide } from '../../../core/planner/operations/plans';
import { useDocuments } from '../../content/useContent';
import { planHref } from '../plannerRoutes';
import type { PlannerSession } from '../plannerSession';
import { errorOn, formErrorOf, type FormError } from '../../common/fields/formError';
import { TextField } from '../../common/fields/TextField';
import { wordError } from '../../common/i18n/wordMessage';

/**
 * "New plan": a title and where to start, empty or from the how-to guide template (one phase per
 * guide step, its actions as tasks). Opens the new plan when created.
 */
export function NewPlanForm({ session }: { session: PlannerSession }) {
  const { t } = useTranslation('planner');
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [start, setStart] = useState<'empty' | 'guide'>('guide');
  const [error, setError] = useState<FormError<'title'> | null>(null);
  const documents = useDocuments();
  const titleField = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setError({
        field: 'title',
        message: t('newPlan.titleMissing'),
      });
      titleField.current?.focus();
      return;
    }
    if (start === 'guide' && documents.status !== 'ready') {
      setError({
        message:
          documents.status === 'error'
            ? t('newPlan.guideFailed', { reason: documents.message })
            : t('newPlan.guideLoading'),
      });
      return;
    }
    const created = session.apply((db) =>
      start === 'guide' && documents.status === 'ready'
        ? createPlanFromGuide(db, { title }, [...documents.value.byId.values()])
        : createPlan(db, { title }),
    );
    if (!created.ok) {
      setError({ message: wordError(created.refusal) });
      return;
    }
    window.location.hash = planHref(created.result.plan.id);
  };

  if (!open) {
    return (
      <p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setOpen(true);
            // Focus the first field once it exists.
            setTimeout(() => titleField.current?.focus(), 0);
          }}
        >
          {t('newPlan.open')}
        </button>
      </p>
    );
  }
  return (
    <form
      className="planner-form planner-card"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-h`}
    >
      <h3 id={`${id}-h`}>{t('newPlan.heading')}</h3>
      <TextField
        ref={titleField}
        label={t('newPlan.title')}
        value={title}
        maxLength={200}
        error={errorOn(error, 'title')}
        onChange={(event) => setTitle(event.target.value)}
      />
      <fieldset className="field">
        <legend>{t('newPlan.startWith')}</legend>
        <div className="choices">
          <div className="choice">
            <input
              type="radio"
              id={`${id}-guide`}
              name={`${id}-start`}
              checked={start === 'guide'}
              onChange={() => setStart('guide')}
            />
            <label htmlFor={`${id}-guide`}>{t('newPlan.fromGuide')}</label>
            <span className="choice__hint">{t('newPlan.fromGuideHint')}</span>
          </div>
          <div className="choice">
            <input
              type="radio"
              id={`${id}-empty`}
              name={`${id}-start`}
              checked={start === 'empty'}
              onChange={() => setStart('empty')}
            />
            <label htmlFor={`${id}-empty`}>{t('newPlan.empty')}</label>
          </div>
        </div>
      </fieldset>
      {formErrorOf(error) && (
        <p className="field-error" role="alert">
          {formErrorOf(error)}
        </p>
      )}
      <div className="planner-actions">
        <button type="submit" className="button">
          {t('newPlan.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('newPlan.cancel')}
        </button>
      </div>
    </form>
  );
}
