import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PhaseId, TaskId } from '../../../core/planner/ids';
import {
  deleteTask,
  restoreTask,
  updateTask,
  type TaskPatch,
} from '../../../core/planner/operations/tasks';
import { TASK_STATUSES, type TaskStatus } from '../../../core/planner/schema';
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
import { wordError, wordRefusal } from '../../common/i18n/wordMessage';
import { moneyFieldText, readMoneyField, taskStatusLabel } from '../plannerLabels';
import { TaskHistory } from '../../team/TaskHistory';

export interface TaskEditorProps extends PlanViewProps {
  taskId: TaskId;
  offerUndo: (offer: UndoOffer) => void;
}

/** Every field of one task; changes are saved as they are made (typing after a short pause). */
export function TaskEditor({ session, db, planId, taskId, offerUndo }: TaskEditorProps) {
  const { t } = useTranslation('plan');
  const id = useId();
  const task = db.tasks.find((t) => t.id === taskId && t.planId === planId);
  const plan = db.plans.find((p) => p.id === planId);
  const [draft, setDraft] = useState({
    title: task?.title ?? '',
    owner: task?.owner ?? '',
    notes: task?.notes ?? '',
    cost: task?.estimatedCostCents == null ? '' : moneyFieldText(task.estimatedCostCents),
  });
  const [error, setError] = useState<FormError<'title' | 'estimatedCostCents'> | null>(null);

  if (!task || !plan) {
    return (
      <section className="planner-card task-editor" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{t('taskEditor.notFoundHeading')}</h2>
        <p>
          <Trans
            t={t}
            i18nKey="taskEditor.notFound"
            components={{ listLink: <a href={planHref(planId)} /> }}
          />
        </p>
      </section>
    );
  }

  const commit = (patch: TaskPatch, delay = 0) => {
    const updated = session.apply((current) => updateTask(current, taskId, patch), delay);
    const refused = wordRefusal(updated);
    setError((current) =>
      refused === null ? errorAfterSave(current, patch) : { message: refused },
    );
  };
  const text = (field: 'title' | 'owner' | 'notes', value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (field === 'title' && value.trim() === '') {
      return setError({ field: 'title', message: t('taskEditor.titleMissing') });
    }
    commit({ [field]: value }, TYPING_SAVE_DELAY_MS);
  };
  const cost = (value: string) => {
    setDraft((d) => ({ ...d, cost: value }));
    if (value.trim() === '') return commit({ estimatedCostCents: null }, TYPING_SAVE_DELAY_MS);
    const cents = readMoneyField(value);
    if (cents === null) {
      const message = t('taskEditor.costInvalid');
      return setError({ field: 'estimatedCostCents', message });
    }
    commit({ estimatedCostCents: cents }, TYPING_SAVE_DELAY_MS);
  };
  const remove = () => {
    const deleted = session.apply((current) => deleteTask(current, taskId));
    if (!deleted.ok) return setError({ message: wordError(deleted.refusal) });
    const saved = deleted.result.removed;
    offerUndo({
      message: t('taskEditor.deleted', { title: task.title }),
      undo: () => wordRefusal(session.apply((current) => restoreTask(current, saved))),
    });
    window.location.hash = planHref(planId);
  };
  const flush = () => session.flush();

  return (
    <section className="planner-card task-editor" aria-labelledby={`${id}-h`}>
      <div className="task-editor__head">
        <h2 id={`${id}-h`}>{t('taskEditor.heading')}</h2>
        <a href={planHref(planId)}>{t('taskEditor.backToList')}</a>
      </div>
      <SaveAsYouTypeForm className="task-editor__form">
        <TextField
          label={t('taskFields.title')}
          className="field--wide"
          value={draft.title}
          maxLength={200}
          error={errorOn(error, 'title')}
          onChange={(e) => text('title', e.target.value)}
          onBlur={flush}
        />
        <SelectField
          label={t('taskFields.phase')}
          value={task.phaseId ?? ''}
          onChange={(e) =>
            commit({ phaseId: e.target.value === '' ? null : (e.target.value as PhaseId) })
          }
        >
          <option value="">{t('noPhase')}</option>
          {plan.phases.map((ph) => (
            <option key={ph.id} value={ph.id}>
              {ph.title}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('taskFields.owner')}
          value={draft.owner}
          maxLength={120}
          onChange={(e) => text('owner', e.target.value)}
          onBlur={flush}
        />
        <DateField
          label={t('taskFields.dueDate')}
          value={task.dueDate ?? ''}
          onDateChange={(dueDate) => commit({ dueDate })}
        />
        <SelectField
          label={t('taskFields.status')}
          value={task.status}
          onChange={(e) => commit({ status: e.target.value as TaskStatus })}
        >
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {taskStatusLabel(s)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('taskFields.estimatedCost')}
          inputMode="decimal"
          value={draft.cost}
          error={errorOn(error, 'estimatedCostCents')}
          onChange={(e) => cost(e.target.value)}
          onBlur={flush}
        />
        <TextAreaField
          label={t('taskFields.notes')}
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
          label={t('taskFields.linkedDocuments')}
          linked={task.linkedDocIds}
          onChange={(linkedDocIds) => commit({ linkedDocIds })}
        />
        <DependencyPicker
          db={db}
          task={task}
          onChange={(dependencies) => commit({ dependencies })}
        />
      </div>
      <TaskHistory taskId={taskId} />
      <p>
        <button type="button" className="button button--secondary button--danger" onClick={remove}>
          {t('taskEditor.delete')}
        </button>
      </p>
    </section>
  );
}
