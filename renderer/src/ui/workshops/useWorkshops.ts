import { useEffect, useState, useSyncExternalStore } from 'react';
import { useHost } from '../shell/HostContext';
import {
  workshopsSessionFor,
  type WorkshopsSession,
  type WorkshopsSnapshot,
} from './workshopsSession';

/** The workshops store while it loads, once loaded, or failed. */
export type WorkshopsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; session: WorkshopsSession; snapshot: WorkshopsSnapshot };

const noSubscribe = () => () => undefined;
const noSnapshot = () => null;

/** The shared workshops session of this window, re-rendering on every change. */
export function useWorkshops(): WorkshopsState {
  const host = useHost();
  const [loaded, setLoaded] = useState<
    { session: WorkshopsSession } | { error: string } | undefined
  >();
  useEffect(() => {
    let live = true;
    workshopsSessionFor(host.storage).then(
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
