import type {
  InstalledPack,
  PackStorage,
  PackToStore,
  StoredPackFile,
} from '../../../../renderer/src/core/packs/packStorage';

/** One stored version: what the page shows of it and its files. */
type Stored = Pick<PackToStore, 'version' | 'files'>;

/**
 * Pack storage in memory, with the guarantees of the `PackStorage` contract the page relies on:
 * an install keeps the version it replaces as `previous` (one level), `rollback` makes it current
 * again, `remove` forgets both, `readFile` reads either version and rejects for anything else.
 *
 * Why not the browser edition's IndexedDB store on fake-indexeddb: under jsdom the byte arrays it
 * reads back come from another realm than the page's, so the store's own `Uint8Array` checks
 * refuse them (a test-environment limit; the Chromium end-to-end test runs the real store).
 */
export class MemoryPacks implements PackStorage {
  private readonly packs = new Map<string, { current: Stored; previous: Stored | null }>();
  /** Ids of packs whose stored state a test made unreadable: listed apart, removable. */
  readonly damaged = new Set<string>();
  /** When set, an install waits for it before storing anything (a slow disk, for tests). */
  installGate: Promise<void> | null = null;

  listDamaged(): Promise<string[]> {
    return Promise.resolve([...this.damaged].sort());
  }

  list(): Promise<InstalledPack[]> {
    const ids = [...this.packs.keys()].sort();
    return Promise.resolve(
      ids.map((id) => {
        const pack = this.packs.get(id) as { current: Stored; previous: Stored | null };
        return { id, current: pack.current.version, previous: pack.previous?.version ?? null };
      }),
    );
  }

  readFile(packId: string, version: string, name: StoredPackFile): Promise<Uint8Array> {
    const pack = this.packs.get(packId);
    const stored = [pack?.current, pack?.previous].find((v) => v?.version.version === version);
    return stored
      ? Promise.resolve(stored.files[name].slice())
      : Promise.reject(new Error(`pack ${packId} ${version} is not installed`));
  }

  async install(pack: PackToStore): Promise<void> {
    if (this.installGate) await this.installGate;
    const before = this.packs.get(pack.id);
    const files = Object.fromEntries(
      Object.entries(pack.files).map(([name, bytes]) => [name, bytes.slice()]),
    ) as PackToStore['files'];
    // The same version again keeps the previous one, as the contract says.
    const same = before?.current.version.version === pack.version.version;
    this.packs.set(pack.id, {
      current: { version: pack.version, files },
      previous: (same ? before.previous : before?.current) ?? null,
    });
  }

  rollback(packId: string): Promise<void> {
    const pack = this.packs.get(packId);
    if (!pack?.previous) return Promise.reject(new Error(`pack ${packId} has no previous version`));
    this.packs.set(packId, { current: pack.previous, previous: null });
    return Promise.resolve();
  }

  remove(packId: string): Promise<void> {
    this.packs.delete(packId);
    this.damaged.delete(packId);
    return Promise.resolve();
  }
}
