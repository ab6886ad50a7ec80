import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenterNote, QuestionResults, RoomQuestion } from '../../../core/room/protocol';
import { formatNumber } from '../../common/i18n/format';

export interface RoomResultsProps {
  question: RoomQuestion;
  results: QuestionResults;
  /** Hides or shows a note on every screen; absent once the room is closed. */
  hideNote?: (noteId: string, hidden: boolean) => void;
}

/**
 * A question's live results: a bar per option with its number in words (the bar only repeats it),
 * or the notes with their author and upvotes, each with Hide / Show. Participants' text is
 * rendered as text (React escapes it).
 */
export function RoomResults({ question, results, hideNote }: RoomResultsProps) {
  const { t } = useTranslation('room');
  const counts = new Map(results.tallies.map((r) => [r.optionId, r.count]));
  const most = Math.max(1, ...counts.values());
  const unit = question.kind === 'dot-vote' ? 'dots' : 'votes';

  if (question.kind === 'dot-vote' || question.kind === 'poll') {
    return (
      <div className="room-results">
        <p className="room-results__summary">
          {t('presenter.results.voters', {
            count: results.voters,
            shown: formatNumber(results.voters),
          })}
        </p>
        <ul className="room-bars">
          {question.options.map((option) => {
            const count = counts.get(option.id) ?? 0;
            return (
              <li key={option.id} className="room-bars__row">
                <span className="room-bars__label">{option.label}</span>
                <span className="room-bars__track" aria-hidden="true">
                  <span className="room-bars__bar" style={{ width: `${(count / most) * 100}%` }} />
                </span>
                <span className="room-bars__count">
                  {t(`presenter.results.${unit}`, { count, shown: formatNumber(count) })}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    );
  }

  return (
    <div className="room-results">
      {results.notes.length === 0 ? (
        <p className="room-results__summary">{t('presenter.results.noNotes')}</p>
      ) : (
        <ul className="room-notes">
          {results.notes.map((note) => (
            <NoteRow key={note.id} note={note} hideNote={hideNote} />
          ))}
        </ul>
      )}
    </div>
  );
}

function NoteRow({
  note,
  hideNote,
}: {
  note: PresenterNote;
  hideNote: RoomResultsProps['hideNote'];
}) {
  const { t } = useTranslation('room');
  const id = useId();
  return (
    <li className={note.hidden ? 'room-notes__note room-notes__note--hidden' : 'room-notes__note'}>
      <p id={`${id}-text`} className="room-notes__text">
        {note.text}
      </p>
      <p className="room-notes__meta">
        {t('presenter.results.byline', {
          author: note.author ?? t('presenter.results.anonymous'),
          upvotes: t('presenter.results.upvotes', {
            count: note.upvotes,
            shown: formatNumber(note.upvotes),
          }),
        })}
        {note.hidden && <strong> {t('presenter.results.hidden')}</strong>}{' '}
        {hideNote && (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-describedby={`${id}-text`}
            onClick={() => hideNote(note.id, !note.hidden)}
          >
            {note.hidden ? t('presenter.results.show') : t('presenter.results.hide')}
          </button>
        )}
      </p>
    </li>
  );
}
