import type { ContentIssue } from '../content/issues';
import type { CatalogEntry } from '../content/model';
import type { Vocabulary } from '../content/vocabulary';
import { checkEntries } from './checkEntries';
import { inflateEntry } from './inflateEntry';
import { PACK_LIMITS, sizeValues } from './limits';
import { checkManifest } from './checkManifest';
import type { PackManifest } from './manifest';
import { checkPackDocuments, type PackDocument } from './packDocuments';
import { MAX_REPORTED_PROBLEMS, packProblem, type PackProblem, type PackRefusal } from './problems';
import { sha256Hex } from './sha256';
import { checkSignature, type SignatureStatus } from './checkSignature';
import { readZipDirectory, type ZipEntry } from './zipDirectory';

/**
 * Reads a content pack (a `.onmunipack` file, issue 15) and validates ALL of it before returning
 * anything usable: the format's limits, the ZIP structure and every entry's name (central
 * directory first, nothing inflated until the declared sizes pass), each entry inflated to no
 * more than its declared size, UTF-8 text only, `pack.json` against its schema, every file listed
 * with a matching SHA-256 and none unlisted, the signature when there is one, then every document
 * with the rules of `npm run content:check` (see `packDocuments.ts`).
 *
 * Pure and asynchronous only for WebCrypto (hashes and Ed25519 run on `crypto.subtle`): it runs
 * in a Worker, in a page and in Node (`pack:check`). Work and memory are bounded by the format's
 * limits: at most the file, plus its declared unpacked size, plus one small inflate step.
 *
 * Each stage stops the read when it finds problems, so a hostile archive costs no more work than
 * it takes to refuse it; the problems of one stage are all listed (up to a bound).
 */

/** What a pack is read against. */
export interface ReadPackOptions {
  /** The bundled library's controlled vocabulary: a pack uses the same topics, regions, tiers. */
  vocabulary: Vocabulary;
  /** Ids of the bundled library: references to them resolve; to neither, they are warnings. */
  bundledIds?: ReadonlySet<string>;
  /** Ed25519 public keys the user has chosen to trust, as 64 hex digits. */
  trustedKeys?: readonly string[];
  /** The app's version; a pack whose `minAppVersion` is newer is refused. Absent: not checked. */
  appVersion?: string;
  /**
   * The text of AMO's release, which quotations a document attributes to AMO must match, as in
   * `npm run content:check`. Null or absent: every such quotation is reported as one that
   * cannot be verified (the app does not ship the release text yet).
   */
  releaseText?: string | null;
  /**
   * Stops the read: checked between files, so a Worker can cancel a long import. The read then
   * rejects with the signal's reason, and nothing is returned.
   */
  signal?: AbortSignal;
  /** Told how many of the documents have been unpacked and hashed, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** A pack that passed every check. */
export interface ReadPack {
  manifest: PackManifest;
  /** The exact bytes of `pack.json` (what a signature covers; stored with the pack). */
  manifestBytes: Uint8Array;
  signature: SignatureStatus;
  /** Ids `<packId>--<docId>`, sorted by id. */
  documents: PackDocument[];
  /** Library entries of the documents, in library order. */
  catalog: CatalogEntry[];
  /** References to documents neither in the pack nor in the bundled library. */
  warnings: ContentIssue[];
}

/** The pack, or why it is refused. A refused read returns nothing usable. */
export type PackReadResult =
  { ok: true; pack: ReadPack } | { ok: false; problems: PackProblem[]; warnings: ContentIssue[] };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads and validates `bytes` as a content pack; see the file comment. */
export async function readPack(
  bytes: Uint8Array,
  options: ReadPackOptions,
): Promise<PackReadResult> {
  options.signal?.throwIfAborted();
  const refuse = (refusals: readonly PackRefusal[]): PackReadResult => ({
    ok: false,
    problems: refusals.slice(0, MAX_REPORTED_PROBLEMS).map(packProblem),
    warnings: [],
  });
  if (bytes.length > PACK_LIMITS.maxFileBytes) {
    return refuse([
      { code: 'fileTooLarge', values: sizeValues(bytes.length, PACK_LIMITS.maxFileBytes) },
    ]);
  }

  // 1. Structure, names and declared sizes: nothing inflated yet.
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return refuse([directory.refusal]);
  const checked = checkEntries(directory.entries);
  if (!checked.ok) return refuse(checked.refusals);
  const { entries } = checked;

  // 2. The manifest, the signature over its exact bytes, then each file against the manifest.
  const manifestBytes = inflated(bytes, entries.manifest);
  if (!(manifestBytes instanceof Uint8Array)) return refuse([manifestBytes]);
  const manifest = checkManifest(manifestBytes, options.appVersion);
  if (!manifest.ok) return refuse(manifest.refusals);
  const signature = await checkSignature(
    bytes,
    entries.signature,
    manifestBytes,
    options.trustedKeys ?? [],
  );
  if (!signature.ok) return refuse([signature.refusal]);
  const files = await checkFiles(bytes, entries.documents, manifest.manifest.files, options);
  options.signal?.throwIfAborted();
  if (!files.ok) return refuse(files.refusals);

  // 3. The documents, with the content rules.
  const result = checkPackDocuments(files.texts, {
    packId: manifest.manifest.id,
    vocabulary: options.vocabulary,
    bundledIds: options.bundledIds ?? new Set(),
    releaseText: options.releaseText ?? null,
  });
  if (result.issues.length > 0)
    return {
      ok: false,
      problems: result.issues
        .slice(0, MAX_REPORTED_PROBLEMS)
        .map((issue): PackProblem => ({ kind: 'document', issue })),
      warnings: result.warnings,
    };
  return {
    ok: true,
    pack: {
      manifest: manifest.manifest,
      manifestBytes,
      signature: signature.status,
      documents: result.documents,
      catalog: result.catalog,
      warnings: result.warnings,
    },
  };
}

/** The entry's bytes, or the refusal that names it. */
function inflated(archive: Uint8Array, entry: ZipEntry): Uint8Array | PackRefusal {
  const result = inflateEntry(archive, entry);
  return result.ok ? result.bytes : { code: result.reason, path: entry.name };
}

/**
 * Every document listed in `files` with its hash, every listed file present, each one UTF-8.
 * The names of `pack.json` and `pack.sig` cannot be listed (the manifest schema allows only
 * names inside `docs/`), so the manifest never has to hash itself or its signature.
 */
async function checkFiles(
  archive: Uint8Array,
  documents: readonly ZipEntry[],
  listed: Readonly<Record<string, string>>,
  { signal, onProgress }: Pick<ReadPackOptions, 'signal' | 'onProgress'>,
): Promise<
  | { ok: true; texts: Array<{ path: string; text: string }> }
  | { ok: false; refusals: PackRefusal[] }
> {
  const refusals: PackRefusal[] = [];
  const present = new Set(documents.map((entry) => entry.name));
  for (const path of Object.keys(listed))
    if (!present.has(path)) refusals.push({ code: 'missing', path });
  for (const entry of documents)
    if (!Object.hasOwn(listed, entry.name)) refusals.push({ code: 'unlisted', path: entry.name });
  if (documents.length === 0) refusals.push({ code: 'noDocuments' });
  if (refusals.length > 0) return { ok: false, refusals };

  const texts: Array<{ path: string; text: string }> = [];
  for (const [index, entry] of documents.entries()) {
    signal?.throwIfAborted();
    onProgress?.(index, documents.length);
    const bytes = inflated(archive, entry);
    if (!(bytes instanceof Uint8Array)) {
      refusals.push(bytes);
      continue;
    }
    if ((await sha256Hex(bytes)) !== listed[entry.name]) {
      refusals.push({ code: 'hashMismatch', path: entry.name });
      continue;
    }
    try {
      texts.push({ path: entry.name, text: utf8.decode(bytes) });
    } catch {
      refusals.push({ code: 'notUtf8', path: entry.name });
    }
  }
  onProgress?.(documents.length, documents.length);
  return refusals.length > 0 ? { ok: false, refusals } : { ok: true, texts };
}
