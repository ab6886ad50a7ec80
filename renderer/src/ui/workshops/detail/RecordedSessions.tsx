import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteSession, setSessionShared } from '../../../core/workshops/sessionOperations';
import type { WorkshopSession } from '../../../core/workshops/schema';
import { PlanTasksDialog } from './PlanTasksDialog';
import { SessionExports } from './SessionExports';
import type { WorkshopView } from '../../../core/workshops/workshopModel';
import type { WorkshopsSession, WorkshopsSnapshot } from '../workshopsSession';
import { formatDate } from '../../common/i18n/format';
import { countText } from '../timeWords';
import { wordRefusal } from '../../common/i18n/wordMessage';
import { ShareItemWithTeam } from '../../team/ShareItemWithTeam';

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
  return formatDate(iso, { dateStyle: 'long', timeStyle: 'short' });
}

/** Sessions of this workshop with captured notes or votes: export them or turn them into tasks. */
export function RecordedSessions({ workshop, session, snapshot }: RecordedSessionsProps) {
  const { t } = useTranslation('workshops');
  const id = useId();
  const recorded = snapshot.db.sessions.filter((s) => runsThis(workshop, s)).reverse();
  return (
    <section aria-labelledby={`${id}-h`} className="ws-section">
      <h2 id={`${id}-h`}>{t('sessions.heading')}</h2>
      {recorded.length === 0 ? (
        <p>{t('sessions.none')}</p>
      ) : (
        <ul className="ws-sessions">
          {recorded.map((s) => (
            <li key={s.id} className="ws-card">
              <h3 className="ws-card__title" id={`${id}-${s.id}`}>
                {t('sessions.title', { started: formatStarted(s.startedAt) })}
              </h3>
              <p>
                {t('sessions.counts', {
                  notes: countText('notes', s.notes.length),
                  votes: countText('votes', s.votes.length),
                })}
              </p>
              <ShareItemWithTeam
                kind="capture"
                shared={s.shared}
                sharedBy={s.sharedBy}
                describedBy={`${id}-${s.id}`}
                change={(shared, me) =>
                  wordRefusal(session.apply((db) => setSessionShared(db, s.id, shared, me)))
                }
              />
              <div className="ws-actions">
                <SessionExports session={s} blocks={workshop.blocks} />
                <PlanTasksDialog session={s} blocks={workshop.blocks} />
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    if (window.confirm(t('sessions.confirmDelete')))
                      session.apply((db) => deleteSession(db, s.id));
                  }}
                >
                  {t('sessions.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
