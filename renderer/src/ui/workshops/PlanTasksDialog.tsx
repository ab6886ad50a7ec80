import { useId, useState, type FormEvent } from 'react';
import type { PlanId } from '../../core/planner/ids';
import { planOrCreate } from '../../core/planner/operations/plans';
import { addTask } from '../../core/planner/operations/tasks';
import { captureContextFor, sessionToTaskDrafts } from '../../core/workshops/captureExport';
import type { WorkshopSession } from '../../core/workshops/schema';
import { planHref } from '../planner/plannerRoutes';
import { useModalDialog } from '../common/useModalDialog';
import { usePlanner } from '../planner/usePlanner';
import type { ViewBlock } from './workshopModel';

export interface PlanTasksDialogProps {
  session: WorkshopSession;
  blocks: readonly ViewBlock[];
}

const NEW_PLAN = '';

/**
 * "Turn into plan tasks": the top-ranked options of each vote and (if wanted) every sticky note
 * become tasks in a plan the trainer picks, or in a new plan. Uses the window's planner session,
 * so the planner screens show the tasks at once.
 */
export function PlanTasksDialog({ session, blocks }: PlanTasksDialogProps) {
  const id = useId();
  const planner = usePlanner();
  const { dialogRef, openerRef, open, show, close, dismiss } = useModalDialog();
  const [planId, setPlanId] = useState(NEW_PLAN);
  const [newTitle, setNewTitle] = useState(`Follow-up: ${session.workshopTitle}`.slice(0, 200));
  const [topRanks, setTopRanks] = useState(3);
  const [includeNotes, setIncludeNotes] = useState(true);
  const [error, setError] = useState('');
  const [done, setDone] = useState<{ planId: PlanId; text: string } | null>(null);

  const db = planner.status === 'ready' ? planner.snapshot.db : null;
  const drafts = sessionToTaskDrafts(session, captureContextFor(blocks), {
    topRanks,
    includeNotes,
  });

  const start = () => {
    setPlanId(db?.plans[0]?.id ?? NEW_PLAN);
    setError('');
    setDone(null);
    show();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (planner.status !== 'ready') return;
    if (drafts.length === 0) {
      setError('There is nothing to turn into tasks: no voted options and no notes.');
      return;
    }
    const added = planner.session.apply((current) => {
      const { db: withPlan, plan: target } = planOrCreate(current, planId, newTitle);
      let next = withPlan;
      for (const draft of drafts) next = addTask(next, target.id, draft).db;
      const text = `Added ${drafts.length} ${drafts.length === 1 ? 'task' : 'tasks'} to “${target.title}”.`;
      return { db: next, done: { planId: target.id, text } };
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
        className="button button--secondary button--small"
        onClick={start}
        disabled={planner.status !== 'ready'}
        aria-haspopup="dialog"
      >
        Turn into plan tasks
      </button>
      <dialog ref={dialogRef} className="ws-dialog" aria-labelledby={`${id}-h`} onClose={dismiss}>
        {open && (
          <form onSubmit={submit} noValidate>
            <h2 id={`${id}-h`} className="ws-dialog__title">
              Turn into plan tasks
            </h2>
            {done ? (
              <>
                <p role="status">{done.text}</p>
                <div className="ws-actions">
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
                <div className="ws-field">
                  <label htmlFor={`${id}-plan`}>Plan</label>
                  <select
                    id={`${id}-plan`}
                    className="ontario-input"
                    value={planId}
                    onChange={(event) => setPlanId(event.target.value)}
                  >
                    {db?.plans.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.title}
                      </option>
                    ))}
                    <option value={NEW_PLAN}>A new plan</option>
                  </select>
                </div>
                {planId === NEW_PLAN && (
                  <div className="ws-field">
                    <label htmlFor={`${id}-title`}>New plan title</label>
                    <input
                      id={`${id}-title`}
                      className="ontario-input"
                      value={newTitle}
                      onChange={(event) => setNewTitle(event.target.value)}
                    />
                  </div>
                )}
                <div className="ws-field">
                  <label htmlFor={`${id}-top`}>Options per vote (top ranks)</label>
                  <input
                    id={`${id}-top`}
                    className="ontario-input ws-input--narrow"
                    type="number"
                    min={1}
                    max={40}
                    value={topRanks}
                    onChange={(event) => setTopRanks(Math.max(1, Number(event.target.value) || 1))}
                  />
                </div>
                <div className="ws-check">
                  <input
                    id={`${id}-notes`}
                    type="checkbox"
                    checked={includeNotes}
                    onChange={(event) => setIncludeNotes(event.target.checked)}
                  />
                  <label htmlFor={`${id}-notes`}>Every sticky note becomes a task too</label>
                </div>
                <p>
                  {drafts.length} {drafts.length === 1 ? 'task' : 'tasks'} will be added
                  {drafts.length > 0 ? ':' : '.'}
                </p>
                {drafts.length > 0 && (
                  <ul className="ws-dialog__drafts">
                    {drafts.map((d, i) => (
                      <li key={i}>{d.title}</li>
                    ))}
                  </ul>
                )}
                {error && (
                  <p role="alert" className="ws-field__error">
                    {error}
                  </p>
                )}
                <div className="ws-actions">
                  <button type="submit" className="button">
                    Add tasks
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
