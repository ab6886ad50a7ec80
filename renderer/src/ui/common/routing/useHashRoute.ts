import { useMemo, useSyncExternalStore } from 'react';
import type { ParsedRoute } from '../../../core/routing/hashRoutes';
import { parseHash } from '../../../core/routing/hashRoutes';

let hashChanges = 0;

function subscribe(onChange: () => void): () => void {
  const listener = () => {
    hashChanges += 1;
    onChange();
  };
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

const getHash = () => window.location.hash;

/** The current hash route; re-renders on every `hashchange` (links, back, forward, typing). */
export function useHashRoute(): ParsedRoute {
  const hash = useSyncExternalStore(subscribe, getHash);
  return useMemo(() => parseHash(hash), [hash]);
}

/**
 * Whether the user has moved between pages since the app started. Pages move focus to their
 * heading only after a move: on first load, focus stays at the top so the skip link comes first.
 */
export function hasNavigated(): boolean {
  return hashChanges > 0;
}
