import { useState } from 'react';
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
  const [planId, setPlanId] = useState('');
  const [phaseId, setPhaseId] = useState(NO_PHASE);
  const [newTitle, setNewTitle] = useState('Digital transformation plan');
  /** The chosen plan, else the first: the one the select shows. */
  const chosenPlan = (db: PlannerDatabase) => db.plans.find((p) => p.id === planId) ?? db.plans[0];

  return (
    <PlanTargetDialog
      title="Add to plan"
      openerLabel={
        <>
          Add to plan<span className="ontario-show-for-sr">: {doc.title}</span>
        </>
      }
      openerClassName={`button${size === 'small' ? ' button--small' : ''} button--secondary`}
      intro={<>“{doc.title}” becomes a task linked to this document.</>}
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
              label="Plan"
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
              label="Phase"
              value={phaseId}
              onChange={(event) => setPhaseId(event.target.value)}
            >
              <option value={NO_PHASE}>No phase</option>
              {plan.phases.map((ph) => (
                <option key={ph.id} value={ph.id}>
                  {ph.title}
                </option>
              ))}
            </SelectField>
          </>
        ) : (
          <TextField
            label="Title of a new plan"
            hint="You have no plans yet; one will be created with this task in it."
            value={newTitle}
            onChange={(event) => setNewTitle(event.target.value)}
          />
        );
      }}
      submitLabel="Add task to plan"
      add={(current) => {
        const { db: next, plan: target } = planOrCreate(current, chosenPlan(current)?.id, newTitle);
        const phase = target.phases.find((ph) => ph.id === phaseId) ?? null;
        const result = addTaskFromDocument(
          next,
          { planId: target.id, phaseId: phase?.id ?? null },
          doc,
        );
        const text = `Added “${result.task.title}” to “${target.title}”${phase ? `, ${phase.title}` : ''}.`;
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
