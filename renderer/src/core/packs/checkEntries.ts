import { MANIFEST_NAME, SIGNATURE_NAME, docsPathProblem, documentPathProblem } from './archivePath';
import { PACK_LIMITS, sizeValues } from './limits';
import type { PackRefusal } from './problems';
import type { ZipEntry } from './zipDirectory';

/**
 * The names and declared sizes of a pack's entries, checked against the format before anything
 * is inflated: every problem found is listed, so a publisher fixes them in one go.
 */

/** The entries a pack is made of, sorted out by role. */
export interface PackEntries {
  manifest: ZipEntry;
  signature: ZipEntry | undefined;
  /** `docs/<type folder>/<name>.md`, in archive order. */
  documents: ZipEntry[];
}

/** The entries by role, or every refusal their names and sizes call for. */
export function checkEntries(
  entries: readonly ZipEntry[],
): { ok: true; entries: PackEntries } | { ok: false; refusals: PackRefusal[] } {
  const refusals: PackRefusal[] = [];
  const seen = new Set<string>();
  let manifest: ZipEntry | undefined;
  let signature: ZipEntry | undefined;
  const documents: ZipEntry[] = [];
  let unpacked = 0;

  for (const entry of entries) {
    const { name } = entry;
    // Two names that one file system would store as one file are one name: case and Unicode
    // normalisation differ between Windows, macOS and Linux.
    const key = name.normalize('NFC').toLowerCase();
    if (seen.has(key)) {
      refusals.push({ code: 'duplicateName', path: name });
      continue;
    }
    seen.add(key);
    unpacked += entry.size;

    if (name.endsWith('/')) {
      const refusal = directoryRefusal(entry);
      if (refusal !== undefined) refusals.push(refusal);
      continue;
    }
    if (name === MANIFEST_NAME || name === SIGNATURE_NAME) {
      if (entry.size > PACK_LIMITS.maxManifestBytes)
        refusals.push({
          code: 'manifestTooLarge',
          path: name,
          values: sizeValues(entry.size, PACK_LIMITS.maxManifestBytes),
        });
      if (name === MANIFEST_NAME) manifest = entry;
      else signature = entry;
    } else {
      const refusal = documentNameRefusal(name);
      if (refusal !== undefined) {
        refusals.push(refusal);
        continue;
      }
      if (entry.size > PACK_LIMITS.maxMarkdownBytes)
        refusals.push({
          code: 'markdownTooLarge',
          path: name,
          values: sizeValues(entry.size, PACK_LIMITS.maxMarkdownBytes),
        });
      documents.push(entry);
    }
    if (ratioTooHigh(entry))
      refusals.push({
        code: 'ratio',
        path: name,
        values: { limit: PACK_LIMITS.maxCompressionRatio },
      });
  }

  if (unpacked > PACK_LIMITS.maxUnpackedBytes)
    refusals.push({
      code: 'unpackedTooLarge',
      values: sizeValues(unpacked, PACK_LIMITS.maxUnpackedBytes),
    });
  if (manifest === undefined) refusals.push({ code: 'noManifest' });
  if (refusals.length > 0 || manifest === undefined) return { ok: false, refusals };
  return { ok: true, entries: { manifest, signature, documents } };
}

/**
 * Unpacked size over stored size. An empty entry (0 over 0) counts as 1; anything unpacked
 * from nothing at all is refused.
 */
function ratioTooHigh(entry: ZipEntry): boolean {
  if (entry.size === 0) return false;
  return entry.size > entry.compressedSize * PACK_LIMITS.maxCompressionRatio;
}

/** A directory entry is harmless but may only name `docs/` or a folder inside it, and be empty. */
function directoryRefusal(entry: ZipEntry): PackRefusal | undefined {
  const folder = entry.name.slice(0, -1);
  if (folder !== 'docs') {
    const problem = docsPathProblem(folder);
    if (problem !== undefined) return { code: 'path', path: entry.name, problem };
  }
  if (entry.size !== 0) return { code: 'directoryNotEmpty', path: entry.name };
  return undefined;
}

/** Documents live in `docs/<pack type folder>/<name>.md`; nothing else is allowed. */
function documentNameRefusal(name: string): PackRefusal | undefined {
  const atRoot = !name.includes('/') && !name.includes('\\') && !/^[A-Za-z]:/.test(name);
  if (atRoot) return { code: 'notAllowedAtRoot', path: name };
  const problem = documentPathProblem(name);
  if (problem === 'notPackFolder' || problem === 'notMarkdown')
    return { code: problem, path: name };
  if (problem !== undefined) return { code: 'path', path: name, problem };
  return undefined;
}
