import { useId, useRef, useState, type FormEvent } from 'react';
import { createPlan, createPlanFromGuide } from '../../../core/planner/operations/plans';
import { useDocuments } from '../../content/useContent';
import { planHref } from '../plannerRoutes';
import type { PlannerSession } from '../plannerSession';
import { errorOn, formErrorOf, type FormError } from '../../common/fields/formError';
import { TextField } from '../../common/fields/TextField';

/**
 * "New plan": a title and where to start, empty or from the how-to guide template (one phase per
 * guide step, its actions as tasks). Opens the new plan when created.
 */
export function NewPlanForm({ session }: { session: PlannerSession }) {
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
        message: 'Give the plan a title, such as “Online building permits”.',
      });
      titleField.current?.focus();
      return;
    }
    if (start === 'guide' && documents.status !== 'ready') {
      setError({
        message:
          documents.status === 'error'
            ? `The how-to guide could not be loaded: ${documents.message}`
            : 'The how-to guide is still loading; try again in a moment.',
      });
      return;
    }
    const created = session.apply((db) =>
      start === 'guide' && documents.status === 'ready'
        ? createPlanFromGuide(db, { title }, [...documents.value.byId.values()])
        : createPlan(db, { title }),
    );
    if (!created.ok) {
      setError({ message: created.refusal.message });
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
          New plan
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
      <h3 id={`${id}-h`}>New plan</h3>
      <TextField
        ref={titleField}
        label="Title"
        value={title}
        maxLength={200}
        error={errorOn(error, 'title')}
        onChange={(event) => setTitle(event.target.value)}
      />
      <fieldset className="field">
        <legend>Start with</legend>
        <div className="choices">
          <div className="choice">
            <input
              type="radio"
              id={`${id}-guide`}
              name={`${id}-start`}
              checked={start === 'guide'}
              onChange={() => setStart('guide')}
            />
            <label htmlFor={`${id}-guide`}>The how-to guide template</label>
            <span className="choice__hint">
              One phase per guide step, with its actions as tasks.
            </span>
          </div>
          <div className="choice">
            <input
              type="radio"
              id={`${id}-empty`}
              name={`${id}-start`}
              checked={start === 'empty'}
              onChange={() => setStart('empty')}
            />
            <label htmlFor={`${id}-empty`}>An empty plan</label>
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
          Create plan
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
