import { refusalMessage } from '../../../core/store/StoreSession';
import { useId, useState, type FormEvent } from 'react';
import type { PhaseId } from '../../../core/planner/ids';
import {
  addPhase,
  deletePhase,
  movePhase,
  renamePhase,
  restorePhase,
} from '../../../core/planner/operations/plans';
import type { Phase, Plan } from '../../../core/planner/schema';
import { TYPING_SAVE_DELAY_MS } from '../../../core/store/sessionLoader';
import type { PlannerSession } from '../plannerSession';
import type { UndoOffer } from '../../common/useUndo';

export interface PhaseManagerProps {
  session: PlannerSession;
  plan: Plan;
  offerUndo: (offer: UndoOffer) => void;
}

/** The plan's phases: rename, reorder, delete (tasks stay, with no phase; Undo) and add. */
export function PhaseManager({ session, plan, offerUndo }: PhaseManagerProps) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return setError('Give the phase a title.');
    const added = session.apply((db) => addPhase(db, plan.id, { title }));
    setError(refusalMessage(added) ?? '');
    if (added.ok) setTitle('');
  };
  const remove = (phase: Phase) => {
    const deleted = session.apply((db) => deletePhase(db, plan.id, phase.id));
    if (!deleted.ok) return setError(deleted.refusal.message);
    const saved = deleted.result.removed;
    offerUndo({
      message: `Deleted the phase “${phase.title}”; its tasks now have no phase.`,
      undo: () => refusalMessage(session.apply((db) => restorePhase(db, saved))),
    });
  };
  const move = (phaseId: PhaseId, to: number) =>
    setError(refusalMessage(session.apply((db) => movePhase(db, plan.id, phaseId, to))) ?? '');

  return (
    <section className="phase-manager" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Phases</h2>
      {plan.phases.length === 0 && <p className="planner-muted">No phases yet.</p>}
      <ol className="phase-manager__list">
        {plan.phases.map((phase, index) => (
          <PhaseRow
            key={phase.id}
            phase={phase}
            number={index + 1}
            onRename={(text) => {
              if (text.trim() === '') return setError('A phase needs a title.');
              const renamed = session.apply(
                (db) => renamePhase(db, plan.id, phase.id, text),
                TYPING_SAVE_DELAY_MS,
              );
              setError(refusalMessage(renamed) ?? '');
            }}
            onBlur={() => session.flush()}
            onUp={index > 0 ? () => move(phase.id, index - 1) : undefined}
            onDown={index < plan.phases.length - 1 ? () => move(phase.id, index + 1) : undefined}
            onDelete={() => remove(phase)}
          />
        ))}
      </ol>
      <form className="phase-manager__add" onSubmit={add} noValidate>
        <label htmlFor={`${id}-new`}>New phase</label>
        <input
          id={`${id}-new`}
          className="ontario-input"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
        <button type="submit" className="button button--small">
          Add phase
        </button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

interface PhaseRowProps {
  phase: Phase;
  number: number;
  onRename: (title: string) => void;
  onBlur: () => void;
  onUp: (() => void) | undefined;
  onDown: (() => void) | undefined;
  onDelete: () => void;
}

function PhaseRow({ phase, number, onRename, onBlur, onUp, onDown, onDelete }: PhaseRowProps) {
  const [title, setTitle] = useState(phase.title);
  const fieldId = `phase-title-${phase.id}`;
  return (
    <li className="phase-manager__row">
      <label htmlFor={fieldId} className="ontario-show-for-sr">
        Title of phase {number}
      </label>
      <input
        id={fieldId}
        className="ontario-input"
        value={title}
        maxLength={200}
        onBlur={onBlur}
        onChange={(e) => {
          setTitle(e.target.value);
          onRename(e.target.value);
        }}
      />
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={onUp}
        disabled={!onUp}
      >
        Up<span className="ontario-show-for-sr">: move phase {number} up</span>
      </button>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={onDown}
        disabled={!onDown}
      >
        Down<span className="ontario-show-for-sr">: move phase {number} down</span>
      </button>
      <button type="button" className="button button--small button--secondary" onClick={onDelete}>
        Delete<span className="ontario-show-for-sr"> phase “{phase.title}”</span>
      </button>
    </li>
  );
}
