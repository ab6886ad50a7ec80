import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, type IsoDate } from '../../../core/planner/dates';
import type { PhaseId } from '../../../core/planner/ids';
import { addTask } from '../../../core/planner/operations/tasks';
import { TASK_STATUSES, type TaskStatus } from '../../../core/planner/schema';
import { DateField } from '../../common/fields/DateField';
import { errorOn, formErrorOf, type FormError } from '../../common/fields/formError';
import { SelectField } from '../../common/fields/SelectField';
import { TextField } from '../../common/fields/TextField';
import type { PlanViewProps } from './planViewProps';
import { wordError } from '../../common/i18n/wordMessage';
import { taskStatusLabel } from '../plannerLabels';

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
  const { t } = useTranslation('plan');
  const id = useId();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState(EMPTY);
  const [error, setError] = useState<FormError<'title' | 'dueDate'> | null>(null);
  const titleField = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const plan = db.plans.find((p) => p.id === planId);
  const set = (patch: Partial<typeof EMPTY>) => setFields((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (fields.title.trim() === '') {
      setError({ field: 'title', message: t('addTask.titleMissing') });
      titleField.current?.focus();
      return;
    }
    if (fields.dueDate !== '' && !isIsoDate(fields.dueDate)) {
      setError({ field: 'dueDate', message: t('addTask.dueDateInvalid') });
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
      setError({ message: wordError(added.refusal) });
      return;
    }
    onAdded(t('addTask.added', { title: fields.title.trim() }));
    setError(null);
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
          {t('addTask.open')}
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
        {t('addTask.heading')}
      </h2>
      <div className="task-quick-form__grid">
        <TextField
          ref={titleField}
          label={t('taskFields.title')}
          className="field--wide"
          maxLength={200}
          value={fields.title}
          error={errorOn(error, 'title')}
          onChange={(event) => set({ title: event.target.value })}
        />
        <SelectField
          label={t('taskFields.phase')}
          value={fields.phaseId}
          onChange={(event) => set({ phaseId: event.target.value })}
        >
          <option value="">{t('noPhase')}</option>
          {plan?.phases.map((phase) => (
            <option key={phase.id} value={phase.id}>
              {phase.title}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('taskFields.owner')}
          maxLength={120}
          value={fields.owner}
          onChange={(event) => set({ owner: event.target.value })}
        />
        <DateField
          label={t('taskFields.dueDate')}
          value={fields.dueDate}
          error={errorOn(error, 'dueDate')}
          onChange={(event) => set({ dueDate: event.target.value })}
        />
        <SelectField
          label={t('taskFields.status')}
          value={fields.status}
          onChange={(event) => set({ status: event.target.value as TaskStatus })}
        >
          {TASK_STATUSES.map((status) => (
            <option key={status} value={status}>
              {taskStatusLabel(status)}
            </option>
          ))}
        </SelectField>
      </div>
      {formErrorOf(error) && (
        <p className="field-error" role="alert">
          {formErrorOf(error)}
        </p>
      )}
      <div className="planner-actions">
        <button type="submit" className="button">
          {t('addTask.create')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setOpen(false);
            setError(null);
            setTimeout(() => opener.current?.focus(), 0);
          }}
        >
          {t('addTask.close')}
        </button>
      </div>
    </form>
  );
}
