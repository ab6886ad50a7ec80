import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { routeHref } from '../../core/routing/hashRoutes';
import { formatDate } from '../common/i18n/format';
import { memberName } from './memberName';
import { teamActivity, type ActivityEntry } from './teamActivity';
import { lastSyncedText } from './TeamStatusLine';
import type { TeamState } from './teamSession';
import { useTeam } from './useTeam';
import './team.css';

/** The Planner home's "Team activity": who changed what in the shared plans, newest first. */
export function TeamActivity() {
  const { t } = useTranslation('team');
  const team = useTeam();
  const revision = team?.state.revision;
  const session = team?.session;
  // Recomputed when the shared records change (the state's revision), not on every render.
  const entries = useMemo(
    () =>
      session && revision !== undefined ? teamActivity(session.records(), session.scope()) : [],
    [session, revision],
  );
  if (!team) return null;
  const { state } = team;
  const joined = state.status !== 'off' && state.status !== 'unavailable';
  return (
    <section aria-labelledby="team-activity-heading" className="planner-section team-activity">
      <h2 id="team-activity-heading">{t('activity.heading')}</h2>
      {joined && state.lastSyncedAt !== null && (
        <p className="team-muted">
          {t('status.lastSynced', { when: lastSyncedText(state.lastSyncedAt) })}
        </p>
      )}
      {!joined && entries.length === 0 ? (
        <p>
          <Trans
            t={t}
            i18nKey="activity.notJoined"
            components={{ settingsLink: <a href={routeHref('settings')} /> }}
          />
        </p>
      ) : entries.length === 0 ? (
        <p>{t('activity.empty')}</p>
      ) : (
        <ol className="team-activity__list">
          {entries.map((entry) => (
            <li key={entry.key}>
              {activityLine(entry, state, t)}
              <time className="team-muted" dateTime={new Date(entry.wall).toISOString()}>
                {formatDate(entry.wall, { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** "Sam changed the task “Name a lead”". */
function activityLine(entry: ActivityEntry, state: TeamState, t: TFunction<'team'>): string {
  const title = entry.title?.trim() || t('activity.untitled');
  const target = t(`activity.kind.${entry.kind}`, { title });
  return t('activity.entry', {
    who: memberName(state, entry.member, t),
    what: t(`activity.action.${entry.action}`, { target }),
  });
}
