import { useId, useState, type FormEvent } from 'react';
import type { PhaseId } from '../../core/planner/ids';
import { planOrCreate } from '../../core/planner/operations/plans';
import { addTaskFromDocument, type SourceDocument } from '../../core/planner/operations/tasks';
import type { PlannerDatabase } from '../../core/planner/schema';
import { planHref } from './plannerRoutes';
import { useModalDialog } from '../common/useModalDialog';
import { usePlanner } from './usePlanner';
import './addToPlan.css';

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
 * to it. With no plan yet, the dialog offers to create one. Works anywhere in the app: it uses
 * the window's shared planner session, so the plan screens show the task at once.
 */
export function AddToPlan({ doc, size = 'small' }: AddToPlanProps) {
  const id = useId();
  const planner = usePlanner();
  const { dialogRef, openerRef, open, show, close, dismiss } = useModalDialog();
  const [planId, setPlanId] = useState('');
  const [phaseId, setPhaseId] = useState(NO_PHASE);
  const [newTitle, setNewTitle] = useState('Digital transformation plan');
  const [error, setError] = useState('');
  const [done, setDone] = useState<{ planId: string; text: string } | null>(null);

  const db = planner.status === 'ready' ? planner.snapshot.db : null;
  const plan = db?.plans.find((p) => p.id === planId) ?? db?.plans[0];

  const start = () => {
    const first = db?.plans[0];
    setPlanId(first?.id ?? '');
    setPhaseId(defaultPhase(first, doc));
    setError('');
    setDone(null);
    show();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (planner.status !== 'ready') return;
    const added = planner.session.apply((current) => {
      const { db: next, plan: target } = planOrCreate(current, plan?.id, newTitle);
      const phase = target.phases.find((ph) => ph.id === phaseId) ?? null;
      const result = addTaskFromDocument(
        next,
        { planId: target.id, phaseId: phase?.id ?? null },
        doc,
      );
      const text = `Added “${result.task.title}” to “${target.title}”${phase ? `, ${phase.title}` : ''}.`;
      return { db: result.db, done: { planId: target.id, text } };
    });
    if (!added.ok) {
      setError(added.refusal.message);
      return;
    }
    setError('');
    setDone(added.result.done);
  };

  return (
    <>
      <button
        ref={openerRef}
        type="button"
        className={`button${size === 'small' ? ' button--small' : ''} button--secondary add-to-plan__open`}
        onClick={start}
        disabled={planner.status !== 'ready'}
        aria-haspopup="dialog"
      >
        Add to plan<span className="ontario-show-for-sr">: {doc.title}</span>
      </button>
      <dialog ref={dialogRef} className="add-to-plan" aria-labelledby={`${id}-h`} onClose={dismiss}>
        {open && (
          <form onSubmit={submit} noValidate>
            <h2 id={`${id}-h`} className="add-to-plan__title">
              Add to plan
            </h2>
            <p className="add-to-plan__doc">
              “{doc.title}” becomes a task linked to this document.
            </p>
            {done ? (
              <>
                <p role="status">{done.text}</p>
                <div className="planner-actions">
                  <a className="button" href={planHref(done.planId)} onClick={dismiss}>
                    Open the plan
                  </a>
                  <button type="button" className="button button--secondary" onClick={close}>
                    Close
                  </button>
                </div>
              </>
            ) : (
              <>
                {db && db.plans.length > 0 && plan ? (
                  <>
                    <div className="field">
                      <label htmlFor={`${id}-plan`}>Plan</label>
                      <select
                        id={`${id}-plan`}
                        className="ontario-input"
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
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`${id}-phase`}>Phase</label>
                      <select
                        id={`${id}-phase`}
                        className="ontario-input"
                        value={phaseId}
                        onChange={(event) => setPhaseId(event.target.value)}
                      >
                        <option value={NO_PHASE}>No phase</option>
                        {plan.phases.map((ph) => (
                          <option key={ph.id} value={ph.id}>
                            {ph.title}
                          </option>
                        ))}
                      </select>
                    </div>
                  </>
                ) : (
                  <div className="field">
                    <label htmlFor={`${id}-new`}>Title of a new plan</label>
                    <p className="hint" id={`${id}-new-hint`}>
                      You have no plans yet; one will be created with this task in it.
                    </p>
                    <input
                      id={`${id}-new`}
                      className="ontario-input"
                      value={newTitle}
                      aria-describedby={`${id}-new-hint`}
                      onChange={(event) => setNewTitle(event.target.value)}
                    />
                  </div>
                )}
                {error && (
                  <p className="field-error" role="alert">
                    {error}
                  </p>
                )}
                <div className="planner-actions">
                  <button type="submit" className="button">
                    Add task to plan
                  </button>
                  <button type="button" className="button button--secondary" onClick={close}>
                    Cancel
                  </button>
                </div>
              </>
            )}
          </form>
        )}
      </dialog>
    </>
  );
}

/** The phase made from this very document (a guide step), else no phase. */
function defaultPhase(
  plan: PlannerDatabase['plans'][number] | undefined,
  doc: SourceDocument,
): PhaseId | typeof NO_PHASE {
  return plan?.phases.find((ph) => ph.docId === doc.id)?.id ?? NO_PHASE;
}
