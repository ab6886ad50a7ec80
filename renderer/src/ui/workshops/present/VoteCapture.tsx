import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureId } from '../../../core/workshops/ids';
import type { StoredDotVote } from '../../../core/workshops/schema';
import { addDotVote, castDot, uncastDot } from '../../../core/workshops/sessionOperations';
import { dotsLeft, tallyVotes, type DotRefusal } from '../../../core/workshops/votes';
import { formatNumber } from '../../common/i18n/format';
import { t } from '../../common/i18n/i18n';
import { countText } from '../timeWords';
import type { Presentation } from './usePresentation';

/** Why a dot was refused, in words. */
function refusalText(reason: DotRefusal): string {
  switch (reason) {
    case 'no-dots-left':
      return t('workshops:votes.noDotsLeft');
    case 'option-limit':
      return t('workshops:votes.optionLimit');
    case 'unknown-option':
      return t('workshops:votes.unknownOption');
    case 'no-participant':
      return t('workshops:votes.noParticipant');
  }
}

/** Dot votes: open one with a question and options, then place each participant's dots. */
export function VoteCapture({ presentation }: { presentation: Presentation }) {
  const { t } = useTranslation('workshops');
  const id = useId();
  const [question, setQuestion] = useState(() => t('votes.defaultQuestion'));
  const [options, setOptions] = useState('');
  const [dots, setDots] = useState('3');
  const [error, setError] = useState('');
  const votes = presentation.recorded?.votes ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const labels = options.split('\n').filter((o) => o.trim() !== '');
    if (labels.length === 0) {
      setError(t('votes.noOptions'));
      return;
    }
    const problem = presentation.record(
      (db, sessionId) =>
        addDotVote(db, sessionId, {
          question,
          options: labels,
          dotsPerPerson: Math.max(1, Math.min(50, Number(dots) || 1)),
        }).db,
    );
    setError(problem ?? '');
    if (!problem) setOptions('');
  };

  return (
    <section aria-labelledby={`${id}-h`} className="capture-part">
      <h3 id={`${id}-h`}>{t('votes.heading')}</h3>
      {votes.map((vote) => (
        <VoteCard key={vote.id} vote={vote} presentation={presentation} />
      ))}
      <details className="capture-new" open={votes.length === 0}>
        <summary>{t('votes.open')}</summary>
        <form onSubmit={submit} noValidate className="capture-form">
          <div className="ws-field">
            <label htmlFor={`${id}-q`}>{t('votes.question')}</label>
            <input
              id={`${id}-q`}
              className="ontario-input"
              value={question}
              onChange={(event) => setQuestion(event.target.value)}
            />
          </div>
          <div className="ws-field">
            <label htmlFor={`${id}-o`}>{t('votes.options')}</label>
            <textarea
              id={`${id}-o`}
              className="ontario-input"
              rows={4}
              value={options}
              onChange={(event) => setOptions(event.target.value)}
            />
          </div>
          <div className="ws-field">
            <label htmlFor={`${id}-d`}>{t('votes.dotsPerPerson')}</label>
            <input
              id={`${id}-d`}
              className="ontario-input ws-input--narrow"
              type="number"
              min={1}
              max={50}
              value={dots}
              onChange={(event) => setDots(event.target.value)}
            />
          </div>
          {error && (
            <p role="alert" className="ws-field__error">
              {error}
            </p>
          )}
          <button type="submit" className="button button--small">
            {t('votes.submit')}
          </button>
        </form>
      </details>
    </section>
  );
}

/** One open vote: who is voting, a button per option, and the tally so far. */
function VoteCard({ vote, presentation }: { vote: StoredDotVote; presentation: Presentation }) {
  const { t } = useTranslation('workshops');
  const id = useId();
  const [participant, setParticipant] = useState('');
  const [message, setMessage] = useState('');
  const tally = tallyVotes(vote);
  const votesFor = new Map(tally.rows.map((r) => [r.optionId, r.votes]));

  const place = (optionId: CaptureId, label: string) => {
    let refused: string | null = null;
    const problem = presentation.record((db, sessionId) => {
      const result = castDot(db, sessionId, vote.id, participant, optionId);
      if (result.refused) refused = refusalText(result.refused);
      return result.db;
    });
    // The vote as it was before this dot, so one fewer is left now.
    const left = Math.max(0, dotsLeft(vote, participant) - 1);
    setMessage(
      problem ??
        refused ??
        t('votes.placed', {
          option: label,
          participant: participant.trim(),
          count: left,
          shown: formatNumber(left),
        }),
    );
  };

  const takeBack = (optionId: CaptureId) => {
    setMessage(
      presentation.record((db, sessionId) =>
        uncastDot(db, sessionId, vote.id, participant, optionId),
      ) ?? t('votes.takenBack'),
    );
  };

  return (
    <div className="vote-card">
      <h4 className="vote-card__question">{vote.question}</h4>
      <p className="ws-hint">
        {t('votes.perPerson', {
          dots: countText('dots', vote.dotsPerPerson),
          participants: countText('participants', tally.participants),
        })}
      </p>
      <div className="ws-field">
        <label htmlFor={`${id}-p`}>{t('votes.participant')}</label>
        <input
          id={`${id}-p`}
          className="ontario-input"
          value={participant}
          onChange={(event) => setParticipant(event.target.value)}
        />
      </div>
      <ul className="vote-card__options">
        {vote.options.map((option) => (
          <li key={option.id}>
            <button
              type="button"
              className="button button--small"
              onClick={() => place(option.id, option.label)}
            >
              {t('votes.dotFor', { option: option.label })}
            </button>{' '}
            <span className="vote-card__count">
              {countText('dots', votesFor.get(option.id) ?? 0)}
            </span>{' '}
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('votes.removeDot', { option: option.label })}
              onClick={() => takeBack(option.id)}
            >
              {t('votes.undo')}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" className="vote-card__status">
        {message}
      </p>
    </div>
  );
}
