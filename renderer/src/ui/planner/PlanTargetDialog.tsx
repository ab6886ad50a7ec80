import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanId } from '../../core/planner/ids';
import type { PlannerDatabase } from '../../core/planner/schema';
import { wordError } from '../common/i18n/wordMessage';
import { useModalDialog } from '../common/useModalDialog';
import { planHref } from './plannerRoutes';
import { usePlanner } from './usePlanner';
import './planTargetDialog.css';

/** What adding to a plan did: the plan to open, and what to say about it. */
export interface PlanTargetDone {
  planId: PlanId;
  text: string;
}

export interface PlanTargetDialogProps {
  /** The dialog's heading, which names it, e.g. "Add to plan". */
  title: string;
  /** What the button that opens the dialog says, and its classes. */
  openerLabel: ReactNode;
  openerClassName: string;
  /** Said under the heading, e.g. what will become a task. */
  intro?: ReactNode;
  /** Starts the feature's fields afresh each time the dialog opens. */
  onOpen: (db: PlannerDatabase) => void;
  /** The fields: which plan (and phase, or a new plan's title), and the feature's own choices. */
  fields: (db: PlannerDatabase) => ReactNode;
  submitLabel: string;
  /** Why nothing can be added as things stand (said instead of adding), or null. */
  refusal?: () => string | null;
  /** Adds to the planner as it is now: the new planner, and what was done. */
  add: (db: PlannerDatabase) => { db: PlannerDatabase; done: PlanTargetDone };
}

/**
 * A button that opens a modal dialog for putting something into a plan ("Add to plan" for a
 * document, "Turn into plan tasks" for a workshop session): the feature's fields, then "Open the
 * plan" once it is done. It uses the window's shared planner session, so the plan screens show
 * the change at once; a refusal (the planner's, or the feature's `refusal`) is shown in an alert
 * and nothing changes.
 */
export function PlanTargetDialog(props: PlanTargetDialogProps) {
  const { t } = useTranslation('planner');
  const { title, intro, submitLabel } = props;
  const id = useId();
  const planner = usePlanner();
  const { dialogRef, openerRef, open, show, close, dismiss } = useModalDialog();
  const [error, setError] = useState('');
  const [done, setDone] = useState<PlanTargetDone | null>(null);
  const db = planner.status === 'ready' ? planner.snapshot.db : null;

  const start = () => {
    if (!db) return;
    props.onOpen(db);
    setError('');
    setDone(null);
    show();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (planner.status !== 'ready') return;
    const refused = props.refusal?.() ?? null;
    if (refused !== null) return setError(refused);
    const added = planner.session.apply(props.add);
    if (!added.ok) return setError(wordError(added.refusal));
    setError('');
    setDone(added.result.done);
  };

  return (
    <>
      <button
        ref={openerRef}
        type="button"
        className={props.openerClassName}
        onClick={start}
        disabled={planner.status !== 'ready'}
        aria-haspopup="dialog"
      >
        {props.openerLabel}
      </button>
      <dialog ref={dialogRef} className="plan-target" aria-labelledby={`${id}-h`} onClose={dismiss}>
        {open && db && (
          <form onSubmit={submit} noValidate>
            <h2 id={`${id}-h`} className="plan-target__title">
              {title}
            </h2>
            {intro ? <p className="plan-target__intro">{intro}</p> : null}
            {done ? (
              <>
                <p role="status">{done.text}</p>
                <div className="plan-target__actions">
                  <a className="button" href={planHref(done.planId)} onClick={dismiss}>
                    {t('planTarget.openPlan')}
                  </a>
                  <button type="button" className="button button--secondary" onClick={close}>
                    {t('planTarget.close')}
                  </button>
                </div>
              </>
            ) : (
              <>
                {props.fields(db)}
                {error && (
                  <p className="field-error" role="alert">
                    {error}
                  </p>
                )}
                <div className="plan-target__actions">
                  <button type="submit" className="button">
                    {submitLabel}
                  </button>
                  <button type="button" className="button button--secondary" onClick={close}>
                    {t('planTarget.cancel')}
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
