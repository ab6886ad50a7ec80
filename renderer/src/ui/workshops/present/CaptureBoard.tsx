import { useTranslation } from 'react-i18next';
import type { WorkshopSession } from '../../../core/workshops/schema';
import { tallyVotes } from '../../../core/workshops/votes';
import { countText } from '../timeWords';

export interface CaptureBoardProps {
  recorded: WorkshopSession | null;
  /** Heading level of the board's title (the audience view's slide title is an h2). */
  headingId: string;
}

/**
 * What the room has said so far, as the audience screen shows it: each vote's tally (most dots
 * first, with the count in words next to the bar) and the sticky notes.
 */
export function CaptureBoard({ recorded, headingId }: CaptureBoardProps) {
  const { t } = useTranslation('workshops');
  const notes = recorded?.notes ?? [];
  const votes = recorded?.votes ?? [];
  return (
    <aside className="capture-board" aria-labelledby={headingId}>
      <h2 id={headingId} className="capture-board__title">
        {t('board.heading')}
      </h2>
      {notes.length === 0 && votes.length === 0 && <p>{t('board.empty')}</p>}
      {votes.map((vote) => {
        const tally = tallyVotes(vote);
        return (
          <section key={vote.id} className="capture-board__vote" aria-label={vote.question}>
            <h3>{vote.question}</h3>
            <ol className="tally">
              {tally.rows.map((row) => (
                <li key={row.optionId} className="tally__row">
                  <span className="tally__label">{row.label}</span>
                  <span className="tally__bar" aria-hidden="true">
                    <span style={{ width: `${Math.round(row.share * 100)}%` }} />
                  </span>
                  <span className="tally__count">{countText('dots', row.votes)}</span>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
      {notes.length > 0 && (
        <section aria-label={t('board.notes')}>
          <h3>{t('board.notes')}</h3>
          <ul className="sticky-notes">
            {notes.map((note) => (
              <li key={note.id} className="sticky-note">
                {note.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
