import type { Loaded, StoreBackend } from '../../core/store/StoreBackend';
import type { SessionData, StoreSession } from '../../core/store/StoreSession';
import type { HostStorage } from '../../host/Host';

/** How long typing may go on before the change is written (one write per pause, not per key). */
export const TYPING_SAVE_DELAY_MS = 600;

/**
 * Makes a store's `sessionFor(storage)`: the session for a host's storage, loaded on first use
 * and shared by every screen afterwards. A load that throws is not cached, so the next screen
 * tries again. A change still waiting for its typing pause is written when the window closes.
 */
export function sessionLoader<T extends SessionData, S extends StoreSession<T, unknown>>(
  createBackend: (storage: HostStorage) => StoreBackend<T>,
  createSession: (backend: StoreBackend<T>, loaded: Loaded<T>) => S,
): (storage: HostStorage) => Promise<S> {
  const sessions = new WeakMap<HostStorage, Promise<S>>();
  const open = async (storage: HostStorage): Promise<S> => {
    const backend = createBackend(storage);
    const session = createSession(backend, await backend.load());
    window.addEventListener('pagehide', () => session.flush());
    return session;
  };
  return (storage) => {
    let session = sessions.get(storage);
    if (!session) {
      session = open(storage);
      sessions.set(storage, session);
      session.catch(() => sessions.delete(storage));
    }
    return session;
  };
}
