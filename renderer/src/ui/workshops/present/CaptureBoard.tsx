import type { WorkshopSession } from '../../../core/workshops/schema';
import { tallyVotes } from '../../../core/workshops/votes';

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
  const notes = recorded?.notes ?? [];
  const votes = recorded?.votes ?? [];
  return (
    <aside className="capture-board" aria-labelledby={headingId}>
      <h2 id={headingId} className="capture-board__title">
        From the room
      </h2>
      {notes.length === 0 && votes.length === 0 && <p>No notes or votes yet.</p>}
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
                  <span className="tally__count">
                    {row.votes} {row.votes === 1 ? 'dot' : 'dots'}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
      {notes.length > 0 && (
        <section aria-label="Sticky notes">
          <h3>Sticky notes</h3>
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
