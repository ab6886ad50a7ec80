import { useEffect, useState, useSyncExternalStore } from 'react';
import { useHost } from '../shell/HostContext';
import { plannerSessionFor, type PlannerSession, type PlannerSnapshot } from './plannerSession';

/** The planner while it loads, once loaded (the session and its current snapshot), or failed. */
export type PlannerState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; session: PlannerSession; snapshot: PlannerSnapshot };

const noSubscribe = () => () => undefined;
const noSnapshot = () => null;

/** The shared planner session of this window, re-rendering on every change. */
export function usePlanner(): PlannerState {
  const host = useHost();
  const [loaded, setLoaded] = useState<
    { session: PlannerSession } | { error: string } | undefined
  >();
  useEffect(() => {
    let live = true;
    plannerSessionFor(host.storage).then(
      (session) => live && setLoaded({ session }),
      (error: unknown) =>
        live && setLoaded({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [host]);
  const session = loaded && 'session' in loaded ? loaded.session : null;
  const snapshot = useSyncExternalStore(
    session ? session.subscribe : noSubscribe,
    session ? session.getSnapshot : noSnapshot,
  );
  if (loaded && 'error' in loaded) return { status: 'error', message: loaded.error };
  if (!session || !snapshot) return { status: 'loading' };
  return { status: 'ready', session, snapshot };
}
