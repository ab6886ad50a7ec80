import { useId, useRef, useState, type FormEvent } from 'react';
import { isIsoDate, type IsoDate } from '../../../core/planner/dates';
import type { PhaseId } from '../../../core/planner/ids';
import { addTask } from '../../../core/planner/operations/tasks';
import { TASK_STATUSES, TASK_STATUS_LABELS, type TaskStatus } from '../../../core/planner/schema';
import type { PlanViewProps } from './planViewProps';

const EMPTY = {
  title: '',
  phaseId: '',
  owner: '',
  dueDate: '',
  status: 'not-started' as TaskStatus,
};

/** "Add task": a short form (title, phase, owner, due date, status); the rest is in the editor. */
export function AddTaskForm({
  session,
  db,
  planId,
  onAdded,
}: PlanViewProps & { onAdded: (message: string) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState(EMPTY);
  const [error, setError] = useState('');
  const titleField = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const plan = db.plans.find((p) => p.id === planId);
  const set = (patch: Partial<typeof EMPTY>) => setFields((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (fields.title.trim() === '') {
      setError('Give the task a title.');
      titleField.current?.focus();
      return;
    }
    if (fields.dueDate !== '' && !isIsoDate(fields.dueDate)) {
      setError('Enter the due date as a date, such as 2027-03-31.');
      return;
    }
    const added = session.apply((current) =>
      addTask(current, planId, {
        title: fields.title,
        phaseId: fields.phaseId === '' ? null : (fields.phaseId as PhaseId),
        owner: fields.owner,
        dueDate: fields.dueDate === '' ? null : (fields.dueDate as IsoDate),
        status: fields.status,
      }),
    );
    if (!added.ok) {
      setError(added.refusal.message);
      return;
    }
    onAdded(`Added the task “${fields.title.trim()}”.`);
    setError('');
    // Keep the phase and owner: several tasks in a row usually share them.
    set({ title: '', dueDate: '' });
    titleField.current?.focus();
  };

  if (!open) {
    return (
      <p className="plan-add">
        <button
          ref={opener}
          type="button"
          className="button"
          onClick={() => {
            setOpen(true);
            setTimeout(() => titleField.current?.focus(), 0);
          }}
        >
          Add task
        </button>
      </p>
    );
  }
  return (
    <form
      className="planner-card task-quick-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-h`}
    >
      <h2 id={`${id}-h`} className="planner-card__title">
        New task
      </h2>
      <div className="task-quick-form__grid">
        <div className="field field--wide">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            ref={titleField}
            id={`${id}-title`}
            className="ontario-input"
            maxLength={200}
            value={fields.title}
            onChange={(event) => set({ title: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phase`}>Phase</label>
          <select
            id={`${id}-phase`}
            className="ontario-input"
            value={fields.phaseId}
            onChange={(event) => set({ phaseId: event.target.value })}
          >
            <option value="">No phase</option>
            {plan?.phases.map((phase) => (
              <option key={phase.id} value={phase.id}>
                {phase.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-owner`}>Owner</label>
          <input
            id={`${id}-owner`}
            className="ontario-input"
            maxLength={120}
            value={fields.owner}
            onChange={(event) => set({ owner: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>Due date</label>
          <input
            id={`${id}-due`}
            type="date"
            className="ontario-input"
            value={fields.dueDate}
            onChange={(event) => set({ dueDate: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            className="ontario-input"
            value={fields.status}
            onChange={(event) => set({ status: event.target.value as TaskStatus })}
          >
            {TASK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {TASK_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="planner-actions">
        <button type="submit" className="button">
          Create task
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setOpen(false);
            setError('');
            setTimeout(() => opener.current?.focus(), 0);
          }}
        >
          Close
        </button>
      </div>
    </form>
  );
}
