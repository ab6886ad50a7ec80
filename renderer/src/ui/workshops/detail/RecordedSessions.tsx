import { useId } from 'react';
import { deleteSession } from '../../../core/workshops/sessionOperations';
import type { WorkshopSession } from '../../../core/workshops/schema';
import { PlanTasksDialog } from './PlanTasksDialog';
import { SessionExports } from './SessionExports';
import type { WorkshopView } from '../../../core/workshops/workshopModel';
import type { WorkshopsSession, WorkshopsSnapshot } from '../workshopsSession';

export interface RecordedSessionsProps {
  workshop: WorkshopView;
  session: WorkshopsSession;
  snapshot: WorkshopsSnapshot;
}

function runsThis(workshop: WorkshopView, recorded: WorkshopSession): boolean {
  const ref = recorded.workshop;
  return ref.kind === 'bundled'
    ? workshop.ref.kind === 'bundled' && ref.docId === workshop.ref.docId
    : workshop.ref.kind === 'user' && ref.id === workshop.ref.id;
}

/** When a session started, for people (local time). */
export function formatStarted(iso: string): string {
  return new Date(iso).toLocaleString('en-CA', { dateStyle: 'long', timeStyle: 'short' });
}

/** Sessions of this workshop with captured notes or votes: export them or turn them into tasks. */
export function RecordedSessions({ workshop, session, snapshot }: RecordedSessionsProps) {
  const id = useId();
  const recorded = snapshot.db.sessions.filter((s) => runsThis(workshop, s)).reverse();
  return (
    <section aria-labelledby={`${id}-h`} className="ws-section">
      <h2 id={`${id}-h`}>Recorded sessions</h2>
      {recorded.length === 0 ? (
        <p>
          Sticky notes and dot votes you record while presenting are kept here, to export or turn
          into plan tasks.
        </p>
      ) : (
        <ul className="ws-sessions">
          {recorded.map((s) => (
            <li key={s.id} className="ws-card">
              <h3 className="ws-card__title">Session of {formatStarted(s.startedAt)}</h3>
              <p>
                {s.notes.length} {s.notes.length === 1 ? 'note' : 'notes'}, {s.votes.length}{' '}
                {s.votes.length === 1 ? 'vote' : 'votes'}
              </p>
              <div className="ws-actions">
                <SessionExports session={s} blocks={workshop.blocks} />
                <PlanTasksDialog session={s} blocks={workshop.blocks} />
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    if (window.confirm('Delete this recorded session and its notes and votes?'))
                      session.apply((db) => deleteSession(db, s.id));
                  }}
                >
                  Delete session
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
