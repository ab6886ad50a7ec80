import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  createTrustedKeysStore,
  withTrustedKey,
  withoutTrustedKey,
  type TrustedKeys,
} from '../../core/packs/trustedKeys';
import { useHost } from '../common/HostContext';

/**
 * The keys the user trusts, as the Content packs page shows them: loaded once, changed from a
 * signed pack's preview (trust) or the list of trusted keys (stop trusting). Every "verified" on
 * the page is worked out from `keys` as they are now (`signatureStatus`), so a change shows at once.
 */
export interface TrustedKeysSession {
  /** The trusted keys (none while they load, or when nothing is stored or it cannot be read). */
  keys: readonly string[];
  /** Adds `key` and saves; rejects when storage refuses (then nothing changed). */
  trust(key: string): Promise<void>;
  /** Removes `key` and saves; rejects when storage refuses (then nothing changed). */
  untrust(key: string): Promise<void>;
}

/** The trusted keys in the host's storage (core/packs/trustedKeys.ts). */
export function useTrustedKeys(): TrustedKeysSession {
  const host = useHost();
  const store = useMemo(() => createTrustedKeysStore(host.storage), [host]);
  const [keys, setKeys] = useState<readonly string[]>([]);

  useEffect(() => {
    let live = true;
    store.load().then(
      (loaded) => live && setKeys(loaded.data.keys),
      // Unreadable storage: nothing is trusted, as parseTrustedKeys treats an unreadable list.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [store]);

  const change = useCallback(
    async (next: (current: TrustedKeys) => TrustedKeys) => {
      // Read again before writing: another window may have changed the list meanwhile.
      const saved = next((await store.load()).data);
      await store.save(saved);
      setKeys(saved.keys);
    },
    [store],
  );

  return useMemo(
    () => ({
      keys,
      trust: (key) => change((current) => withTrustedKey(current, key)),
      untrust: (key) => change((current) => withoutTrustedKey(current, key)),
    }),
    [keys, change],
  );
}
