import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PhaseId } from '../../core/planner/ids';
import { planOrCreate } from '../../core/planner/operations/plans';
import { addTaskFromDocument, type SourceDocument } from '../../core/planner/operations/tasks';
import type { PlannerDatabase } from '../../core/planner/schema';
import { SelectField } from '../common/fields/SelectField';
import { TextField } from '../common/fields/TextField';
import { PlanTargetDialog } from './PlanTargetDialog';

export interface AddToPlanProps {
  /** The document the button stands on: its id, title and (optional) summary become the task. */
  doc: SourceDocument;
  /** A compact button for dense lists (the default); full size beside other page actions. */
  size?: 'small' | 'regular';
}

const NO_PHASE = '';

/**
 * "Add to plan" for a recommendation, guide step or case study: a button that opens a small
 * dialog to pick a plan and a phase, then adds a task named after the document and linked back
 * to it. With no plan yet, the dialog offers to create one. Works anywhere in the app.
 */
export function AddToPlan({ doc, size = 'small' }: AddToPlanProps) {
  const { t } = useTranslation('planner');
  const [planId, setPlanId] = useState('');
  const [phaseId, setPhaseId] = useState(NO_PHASE);
  const [newTitle, setNewTitle] = useState(() => t('addToPlan.defaultPlanTitle'));
  /** The chosen plan, else the first: the one the select shows. */
  const chosenPlan = (db: PlannerDatabase) => db.plans.find((p) => p.id === planId) ?? db.plans[0];

  return (
    <PlanTargetDialog
      title={t('addToPlan.title')}
      openerLabel={
        <Trans
          t={t}
          i18nKey="addToPlan.opener"
          values={{ title: doc.title }}
          components={{ sr: <span className="ontario-show-for-sr" /> }}
        />
      }
      openerClassName={`button${size === 'small' ? ' button--small' : ''} button--secondary`}
      intro={t('addToPlan.intro', { title: doc.title })}
      onOpen={(db) => {
        const first = db.plans[0];
        setPlanId(first?.id ?? '');
        setPhaseId(defaultPhase(first, doc));
      }}
      fields={(db) => {
        const plan = chosenPlan(db);
        return plan ? (
          <>
            <SelectField
              label={t('addToPlan.plan')}
              value={plan.id}
              onChange={(event) => {
                setPlanId(event.target.value);
                const next = db.plans.find((p) => p.id === event.target.value);
                setPhaseId(defaultPhase(next, doc));
              }}
            >
              {db.plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('addToPlan.phase')}
              value={phaseId}
              onChange={(event) => setPhaseId(event.target.value)}
            >
              <option value={NO_PHASE}>{t('addToPlan.noPhase')}</option>
              {plan.phases.map((ph) => (
                <option key={ph.id} value={ph.id}>
                  {ph.title}
                </option>
              ))}
            </SelectField>
          </>
        ) : (
          <TextField
            label={t('addToPlan.newPlanTitle')}
            hint={t('addToPlan.newPlanHint')}
            value={newTitle}
            onChange={(event) => setNewTitle(event.target.value)}
          />
        );
      }}
      submitLabel={t('addToPlan.submit')}
      add={(current) => {
        const { db: next, plan: target } = planOrCreate(current, chosenPlan(current)?.id, newTitle);
        const phase = target.phases.find((ph) => ph.id === phaseId) ?? null;
        const result = addTaskFromDocument(
          next,
          { planId: target.id, phaseId: phase?.id ?? null },
          doc,
        );
        const names = { task: result.task.title, plan: target.title };
        const text = phase
          ? t('addToPlan.addedToPhase', { ...names, phase: phase.title })
          : t('addToPlan.added', names);
        return { db: result.db, done: { planId: target.id, text } };
      }}
    />
  );
}

/** The phase made from this very document (a guide step), else no phase. */
function defaultPhase(
  plan: PlannerDatabase['plans'][number] | undefined,
  doc: SourceDocument,
): PhaseId | typeof NO_PHASE {
  return plan?.phases.find((ph) => ph.docId === doc.id)?.id ?? NO_PHASE;
}
