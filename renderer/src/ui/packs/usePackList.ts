import { useEffect, useState } from 'react';
import type { InstalledPack } from '../../core/packs/packStorage';
import { wordError } from '../common/i18n/wordMessage';
import { useHost } from '../common/HostContext';
import { loadBundledLibrary, onLibraryChange } from '../content/contentData';
import { unreadablePacks } from './packCollections';

/** The Content packs page's list, as loaded. */
export type PackList =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      /** How many documents the bundled library has. */
      bundledCount: number;
      packs: InstalledPack[];
      /** Ids of packs whose stored state cannot be read: listed so they can be removed. */
      damaged: string[];
      /** Why a pack is left out of the library, by pack id. */
      unreadable: ReadonlyMap<string, string>;
    };

/**
 * The installed packs as storage lists them, with the packs the library could not read, loaded
 * again after each change to the library (install, update, roll back, remove).
 */
export function usePackList(): PackList {
  const host = useHost();
  const [list, setList] = useState<PackList>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = () => {
      // Only the latest load is shown: an earlier one may settle after it.
      const run = ++latest;
      Promise.all([
        loadBundledLibrary(),
        host.packs.list(),
        host.packs.listDamaged(),
        unreadablePacks(),
      ]).then(
        ([bundled, packs, damaged, problems]) => {
          if (!live || run !== latest) return;
          if (problems.list !== null) return setList({ status: 'error', message: problems.list });
          setList({
            status: 'ready',
            bundledCount: bundled.entries.length,
            packs,
            damaged,
            unreadable: problems.packs,
          });
        },
        (error: unknown) =>
          live && run === latest && setList({ status: 'error', message: wordError(error) }),
      );
    };
    load();
    const stop = onLibraryChange(load);
    return () => {
      live = false;
      stop();
    };
  }, [host]);
  return list;
}
