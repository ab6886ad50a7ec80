import { createContext, useContext } from 'react';
import type { Host } from '../../host/Host';

/** The host the app runs in, for components that open files, print or show app info. */
export const HostContext = createContext<Host | null>(null);

/** The current host. Throws outside the provider, which is a programming error. */
export function useHost(): Host {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost() needs a <HostContext.Provider> above it.');
  return host;
}
