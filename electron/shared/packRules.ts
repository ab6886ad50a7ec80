/**
 * The rules of content packs (issue 15) that both sides of the desktop's IPC need: the pack format
 * checks them in core/packs (manifest.ts, limits.ts, packStorage.ts re-export them from here), the
 * IPC contract checks the page's requests against them, and main's pack folder checks them again
 * before it names a folder after an id. Here, because electron/shared imports nothing above it;
 * free of zod so main's pack folder can run alone (the kill test runs it in a child process).
 */

/**
 * A pack id: lowercase ASCII words joined by single hyphens. Single, because documents are
 * addressed as `<packId>--<docId>`: a double hyphen in the id would make that ambiguous.
 */
export const PACK_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longest pack id: it prefixes every document id of the pack. */
export const MAX_PACK_ID_LENGTH = 64;

/** Semantic Versioning 2.0.0, the regular expression semver.org recommends. */
export const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
/** Longest version string a pack may give. */
export const MAX_PACK_VERSION_LENGTH = 100;

/**
 * The id own documents are addressed under (`own--<id>`, issue 15). No pack may take it, so a
 * pack can never shadow or overwrite what the user wrote.
 */
export const OWN_DOCUMENTS_PACK_ID = 'own';
/** Ids with the shape of a pack id that no pack may take (see {@link isPackId}). */
const RESERVED_PACK_IDS: readonly string[] = [OWN_DOCUMENTS_PACK_ID];

/** True when `id` is one of {@link RESERVED_PACK_IDS}. */
export function isReservedPackId(id: string): boolean {
  return RESERVED_PACK_IDS.includes(id);
}

/**
 * True when `id` may name a pack: the manifest schema, the IPC contract and both pack stores
 * check this one rule, so a reserved id is refused at every layer.
 */
export function isPackId(id: string): boolean {
  return id.length <= MAX_PACK_ID_LENGTH && PACK_ID_PATTERN.test(id) && !isReservedPackId(id);
}

/** True when `version` is a pack version (a semantic version). */
function isPackVersion(version: string): boolean {
  return version.length <= MAX_PACK_VERSION_LENGTH && SEMVER_PATTERN.test(version);
}

/**
 * The limits of the content pack format (issue 15, content/README.md "Content packs"). They are
 * part of the format, not a setting, so that every version of the app and of `pack:build` agrees
 * on which packs exist: a pack one version writes, every version reads or refuses the same way.
 * They bound the time and memory a hostile archive can cost before anything is inflated.
 */
export const PACK_LIMITS = {
  /** The `.onmunipack` file itself. */
  maxFileBytes: 200 * 1024 * 1024,
  /** The sum of every entry's unpacked size. */
  maxUnpackedBytes: 500 * 1024 * 1024,
  /** Entries in the archive, `pack.json` and `pack.sig` included. */
  maxEntries: 20_000,
  /** One Markdown document, unpacked (the bundled library's longest is far below this). */
  maxMarkdownBytes: 2 * 1024 * 1024,
  /** `pack.json` (and `pack.sig`), unpacked: 20,000 file hashes fit with room to spare. */
  maxManifestBytes: 4 * 1024 * 1024,
  /** Unpacked size over stored size, per entry: a zip bomb needs far more. */
  maxCompressionRatio: 100,
} as const;

/**
 * The files of a stored pack version.
 * - `pack.json`: the manifest's exact bytes (what a signature covers).
 * - `documents.json`: `{ version, documents }` as `documents.json` of the bundled library, the
 *   documents addressed for the app (`<packId>--<docId>`).
 * - `catalog.json`: `{ version, entries }`, the pack's library entries in library order.
 * - `search-core.bin`, `search-positions.bin`, `search-lexicon.bin`: the pack's index segment
 *   (`fragmentFileName` in core/search/layout/format.ts).
 */
export const STORED_PACK_FILES = [
  'pack.json',
  'documents.json',
  'catalog.json',
  'search-core.bin',
  'search-positions.bin',
  'search-lexicon.bin',
] as const;
export type StoredPackFile = (typeof STORED_PACK_FILES)[number];

/** True when `name` is one of the files a stored pack has. */
export function isStoredPackFile(name: string): name is StoredPackFile {
  return (STORED_PACK_FILES as readonly string[]).includes(name);
}

/**
 * The largest each stored file may be, in bytes: what a pack within {@link PACK_LIMITS} can
 * produce, so that no valid pack is refused and a runaway page cannot make main write without
 * bound. `pack.json` is stored as the archive had it. The other files are derived from at most
 * `maxUnpackedBytes` of text: JSON escaping (quotes, backslashes, line breaks) and the index's
 * postings can make one larger than the text; twice the text leaves room for both.
 */
export const MAX_STORED_PACK_FILE_BYTES: Readonly<Record<StoredPackFile, number>> = {
  'pack.json': PACK_LIMITS.maxManifestBytes,
  'documents.json': 2 * PACK_LIMITS.maxUnpackedBytes,
  'catalog.json': 2 * PACK_LIMITS.maxUnpackedBytes,
  'search-core.bin': 2 * PACK_LIMITS.maxUnpackedBytes,
  'search-positions.bin': 2 * PACK_LIMITS.maxUnpackedBytes,
  'search-lexicon.bin': 2 * PACK_LIMITS.maxUnpackedBytes,
};

/** An Ed25519 public key written as 64 lowercase hex digits (how keys are stored and compared). */
export const PUBLIC_KEY_HEX_PATTERN = /^[0-9a-f]{64}$/;

/**
 * What the Content packs page shows of an installed version, stored with it
 * (`StoredPackVersion` of core/packs/packStorage.ts, checked again by the IPC contract).
 */
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
  /**
   * The public key (64 lowercase hex digits) whose signature over `pack.json` was verified when
   * the pack was imported, or null for an unsigned pack. Whether the publisher is "verified" is
   * not stored: it depends on the keys the user trusts now (`isTrusted` in core/packs/trustedKeys.ts).
   */
  signedBy: string | null;
}

/**
 * Why a pack store refused a request, as a code the page words (a rejection crossing IPC carries
 * only its English message, so main answers with this instead; see `packs:*` in ipcContract.ts).
 * Nothing was changed. Values quoted from the request are cut short.
 */
export type PackStoreRefusal =
  | { code: 'badPackId'; value: string }
  | { code: 'badVersion'; value: string }
  | { code: 'badFileName'; value: string }
  | { code: 'missingFile'; name: string }
  | { code: 'fileTooLarge'; name: string; sizeBytes: number; limitBytes: number }
  | { code: 'badRecord' }
  | { code: 'notInstalled'; packId: string }
  | { code: 'noVersion'; packId: string; version: string }
  | { code: 'noPrevious'; packId: string }
  | { code: 'storedFileMissing'; packId: string; version: string; name: string };

/** A request a pack store refuses before changing anything; `refusal` says why. */
export class PackRefusedError extends Error {
  override name = 'PackRefusedError';

  constructor(readonly refusal: PackStoreRefusal) {
    super(`The pack store refused the request (${JSON.stringify(refusal)}).`);
  }
}

/** A value from a request, quoted in a refusal: bounded, since the request may be anything. */
function quoted(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).slice(0, 100);
}

/** Throws a {@link PackRefusedError} unless `packId` may name a pack. */
export function checkPackId(packId: unknown): asserts packId is string {
  if (typeof packId !== 'string' || !isPackId(packId)) {
    throw new PackRefusedError({ code: 'badPackId', value: quoted(packId) });
  }
}

/** Throws a {@link PackRefusedError} unless `version` is a pack version. */
export function checkPackVersion(version: unknown): asserts version is string {
  if (typeof version !== 'string' || !isPackVersion(version)) {
    throw new PackRefusedError({ code: 'badVersion', value: quoted(version) });
  }
}

/** Throws a {@link PackRefusedError} unless `name` is one of {@link STORED_PACK_FILES}. */
export function checkStoredPackFile(name: unknown): asserts name is StoredPackFile {
  if (typeof name !== 'string' || !isStoredPackFile(name)) {
    throw new PackRefusedError({ code: 'badFileName', value: quoted(name) });
  }
}

/**
 * Throws a {@link PackRefusedError} unless `pack` (a `PackToStore`) has a valid id, a valid
 * version record and exactly the stored files, each bytes within its limit.
 */
export function checkPackToStore(pack: {
  id: unknown;
  version: unknown;
  files: Readonly<Record<string, unknown>>;
}): void {
  checkPackId(pack.id);
  const record = pack.version;
  checkPackVersion(isObject(record) ? record.version : undefined);
  if (!isStoredPackVersion(record)) throw new PackRefusedError({ code: 'badRecord' });
  for (const name of Object.keys(pack.files)) checkStoredPackFile(name);
  for (const name of STORED_PACK_FILES) {
    const bytes = pack.files[name];
    if (!(bytes instanceof Uint8Array)) throw new PackRefusedError({ code: 'missingFile', name });
    const limit = MAX_STORED_PACK_FILE_BYTES[name];
    if (bytes.byteLength > limit) {
      throw new PackRefusedError({
        code: 'fileTooLarge',
        name,
        sizeBytes: bytes.byteLength,
        limitBytes: limit,
      });
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** True when `value` is a whole {@link StoredPackVersion} (as a store wrote it). */
function isStoredPackVersion(value: unknown): value is StoredPackVersion {
  if (!isObject(value)) return false;
  const { version, title, publisher, description, created, installedAt, documentCount, signedBy } =
    value;
  return (
    typeof version === 'string' &&
    isPackVersion(version) &&
    isText(title) &&
    isText(publisher) &&
    (description === undefined || typeof description === 'string') &&
    isText(created) &&
    isText(installedAt) &&
    typeof documentCount === 'number' &&
    Number.isInteger(documentCount) &&
    documentCount >= 0 &&
    (signedBy === null || (typeof signedBy === 'string' && PUBLIC_KEY_HEX_PATTERN.test(signedBy)))
  );
}

/*
 * The state of an installed pack, as both stores keep it (main's pack folder in `state.json`,
 * the browser's IndexedDB in its `state` store): which version folder is current and which is
 * previous. One shape, one naming rule and one reader here, so the two stores cannot drift.
 */

/** One stored version: the folder (or key part) holding its files, and its record. */
export interface StoredVersionRef {
  folder: string;
  version: StoredPackVersion;
}

/** What a pack's state holds. `previous`, when there is one, has another version than `current`. */
export interface PackState {
  current: StoredVersionRef;
  previous: StoredVersionRef | null;
}

/** A version folder: `v-`, the version (semver characters only), `-`, 12 hex digits. */
const VERSION_FOLDER_PATTERN = /^v-[0-9A-Za-z.+-]{1,100}-[0-9a-f]{12}$/;

/** 12 random hex digits: a new version folder never reuses the name of one in use. */
export function randomSuffix(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The name of a new folder for `version`'s files, `v-<version>-<random>`. */
export function versionFolderName(version: string, suffix: string = randomSuffix()): string {
  return `v-${version}-${suffix}`;
}

function isVersionRef(value: unknown): value is StoredVersionRef {
  return (
    isObject(value) &&
    typeof value.folder === 'string' &&
    VERSION_FOLDER_PATTERN.test(value.folder) &&
    isStoredPackVersion(value.version)
  );
}

/** `value` as a pack state, or undefined when it is not one a store wrote (damaged or edited). */
export function parsePackState(value: unknown): PackState | undefined {
  if (!isObject(value)) return undefined;
  const { current, previous } = value;
  if (!isVersionRef(current) || (previous !== null && !isVersionRef(previous))) return undefined;
  return { current, previous };
}

/**
 * The state after installing `installed` over `before`: the new version is current and the one
 * it replaces is previous, except when the same version is installed again: then the previous
 * version stays (the replaced copy of the same version is no earlier version to go back to). So
 * current and previous never share a version, and a version names one folder.
 */
export function installedState(before: PackState | null, installed: StoredVersionRef): PackState {
  if (before === null) return { current: installed, previous: null };
  const same = before.current.version.version === installed.version.version;
  return { current: installed, previous: same ? before.previous : before.current };
}

/** The state after a rollback of `before`; throws when there is no previous version. */
export function rolledBackState(packId: string, before: PackState): PackState {
  if (before.previous === null) throw new PackRefusedError({ code: 'noPrevious', packId });
  return { current: before.previous, previous: null };
}

/** The version of `state` that is `version`; throws when the pack keeps no such version. */
export function versionIn(packId: string, state: PackState, version: string): StoredVersionRef {
  const ref = [state.current, state.previous].find((c) => c?.version.version === version);
  if (ref === undefined || ref === null) {
    throw new PackRefusedError({ code: 'noVersion', packId, version });
  }
  return ref;
}

/** The version folders a state keeps (none for no state). */
export function referencedFolders(state: PackState | null): Set<string> {
  const folders = new Set<string>();
  if (state === null) return folders;
  folders.add(state.current.folder);
  if (state.previous !== null) folders.add(state.previous.folder);
  return folders;
}
