import type { Loaded, StoreBackend } from './StoreBackend';
import type { SessionData, StoreSession } from './StoreSession';
import type { DocumentStorage } from './DocumentStorage';

/** How long typing may go on before the change is written (one write per pause, not per key). */
export const TYPING_SAVE_DELAY_MS = 600;

/**
 * Makes a store's `sessionFor(storage)`: the session for a host's storage, loaded on first use
 * and shared by every screen afterwards. A load that throws is not cached, so the next screen
 * tries again. `onClose` registers the flush that writes a change still waiting for its typing
 * pause when the page goes away (the UI passes `flushOnPageHide`); it is a parameter so this
 * stays free of the DOM.
 */
export function sessionLoader<
  T extends SessionData,
  S extends StoreSession<T, unknown>,
  B extends StoreBackend<T> = StoreBackend<T>,
>(
  createBackend: (storage: DocumentStorage) => B & StoreBackend<T>,
  createSession: (backend: B, loaded: Loaded<T>) => S,
  onClose: (flush: () => void) => void,
): (storage: DocumentStorage) => Promise<S> {
  const sessions = new WeakMap<DocumentStorage, Promise<S>>();
  const open = async (storage: DocumentStorage): Promise<S> => {
    const backend = createBackend(storage);
    const session = createSession(backend, await backend.load());
    onClose(() => session.flush());
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
