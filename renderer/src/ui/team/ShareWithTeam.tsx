import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { setPlanShared } from '../../core/planner/operations/plans';
import type { Plan } from '../../core/planner/schema';
import { routeHref } from '../../core/routing/hashRoutes';
import { wordRefusal } from '../common/i18n/wordMessage';
import type { PlannerSession } from '../planner/plannerSession';
import { ShareChoice } from './ShareChoice';
import { useTeam } from './useTeam';
import './team.css';

/**
 * "Share with team" on a plan's page: the plan, its phases and tasks go to the team folder (and
 * come back with the team's changes). Says who shared it, and where to join a folder when this
 * window has not joined one.
 */
export function ShareWithTeam({ session, plan }: { session: PlannerSession; plan: Plan }) {
  const { t } = useTranslation('team');
  const team = useTeam();
  const [problem, setProblem] = useState('');
  if (!team) return null;
  const { state } = team;
  const me = team.session.me;
  const change = (shared: boolean) => {
    const refused = wordRefusal(session.apply((db) => setPlanShared(db, plan.id, shared, me)));
    setProblem(refused ?? '');
  };
  const joined = state.status !== 'off' && state.status !== 'unavailable';
  return (
    <div className="team-share">
      <ShareChoice
        kind="plan"
        shared={plan.shared}
        sharedBy={plan.sharedBy}
        state={state}
        me={me}
        onChange={change}
      />
      {problem && <p role="alert">{problem}</p>}
      {!joined && (
        <p className="team-muted">
          <Trans
            t={t}
            i18nKey="plan.notJoined"
            components={{ settingsLink: <a href={routeHref('settings')} /> }}
          />
        </p>
      )}
    </div>
  );
}
