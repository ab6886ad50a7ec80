import type { StoredPackFile, StoredPackVersion } from '../../../../electron/shared/packRules';

/**
 * Where installed content packs live (issue 15), as each host provides it (`Host.packs`): on the
 * desktop a folder per pack and version in the data folder, written by main and addressed by id
 * over IPC (main never takes a path from the page); in the browser edition IndexedDB.
 *
 * A pack is stored as the files the import worker derives from the `.onmunipack` (not the archive
 * itself): its manifest, its checked documents and library entries, and its search index
 * fragments, so that opening the app never re-validates or re-indexes a pack.
 *
 * The guarantees every implementation gives, tested by one contract suite for both:
 * - `install` is atomic: until it resolves, `list` and `readFile` see the old state; once it
 *   resolves, the new version is current. Killed at any moment, the store comes back with the old
 *   version whole or the new one whole (the switch is one atomic write of the pack's state).
 * - An install or update keeps the version it replaces as `previous` (one level), which
 *   `rollback` makes current again (the rolled-back version is deleted). Older versions, and files
 *   left by an interrupted install, are deleted.
 * - Installing the current version again replaces its files and keeps the previous version as it
 *   was (a replaced copy of the same version is nothing to roll back to). So current and previous
 *   never share a version, and `readFile` names a version unambiguously.
 * - `remove` deletes the pack and its previous version.
 * - A pack whose stored state cannot be read (damaged or edited storage) is not in `list` but in
 *   `listDamaged`, so it can still be removed; reading it is refused, installing it again works.
 * - Inputs are checked: pack ids are `isPackId` (the reserved `own` is refused), versions
 *   `SEMVER_PATTERN`, file names one of {@link STORED_PACK_FILES}; anything else is refused with
 *   a `PackRefusedError` naming why (electron/shared/packRules.ts), nothing written.
 */
export interface PackStorage {
  /** The installed packs, sorted by id. */
  list(): Promise<InstalledPack[]>;
  /** Ids of packs whose stored state cannot be read, sorted; `remove` deletes them. */
  listDamaged(): Promise<string[]>;
  /**
   * One file of an installed version (the current or the previous one). Rejects when the pack,
   * the version or the file is not there.
   */
  readFile(packId: string, version: string, name: StoredPackFile): Promise<Uint8Array>;
  /** Installs or updates a pack; see the interface comment. Resolves when it is current. */
  install(pack: PackToStore): Promise<void>;
  /** Makes the previous version current again; rejects when there is none. */
  rollback(packId: string): Promise<void>;
  /** Deletes the pack (both versions); resolves also when it was not installed. */
  remove(packId: string): Promise<void>;
}

/**
 * The files of a stored pack version, and what each holds: defined with the rules the desktop's
 * IPC checks too (electron/shared/packRules.ts), where main and the page can both read them.
 */
export {
  MAX_STORED_PACK_FILE_BYTES,
  STORED_PACK_FILES,
  isStoredPackFile,
  type StoredPackFile,
} from '../../../../electron/shared/packRules';

/** What the Content packs page shows of a version, stored with it (defined with the rules). */
export type { StoredPackVersion };

/** An installed pack: its current version and the one an update replaced, if any. */
export interface InstalledPack {
  id: string;
  current: StoredPackVersion;
  /** The version `rollback` restores, or null. */
  previous: StoredPackVersion | null;
}

/** A version to install: what is shown of it, and every one of its files. */
export interface PackToStore {
  id: string;
  version: StoredPackVersion;
  files: Readonly<Record<StoredPackFile, Uint8Array>>;
}

/**
 * The id that own documents are addressed under (`own--<id>`): no pack may take it, so a pack
 * can never shadow what the user wrote. Defined with the pack id rule that refuses it.
 */
export { OWN_DOCUMENTS_PACK_ID } from '../../../../electron/shared/packRules';
