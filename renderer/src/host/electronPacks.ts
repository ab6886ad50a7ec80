/**
 * Installed content packs on the desktop: the `PackStorage` of core/packs/packStorage.ts over the
 * preload bridge. Main keeps them in the data folder (electron/main/packFolder.ts) and checks every
 * request again; the page only ever names a pack, a version and a file.
 */
import type { OnmuniBridge } from '../../../electron/shared/ipcContract';
import type {
  InstalledPack,
  PackStorage,
  PackToStore,
  StoredPackFile,
} from '../core/packs/packStorage';
import { ownBytes } from './ownBytes';

export class ElectronPacks implements PackStorage {
  constructor(private readonly bridge: OnmuniBridge) {}

  list(): Promise<InstalledPack[]> {
    return this.bridge.packs.list({});
  }

  readFile(packId: string, version: string, name: StoredPackFile): Promise<Uint8Array> {
    return this.bridge.packs.readFile({ packId, version, name });
  }

  install(pack: PackToStore): Promise<void> {
    const files = Object.fromEntries(
      Object.entries(pack.files).map(([name, bytes]) => [name, ownBytes(bytes)]),
    ) as Record<StoredPackFile, Uint8Array>;
    return this.bridge.packs.install({ id: pack.id, version: pack.version, files });
  }

  rollback(packId: string): Promise<void> {
    return this.bridge.packs.rollback({ packId });
  }

  remove(packId: string): Promise<void> {
    return this.bridge.packs.remove({ packId });
  }
}
