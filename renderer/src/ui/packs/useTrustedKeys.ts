import { useMemo } from 'react';
import { createTrustedKeysStore, withTrustedKey } from '../../core/packs/trustedKeys';
import { useHost } from '../common/HostContext';

/** The keys the user trusts, read when needed and added to from a signed pack's preview. */
export interface TrustedKeysSession {
  /** The trusted keys as stored now (none when nothing is stored or it cannot be read). */
  keys(): Promise<string[]>;
  /** Adds `key` and saves; resolves with the new list, rejects when storage refuses. */
  trust(key: string): Promise<string[]>;
}

/** The trusted keys in the host's storage (core/packs/trustedKeys.ts). */
export function useTrustedKeys(): TrustedKeysSession {
  const host = useHost();
  return useMemo(() => {
    const store = createTrustedKeysStore(host.storage);
    return {
      keys: async () => (await store.load()).data.keys,
      trust: async (key) => {
        const next = withTrustedKey((await store.load()).data, key);
        await store.save(next);
        return next.keys;
      },
    };
  }, [host]);
}
