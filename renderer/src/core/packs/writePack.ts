import { getPublicKeyAsync, signAsync } from '@noble/ed25519';
import { deflateSync, zipSync, type Zippable } from 'fflate';

import { fieldName } from '../content/issues';
import { TYPE_FOLDERS } from '../content/types';
import { DOCS_PREFIX, MANIFEST_NAME, SIGNATURE_NAME, documentPathProblem } from './archivePath';
import { PACK_LIMITS, sizeValues, type PackDocType } from './limits';
import {
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  packManifestSchema,
  type PackManifest,
} from './manifest';
import type { PackRefusal } from './problems';
import { sha256Hex } from './sha256';
import { encodePackSignature } from './signature';

/**
 * Writes a content pack (issue 15): the `.onmunipack` bytes for a manifest and a set of Markdown
 * documents, optionally signed. Pure and WebCrypto-only, so `pack:build` runs it in Node and the
 * app runs it in a page or Worker to export a user's own documents.
 *
 * The writer checks what it controls (manifest fields, names, sizes, the format's limits) and
 * names every problem at once; whether each document is valid content is the reader's rule, and
 * `pack:build` runs `readPack` on what this returns before writing a file.
 *
 * The output is deterministic: the same input gives the same bytes, on any machine and time zone
 * (entries in a fixed order, every date the `created` day, `files` sorted), so a rebuilt pack
 * can be compared byte for byte and its signature stays meaningful.
 */

/** The manifest fields a publisher chooses; `format`, `formatVersion` and `files` are computed. */
export type PackManifestFields = Omit<PackManifest, 'format' | 'formatVersion' | 'files'>;

/** One document to put in a pack. */
export interface PackDocumentFile {
  /** Archive path, `docs/<type folder>/<id>.md` (see `packDocumentPath`). */
  path: string;
  /** The whole file: front matter and Markdown body. */
  text: string;
}

/** How to write a pack. */
export interface WritePackOptions {
  /** The publisher's 32-byte Ed25519 secret key: when given, `pack.sig` signs `pack.json`. */
  secretKey?: Uint8Array;
}

/** A written pack, or every reason it could not be written. */
export type WritePackResult =
  | {
      ok: true;
      /** The `.onmunipack` file. */
      bytes: Uint8Array;
      /** `pack.json` as written, with `files`. */
      manifest: PackManifest;
      /** The exact bytes of `pack.json` (what the signature covers). */
      manifestBytes: Uint8Array;
      /** When signed: the raw signature and the public key `pack.sig` names. */
      signed?: { signature: Uint8Array; publicKey: Uint8Array };
    }
  /** Refusals in the reader's terms (problems.ts), so one catalogue words both. */
  | { ok: false; refusals: PackRefusal[] };

/** The archive path of a document of `type` with `id`. */
export function packDocumentPath(type: PackDocType, id: string): string {
  return `${DOCS_PREFIX}${TYPE_FOLDERS[type]}/${id}.md`;
}

const ED25519_SECRET_KEY_BYTES = 32;
// Deflate level: documents are small text, so the best compression costs little time.
const LEVEL = 9;
// In a well-formed UTF-16 string every surrogate is half of a pair; a `u` regex reads a pair as
// one code point, so this matches only the lone halves, which UTF-8 cannot encode.
const LONE_SURROGATE = /\p{Cs}/u;

/** Builds a pack from `fields` and `documents`; see the file comment. */
export async function writePack(
  fields: PackManifestFields,
  documents: readonly PackDocumentFile[],
  options: WritePackOptions = {},
): Promise<WritePackResult> {
  const { secretKey } = options;
  // A key of the wrong length is the caller's mistake (key files are checked when read), not a
  // property of the pack.
  if (secretKey !== undefined && secretKey.length !== ED25519_SECRET_KEY_BYTES) {
    throw new RangeError(`An Ed25519 secret key has 32 bytes, not ${secretKey.length}`);
  }
  const refusals: PackRefusal[] = [];
  // The fields first, without hashes, so that a bad field and a bad document show together.
  buildManifest(fields, {}, refusals);
  if (documents.length === 0) refusals.push({ code: 'noDocuments' });
  const files = encodeDocuments(documents, refusals);

  const entryCount = files.length + 1 + (secretKey === undefined ? 0 : 1);
  if (entryCount > PACK_LIMITS.maxEntries) {
    const values = { count: entryCount, limit: PACK_LIMITS.maxEntries };
    refusals.push({ code: 'tooManyEntries', values });
  }
  // The documents alone already over the limit: refused before hashing hundreds of megabytes.
  const documentBytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  if (documentBytes > PACK_LIMITS.maxUnpackedBytes) {
    const values = sizeValues(documentBytes, PACK_LIMITS.maxUnpackedBytes);
    refusals.push({ code: 'unpackedTooLarge', values });
  }
  if (refusals.length > 0) return { ok: false, refusals };

  const hashes: Record<string, string> = {};
  for (const file of files) hashes[file.path] = await sha256Hex(file.bytes);
  const manifest = buildManifest(fields, hashes, refusals);
  if (manifest === null) return { ok: false, refusals };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  if (manifestBytes.length > PACK_LIMITS.maxManifestBytes) {
    const values = sizeValues(manifestBytes.length, PACK_LIMITS.maxManifestBytes);
    return { ok: false, refusals: [{ code: 'manifestTooLarge', path: MANIFEST_NAME, values }] };
  }
  const signed = secretKey === undefined ? undefined : await sign(manifestBytes, secretKey);

  const entries: Array<{ path: string; bytes: Uint8Array }> = [
    { path: MANIFEST_NAME, bytes: manifestBytes },
    ...(signed === undefined ? [] : [{ path: SIGNATURE_NAME, bytes: signed.file }]),
    ...files,
  ];
  const unpacked = entries.reduce((sum, entry) => sum + entry.bytes.length, 0);
  if (unpacked > PACK_LIMITS.maxUnpackedBytes) {
    const values = sizeValues(unpacked, PACK_LIMITS.maxUnpackedBytes);
    return { ok: false, refusals: [{ code: 'unpackedTooLarge', values }] };
  }
  const bytes = zipEntries(entries, manifest.created);
  if (bytes.length > PACK_LIMITS.maxFileBytes) {
    const values = sizeValues(bytes.length, PACK_LIMITS.maxFileBytes);
    return { ok: false, refusals: [{ code: 'fileTooLarge', values }] };
  }
  return {
    ok: true,
    bytes,
    manifest,
    manifestBytes,
    ...(signed === undefined
      ? {}
      : { signed: { signature: signed.signature, publicKey: signed.publicKey } }),
  };
}

/** Signs `manifestBytes`; `file` is `pack.sig`, which names the public key (signature.ts). */
async function sign(
  manifestBytes: Uint8Array,
  secretKey: Uint8Array,
): Promise<{ signature: Uint8Array; publicKey: Uint8Array; file: Uint8Array }> {
  const signature = await signAsync(manifestBytes, secretKey);
  const publicKey = await getPublicKeyAsync(secretKey);
  return { signature, publicKey, file: encodePackSignature(publicKey, signature) };
}

/** Checks each document's name and size and encodes it as UTF-8; sorted by path. */
function encodeDocuments(
  documents: readonly PackDocumentFile[],
  refusals: PackRefusal[],
): Array<{ path: string; bytes: Uint8Array }> {
  const encoder = new TextEncoder();
  const seen = new Set<string>();
  const files: Array<{ path: string; bytes: Uint8Array }> = [];
  for (const { path, text } of documents) {
    const problem = documentPathProblem(path);
    if (problem === 'notPackFolder' || problem === 'notMarkdown') {
      refusals.push({ code: problem, path });
      continue;
    }
    if (problem !== undefined) {
      refusals.push({ code: 'path', path, problem });
      continue;
    }
    // As the reader compares names: one file on a file system that ignores case or normalises.
    const key = path.normalize('NFC').toLowerCase();
    if (seen.has(key)) {
      refusals.push({ code: 'duplicateName', path });
      continue;
    }
    seen.add(key);
    if (LONE_SURROGATE.test(text)) {
      refusals.push({ code: 'notUtf8', path });
      continue;
    }
    const bytes = encoder.encode(text);
    if (bytes.length > PACK_LIMITS.maxMarkdownBytes) {
      const values = sizeValues(bytes.length, PACK_LIMITS.maxMarkdownBytes);
      refusals.push({ code: 'markdownTooLarge', path, values });
      continue;
    }
    files.push({ path, bytes });
  }
  // Code-unit order, the same in every locale, so `files` and the archive never depend on input order.
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The manifest, validated by the reader's schema (which trims text); null when invalid. */
function buildManifest(
  fields: PackManifestFields,
  files: Record<string, string>,
  refusals: PackRefusal[],
): PackManifest | null {
  // Spread, not picked: a key the schema does not know is refused by name, not dropped.
  const parsed = packManifestSchema.safeParse({
    ...fields,
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    files,
  });
  if (parsed.success) return inOrder(parsed.data);
  for (const issue of parsed.error.issues) {
    const values = { field: fieldName(issue.path), detail: issue.message };
    refusals.push({ code: 'manifestField', path: MANIFEST_NAME, values });
  }
  return null;
}

/** The same manifest with its keys in the documented order, which `JSON.stringify` keeps. */
function inOrder(manifest: PackManifest): PackManifest {
  const { description, minAppVersion } = manifest;
  return {
    format: manifest.format,
    formatVersion: manifest.formatVersion,
    id: manifest.id,
    title: manifest.title,
    version: manifest.version,
    publisher: manifest.publisher,
    created: manifest.created,
    ...(description === undefined ? {} : { description }),
    ...(minAppVersion === undefined ? {} : { minAppVersion }),
    files: manifest.files,
  };
}

/**
 * The ZIP archive, entries in the given order. A document that deflate would shrink more than the
 * format's ratio allows is stored instead: the reader refuses such ratios as zip bombs, and
 * a pack this writer makes must never be refused for it. (So each document is deflated once
 * here to learn its ratio and again inside `zipSync`; documents are small and this is simpler
 * than assembling the archive by hand.)
 */
function zipEntries(
  entries: ReadonlyArray<{ path: string; bytes: Uint8Array }>,
  created: string,
): Uint8Array {
  const mtime = archiveTime(created);
  const zippable: Zippable = {};
  for (const { path, bytes } of entries) {
    const deflated = deflateSync(bytes, { level: LEVEL }).length;
    const fits = bytes.length <= deflated * PACK_LIMITS.maxCompressionRatio;
    zippable[path] = [bytes, { level: fits ? LEVEL : 0, mtime }];
  }
  return zipSync(zippable, { level: LEVEL, mtime });
}

/**
 * Midnight on the pack's `created` day, built from local fields because ZIP stores local time
 * (fflate reads the date with local getters), so every time zone writes the same bytes. ZIP
 * cannot store a year outside 1980-2099; such a day falls back to 1 January 1980.
 */
function archiveTime(created: string): Date {
  const [year = 1980, month = 1, day = 1] = created.split('-').map(Number);
  if (year < 1980 || year > 2099) return new Date(1980, 0, 1);
  return new Date(year, month - 1, day);
}
