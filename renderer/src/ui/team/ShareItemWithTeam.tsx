import { useState } from 'react';
import type { MemberId } from '../../core/team/hlc';
import { ShareChoice, type ShareKind } from './ShareChoice';
import { useTeam } from './useTeam';
import './team.css';

export interface ShareItemWithTeamProps {
  kind: Exclude<ShareKind, 'plan'>;
  shared: boolean;
  sharedBy: MemberId | null;
  /** Shares or stops sharing as `me`; returns the refusal, worded, or null. */
  change: (shared: boolean, me: MemberId) => string | null;
  /** Ids of the item's title, so a screen reader hears which item the box is for. */
  describedBy?: string;
}

/**
 * "Share with team" on a workshop session or an own document. Shown once the window has joined a
 * team folder (before that nothing is shared anyway), and on an item already shared, so sharing
 * can be stopped, and so a teammate's item says who shared it.
 */
export function ShareItemWithTeam({
  kind,
  shared,
  sharedBy,
  change,
  describedBy,
}: ShareItemWithTeamProps) {
  const team = useTeam();
  const [problem, setProblem] = useState('');
  if (!team) return null;
  const { state } = team;
  const joined = state.status !== 'off' && state.status !== 'unavailable';
  if (!joined && !shared) return null;
  return (
    <div className="team-share">
      <ShareChoice
        kind={kind}
        shared={shared}
        sharedBy={sharedBy}
        state={state}
        me={team.session.me}
        describedBy={describedBy}
        onChange={(next) => setProblem(change(next, team.session.me) ?? '')}
      />
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}
