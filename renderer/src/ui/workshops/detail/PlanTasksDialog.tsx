import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planOrCreate } from '../../../core/planner/operations/plans';
import { addTask } from '../../../core/planner/operations/tasks';
import { captureContextFor, sessionToTaskDrafts } from '../../../core/workshops/captureExport';
import type { WorkshopSession } from '../../../core/workshops/schema';
import { SelectField } from '../../common/fields/SelectField';
import { TextField } from '../../common/fields/TextField';
import { PlanTargetDialog } from '../../planner/PlanTargetDialog';
import type { ViewBlock } from '../../../core/workshops/workshopModel';
import { captureWords } from '../exportWords';
import { countText } from '../timeWords';

export interface PlanTasksDialogProps {
  session: WorkshopSession;
  blocks: readonly ViewBlock[];
}

const NEW_PLAN = '';

/**
 * "Turn into plan tasks": the top-ranked options of each vote and (if wanted) every sticky note
 * become tasks in a plan the trainer picks, or in a new plan.
 */
export function PlanTasksDialog({ session, blocks }: PlanTasksDialogProps) {
  const { t } = useTranslation('workshops');
  const id = useId();
  const [planId, setPlanId] = useState(NEW_PLAN);
  const [newTitle, setNewTitle] = useState(() =>
    t('planTasks.defaultPlanTitle', { workshop: session.workshopTitle }).slice(0, 200),
  );
  const [topRanks, setTopRanks] = useState(3);
  const [includeNotes, setIncludeNotes] = useState(true);

  const drafts = sessionToTaskDrafts(session, captureContextFor(blocks, captureWords()), {
    topRanks,
    includeNotes,
  });
  const count = countText('tasks', drafts.length);

  return (
    <PlanTargetDialog
      title={t('planTasks.title')}
      openerLabel={t('planTasks.title')}
      openerClassName="button button--secondary button--small"
      onOpen={(db) => setPlanId(db.plans[0]?.id ?? NEW_PLAN)}
      fields={(db) => (
        <>
          <SelectField
            label={t('planTasks.plan')}
            value={planId}
            onChange={(event) => setPlanId(event.target.value)}
          >
            {db.plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
            <option value={NEW_PLAN}>{t('planTasks.newPlan')}</option>
          </SelectField>
          {planId === NEW_PLAN && (
            <TextField
              label={t('planTasks.newPlanTitle')}
              value={newTitle}
              onChange={(event) => setNewTitle(event.target.value)}
            />
          )}
          <TextField
            label={t('planTasks.topRanks')}
            controlClassName="field__short"
            type="number"
            min={1}
            max={40}
            value={topRanks}
            onChange={(event) => setTopRanks(Math.max(1, Number(event.target.value) || 1))}
          />
          <div className="ws-check">
            <input
              id={`${id}-notes`}
              type="checkbox"
              checked={includeNotes}
              onChange={(event) => setIncludeNotes(event.target.checked)}
            />
            <label htmlFor={`${id}-notes`}>{t('planTasks.includeNotes')}</label>
          </div>
          <p>
            {drafts.length > 0
              ? t('planTasks.willAdd', { tasks: count })
              : t('planTasks.willAddNone', { tasks: count })}
          </p>
          {drafts.length > 0 && (
            <ul className="ws-plan-drafts">
              {drafts.map((d, i) => (
                <li key={i}>{d.title}</li>
              ))}
            </ul>
          )}
        </>
      )}
      submitLabel={t('planTasks.submit')}
      refusal={() => (drafts.length === 0 ? t('planTasks.nothing') : null)}
      add={(current) => {
        const { db: withPlan, plan: target } = planOrCreate(current, planId, newTitle);
        let next = withPlan;
        for (const draft of drafts) next = addTask(next, target.id, draft).db;
        const text = t('planTasks.added', { tasks: count, plan: target.title });
        return { db: next, done: { planId: target.id, text } };
      }}
    />
  );
}
