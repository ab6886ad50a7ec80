import { useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { HostContext } from '../common/HostContext';
import type { TeamSession, TeamState } from './teamSession';
import { teamSessionFor } from './openTeamSession';

/** The window's team session and its state, or null while it loads (or where it cannot). */
export type TeamView = { session: TeamSession; state: TeamState } | null;

const noSubscribe = () => () => undefined;
const noState = () => null;

/**
 * The team session of this window, re-rendering when its state changes. The team folder is an
 * addition to the screens that show it (a plan's page, the Planner home, the task editor): where
 * no host is given, as in those screens' own component tests, they show none of it.
 */
export function useTeam(): TeamView {
  const host = useContext(HostContext);
  const [session, setSession] = useState<TeamSession | null>(null);
  useEffect(() => {
    if (!host) return;
    let live = true;
    teamSessionFor(host).then(
      (opened) => live && setSession(opened),
      // The planner could not be opened: its own page says why; the team folder stays away.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);
  const state = useSyncExternalStore<TeamState | null>(
    session ? session.subscribe : noSubscribe,
    session ? session.getSnapshot : noState,
  );
  return session && state ? { session, state } : null;
}
