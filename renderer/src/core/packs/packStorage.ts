import type { StoredPackFile } from '../../../../electron/shared/packRules';
import type { SignatureStatus } from './checkSignature';

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
 * - `remove` deletes the pack and its previous version.
 * - Inputs are checked: pack ids match `PACK_ID_PATTERN`, versions `SEMVER_PATTERN`, file names
 *   are one of {@link STORED_PACK_FILES}; anything else is refused with an error, nothing written.
 */
export interface PackStorage {
  /** The installed packs, sorted by id. */
  list(): Promise<InstalledPack[]>;
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

/** What the Content packs page shows of a version, stored with it. */
export interface StoredPackVersion {
  version: string;
  title: string;
  publisher: string;
  description?: string;
  /** The pack's `created` date, YYYY-MM-DD. */
  created: string;
  /** When this computer installed it, ISO 8601. */
  installedAt: string;
  documentCount: number;
  /** Whether a key the user trusts signed it, when it was installed. */
  signature: SignatureStatus;
}

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
 * can never shadow what the user wrote.
 */
export const OWN_DOCUMENTS_PACK_ID = 'own';
