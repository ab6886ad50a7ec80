import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
import { wordError, wordRefusal } from '../../common/i18n/wordMessage';

export interface PhaseManagerProps {
  session: PlannerSession;
  plan: Plan;
  offerUndo: (offer: UndoOffer) => void;
}

/** The plan's phases: rename, reorder, delete (tasks stay, with no phase; Undo) and add. */
export function PhaseManager({ session, plan, offerUndo }: PhaseManagerProps) {
  const { t } = useTranslation('plan');
  const id = useId();
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return setError(t('phases.titleMissing'));
    const added = session.apply((db) => addPhase(db, plan.id, { title }));
    setError(wordRefusal(added) ?? '');
    if (added.ok) setTitle('');
  };
  const remove = (phase: Phase) => {
    const deleted = session.apply((db) => deletePhase(db, plan.id, phase.id));
    if (!deleted.ok) return setError(wordError(deleted.refusal));
    const saved = deleted.result.removed;
    offerUndo({
      message: t('phases.deleted', { title: phase.title }),
      undo: () => wordRefusal(session.apply((db) => restorePhase(db, saved))),
    });
  };
  const move = (phaseId: PhaseId, to: number) =>
    setError(wordRefusal(session.apply((db) => movePhase(db, plan.id, phaseId, to))) ?? '');

  return (
    <section className="phase-manager" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('phases.heading')}</h2>
      {plan.phases.length === 0 && <p className="planner-muted">{t('phases.none')}</p>}
      <ol className="phase-manager__list">
        {plan.phases.map((phase, index) => (
          <PhaseRow
            key={phase.id}
            phase={phase}
            number={index + 1}
            onRename={(text) => {
              if (text.trim() === '') return setError(t('phases.renamedEmpty'));
              const renamed = session.apply(
                (db) => renamePhase(db, plan.id, phase.id, text),
                TYPING_SAVE_DELAY_MS,
              );
              setError(wordRefusal(renamed) ?? '');
            }}
            onBlur={() => session.flush()}
            onUp={index > 0 ? () => move(phase.id, index - 1) : undefined}
            onDown={index < plan.phases.length - 1 ? () => move(phase.id, index + 1) : undefined}
            onDelete={() => remove(phase)}
          />
        ))}
      </ol>
      <form className="phase-manager__add" onSubmit={add} noValidate>
        <label htmlFor={`${id}-new`}>{t('phases.newPhase')}</label>
        <input
          id={`${id}-new`}
          className="ontario-input"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
        <button type="submit" className="button button--small">
          {t('phases.add')}
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
  const { t } = useTranslation('plan');
  const [title, setTitle] = useState(phase.title);
  const fieldId = `phase-title-${phase.id}`;
  return (
    <li className="phase-manager__row">
      <label htmlFor={fieldId} className="ontario-show-for-sr">
        {t('phases.rowTitle', { number })}
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
        <Trans t={t} i18nKey="phases.up" values={{ number }} components={{ sr: <Sr /> }} />
      </button>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={onDown}
        disabled={!onDown}
      >
        <Trans t={t} i18nKey="phases.down" values={{ number }} components={{ sr: <Sr /> }} />
      </button>
      <button type="button" className="button button--small button--secondary" onClick={onDelete}>
        <Trans
          t={t}
          i18nKey="phases.delete"
          values={{ title: phase.title }}
          components={{ sr: <Sr /> }}
        />
      </button>
    </li>
  );
}

/** Words for screen readers only, inside a catalogue sentence. */
function Sr({ children }: { children?: ReactNode }) {
  return <span className="ontario-show-for-sr">{children}</span>;
}
