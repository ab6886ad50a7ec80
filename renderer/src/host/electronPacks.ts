/**
 * Installed content packs on the desktop: the `PackStorage` of core/packs/packStorage.ts over the
 * preload bridge. Main keeps them in the data folder (electron/main/packFolder.ts) and checks every
 * request again; the page only ever names a pack, a version and a file. Main answers a refusal as
 * its code, which is thrown here as the same worded error the browser's store throws.
 */
import type { OnmuniBridge, PackStoreAnswer } from '../../../electron/shared/ipcContract';
import type {
  InstalledPack,
  PackStorage,
  PackToStore,
  StoredPackFile,
} from '../core/packs/packStorage';
import { ownBytes } from './ownBytes';
import { PackStoreRefusedError } from './packRefusal';

/** The value of main's answer, or its refusal thrown. */
async function valueOf<T>(answer: Promise<PackStoreAnswer<T>>): Promise<T> {
  const result = await answer;
  if (result.status === 'refused') throw new PackStoreRefusedError(result.refusal);
  return result.value;
}

export class ElectronPacks implements PackStorage {
  constructor(private readonly bridge: OnmuniBridge) {}

  list(): Promise<InstalledPack[]> {
    return this.bridge.packs.list({});
  }

  listDamaged(): Promise<string[]> {
    return this.bridge.packs.listDamaged({});
  }

  readFile(packId: string, version: string, name: StoredPackFile): Promise<Uint8Array> {
    return valueOf(this.bridge.packs.readFile({ packId, version, name }));
  }

  install(pack: PackToStore): Promise<void> {
    const files = Object.fromEntries(
      Object.entries(pack.files).map(([name, bytes]) => [name, ownBytes(bytes)]),
    ) as Record<StoredPackFile, Uint8Array>;
    return valueOf(this.bridge.packs.install({ id: pack.id, version: pack.version, files }));
  }

  rollback(packId: string): Promise<void> {
    return valueOf(this.bridge.packs.rollback({ packId }));
  }

  remove(packId: string): Promise<void> {
    return valueOf(this.bridge.packs.remove({ packId }));
  }
}
