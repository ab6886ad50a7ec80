import { refusalMessage } from '../../../core/store/StoreSession';
import { useId, useState } from 'react';
import type { PhaseId, TaskId } from '../../../core/planner/ids';
import { centsToDecimal, parseDollarsToCents } from '../../../core/planner/money';
import {
  deleteTask,
  restoreTask,
  updateTask,
  type TaskPatch,
} from '../../../core/planner/operations/tasks';
import { TASK_STATUSES, TASK_STATUS_LABELS, type TaskStatus } from '../../../core/planner/schema';
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
import { planHref } from '../plannerRoutes';
import { TYPING_SAVE_DELAY_MS } from '../../../core/store/sessionLoader';
import type { UndoOffer } from '../../common/useUndo';
import { DependencyPicker } from './DependencyPicker';
import { DocLinks } from './DocLinks';
import type { PlanViewProps } from './planViewProps';

export interface TaskEditorProps extends PlanViewProps {
  taskId: TaskId;
  offerUndo: (offer: UndoOffer) => void;
}

/** Every field of one task; changes are saved as they are made (typing after a short pause). */
export function TaskEditor({ session, db, planId, taskId, offerUndo }: TaskEditorProps) {
  const id = useId();
  const task = db.tasks.find((t) => t.id === taskId && t.planId === planId);
  const plan = db.plans.find((p) => p.id === planId);
  const [draft, setDraft] = useState({
    title: task?.title ?? '',
    owner: task?.owner ?? '',
    notes: task?.notes ?? '',
    cost: task?.estimatedCostCents == null ? '' : centsToDecimal(task.estimatedCostCents),
  });
  const [error, setError] = useState<FormError<'title' | 'estimatedCostCents'> | null>(null);

  if (!task || !plan) {
    return (
      <section className="planner-card task-editor" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>Task not found</h2>
        <p>
          This task does not exist; it may have been deleted.{' '}
          <a href={planHref(planId)}>Back to the list</a>
        </p>
      </section>
    );
  }

  const commit = (patch: TaskPatch, delay = 0) => {
    const updated = session.apply((current) => updateTask(current, taskId, patch), delay);
    const refused = refusalMessage(updated);
    setError((current) =>
      refused === null ? errorAfterSave(current, patch) : { message: refused },
    );
  };
  const text = (field: 'title' | 'owner' | 'notes', value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (field === 'title' && value.trim() === '') {
      return setError({ field: 'title', message: 'The task needs a title.' });
    }
    commit({ [field]: value }, TYPING_SAVE_DELAY_MS);
  };
  const cost = (value: string) => {
    setDraft((d) => ({ ...d, cost: value }));
    if (value.trim() === '') return commit({ estimatedCostCents: null }, TYPING_SAVE_DELAY_MS);
    const cents = parseDollarsToCents(value);
    if (cents === null) {
      const message = 'Estimated cost: enter an amount such as 1500 or 1,500.00.';
      return setError({ field: 'estimatedCostCents', message });
    }
    commit({ estimatedCostCents: cents }, TYPING_SAVE_DELAY_MS);
  };
  const remove = () => {
    const deleted = session.apply((current) => deleteTask(current, taskId));
    if (!deleted.ok) return setError({ message: deleted.refusal.message });
    const saved = deleted.result.removed;
    offerUndo({
      message: `Deleted the task “${task.title}”.`,
      undo: () => refusalMessage(session.apply((current) => restoreTask(current, saved))),
    });
    window.location.hash = planHref(planId);
  };
  const flush = () => session.flush();

  return (
    <section className="planner-card task-editor" aria-labelledby={`${id}-h`}>
      <div className="task-editor__head">
        <h2 id={`${id}-h`}>Edit task</h2>
        <a href={planHref(planId)}>Back to the list</a>
      </div>
      <SaveAsYouTypeForm className="task-editor__form">
        <TextField
          label="Title"
          className="field--wide"
          value={draft.title}
          maxLength={200}
          error={errorOn(error, 'title')}
          onChange={(e) => text('title', e.target.value)}
          onBlur={flush}
        />
        <SelectField
          label="Phase"
          value={task.phaseId ?? ''}
          onChange={(e) =>
            commit({ phaseId: e.target.value === '' ? null : (e.target.value as PhaseId) })
          }
        >
          <option value="">No phase</option>
          {plan.phases.map((ph) => (
            <option key={ph.id} value={ph.id}>
              {ph.title}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Owner"
          value={draft.owner}
          maxLength={120}
          onChange={(e) => text('owner', e.target.value)}
          onBlur={flush}
        />
        <DateField
          label="Due date"
          value={task.dueDate ?? ''}
          onDateChange={(dueDate) => commit({ dueDate })}
        />
        <SelectField
          label="Status"
          value={task.status}
          onChange={(e) => commit({ status: e.target.value as TaskStatus })}
        >
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {TASK_STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Estimated cost (CAD)"
          inputMode="decimal"
          value={draft.cost}
          error={errorOn(error, 'estimatedCostCents')}
          onChange={(e) => cost(e.target.value)}
          onBlur={flush}
        />
        <TextAreaField
          label="Notes"
          className="field--wide"
          rows={4}
          value={draft.notes}
          maxLength={10000}
          onChange={(e) => text('notes', e.target.value)}
          onBlur={flush}
        />
        {formErrorOf(error) && (
          <p className="field-error field--wide" role="alert">
            {formErrorOf(error)}
          </p>
        )}
      </SaveAsYouTypeForm>
      <div className="task-editor__lists">
        <DocLinks
          label="Linked documents"
          linked={task.linkedDocIds}
          onChange={(linkedDocIds) => commit({ linkedDocIds })}
        />
        <DependencyPicker
          db={db}
          task={task}
          onChange={(dependencies) => commit({ dependencies })}
        />
      </div>
      <p>
        <button type="button" className="button button--secondary button--danger" onClick={remove}>
          Delete task
        </button>
      </p>
    </section>
  );
}
