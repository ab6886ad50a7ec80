import { useEffect, useState, useSyncExternalStore } from 'react';
import { useHost } from './HostContext';
import type { DocumentStorage } from '../../core/store/DocumentStorage';
import { wordError } from './i18n/wordMessage';

/** A feature's session while it loads, once loaded (the session and its snapshot), or failed. */
export type StoreSessionState<S, Snapshot> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; session: S; snapshot: Snapshot };

const noSubscribe = () => () => undefined;
const noSnapshot = () => null;

/**
 * The shared session `sessionFor` opens for this window's host storage, re-rendering on every
 * change. `sessionFor` must be a stable (module-level) function.
 */
export function useStoreSession<
  S extends { subscribe: (listener: () => void) => () => void; getSnapshot: () => Snapshot },
  Snapshot,
>(sessionFor: (storage: DocumentStorage) => Promise<S>): StoreSessionState<S, Snapshot> {
  const host = useHost();
  const [loaded, setLoaded] = useState<{ session: S } | { error: string } | undefined>();
  useEffect(() => {
    let live = true;
    sessionFor(host.storage).then(
      (session) => live && setLoaded({ session }),
      (error: unknown) => live && setLoaded({ error: wordError(error) }),
    );
    return () => {
      live = false;
    };
  }, [host, sessionFor]);
  const session = loaded && 'session' in loaded ? loaded.session : null;
  const snapshot = useSyncExternalStore<Snapshot | null>(
    session ? session.subscribe : noSubscribe,
    session ? session.getSnapshot : noSnapshot,
  );
  if (loaded && 'error' in loaded) return { status: 'error', message: loaded.error };
  if (!session || !snapshot) return { status: 'loading' };
  return { status: 'ready', session, snapshot };
}
