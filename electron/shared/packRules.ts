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

/** True when `id` may name a pack. */
export function isPackId(id: string): boolean {
  return id.length <= MAX_PACK_ID_LENGTH && PACK_ID_PATTERN.test(id);
}

/** True when `version` is a pack version (a semantic version). */
export function isPackVersion(version: string): boolean {
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

/**
 * A request a pack store refuses before changing anything: an id, a version or a file name outside
 * these rules, a file too large, a pack or a previous version that is not there. Its message is for
 * the log and the developer: the page checked its input before asking.
 */
export class PackRefusedError extends Error {
  override name = 'PackRefusedError';
}

/** Throws a {@link PackRefusedError} unless `packId` may name a pack. */
export function checkPackId(packId: unknown): asserts packId is string {
  if (typeof packId !== 'string' || !isPackId(packId)) {
    throw new PackRefusedError(`Not a pack id: ${JSON.stringify(packId)}.`);
  }
}

/** Throws a {@link PackRefusedError} unless `version` is a pack version. */
export function checkPackVersion(version: unknown): asserts version is string {
  if (typeof version !== 'string' || !isPackVersion(version)) {
    throw new PackRefusedError(`Not a pack version: ${JSON.stringify(version)}.`);
  }
}

/** Throws a {@link PackRefusedError} unless `name` is one of {@link STORED_PACK_FILES}. */
export function checkStoredPackFile(name: unknown): asserts name is StoredPackFile {
  if (typeof name !== 'string' || !isStoredPackFile(name)) {
    throw new PackRefusedError(`Not a stored pack file: ${JSON.stringify(name)}.`);
  }
}

/**
 * Throws a {@link PackRefusedError} unless `pack` (a `PackToStore`) has a valid id and version and
 * exactly the stored files, each bytes within its limit.
 */
export function checkPackToStore(pack: {
  id: unknown;
  version: { version: unknown };
  files: Readonly<Record<string, unknown>>;
}): void {
  checkPackId(pack.id);
  checkPackVersion(pack.version.version);
  for (const name of Object.keys(pack.files)) checkStoredPackFile(name);
  for (const name of STORED_PACK_FILES) {
    const bytes = pack.files[name];
    if (!(bytes instanceof Uint8Array)) throw new PackRefusedError(`Missing file: ${name}.`);
    const limit = MAX_STORED_PACK_FILE_BYTES[name];
    if (bytes.byteLength > limit) {
      throw new PackRefusedError(
        `${name} is ${bytes.byteLength} bytes, over its limit of ${limit}.`,
      );
    }
  }
}
