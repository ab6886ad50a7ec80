import { useEffect, useState, useSyncExternalStore } from 'react';
import { useHost } from '../shell/HostContext';
import {
  annotationsSessionFor,
  type AnnotationsSession,
  type AnnotationsSnapshot,
} from './annotationsSession';

/** The annotations while they load, once loaded (the session and its snapshot), or failed. */
export type AnnotationsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; session: AnnotationsSession; snapshot: AnnotationsSnapshot };

const noSubscribe = () => () => undefined;
const noSnapshot = () => null;

/** The shared annotations session of this window, re-rendering on every change. */
export function useAnnotations(): AnnotationsState {
  const host = useHost();
  const [loaded, setLoaded] = useState<
    { session: AnnotationsSession } | { error: string } | undefined
  >();
  useEffect(() => {
    let live = true;
    annotationsSessionFor(host.storage).then(
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
