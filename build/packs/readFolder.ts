import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { closestMatch } from '../../renderer/src/core/content/issues';
import { locateYamlPath } from '../../renderer/src/core/content/yamlLocate';
import { DOCS_PREFIX } from '../../renderer/src/core/packs/archivePath';
import { PACK_LIMITS } from '../../renderer/src/core/packs/limits';
import type { PackDocumentFile, PackManifestFields } from '../../renderer/src/core/packs/writePack';

/**
 * Reads a publisher's pack folder (content/README.md, "Building and checking a pack"):
 * `pack.yml` with the manifest fields, and the documents under `docs/<type folder>/`, exactly the
 * paths they will have in the archive. Nothing else in the folder is read.
 */

/** The name of the manifest file in a pack folder. */
export const FOLDER_MANIFEST_NAME = 'pack.yml';

/** A problem with the folder, located like the content pipeline's (`file:line: field: message`). */
export interface FolderProblem {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

/** What a pack folder holds, or why it cannot be read. */
export interface PackFolder {
  fields: Record<string, unknown>;
  /** Line of each top-level field of `pack.yml`, to locate a refused field. */
  fieldLine(field: string): number;
  documents: PackDocumentFile[];
  problems: FolderProblem[];
  /** Files left out of the pack, with why (hidden files such as `.DS_Store`, links). */
  skipped: string[];
}

/** Reads `folder`; every problem is collected, none thrown. */
export async function readPackFolder(folder: string): Promise<PackFolder> {
  const problems: FolderProblem[] = [];
  const manifestFile = path.join(folder, FOLDER_MANIFEST_NAME);
  const manifest = await readManifest(manifestFile, problems);
  const { documents, skipped } = await readDocuments(folder, problems);
  return { ...manifest, documents, problems, skipped };
}

/** The fields of `pack.yml`: those of pack.json a publisher chooses. */
export const FOLDER_MANIFEST_FIELDS = [
  'id',
  'title',
  'version',
  'publisher',
  'created',
  'description',
  'minAppVersion',
] as const satisfies ReadonlyArray<keyof PackManifestFields>;

/**
 * The fields for the writer, which validates each value with the reader's schema. Only the keys
 * are checked here (readManifest), so their values may still be anything.
 */
export function manifestFields(fields: Record<string, unknown>): PackManifestFields {
  return fields as unknown as PackManifestFields;
}

async function readManifest(
  file: string,
  problems: FolderProblem[],
): Promise<Pick<PackFolder, 'fields' | 'fieldLine'>> {
  const none = { fields: {}, fieldLine: () => 1 };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    problems.push({
      file,
      message: `missing; write the pack's id, title, version, publisher and created date there`,
    });
    return none;
  }
  const lineCounter = new LineCounter();
  // Every field of pack.json is text, so every value is read as text (YAML's failsafe schema):
  // `version: 1.0` is then the string '1.0', refused as not a semantic version, rather than a
  // number refused as "not a string".
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'failsafe' });
  const error = doc.errors[0];
  if (error !== undefined) {
    const line = lineCounter.linePos(error.pos[0]).line;
    problems.push({ file, line, message: `not valid YAML: ${error.message.split('\n')[0] ?? ''}` });
    return none;
  }
  const value: unknown = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ file, line: 1, message: 'must be a mapping of fields (id: ..., title: ...)' });
    return none;
  }
  const fieldLine = (field: string) => locateYamlPath(doc, lineCounter, [field], 1);
  const known: readonly string[] = FOLDER_MANIFEST_FIELDS;
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const guess = closestMatch(key, known);
    const hint = guess === undefined ? '' : `did you mean '${guess}'? `;
    const computed = ['format', 'formatVersion', 'files'].includes(key)
      ? 'pack:build writes it; remove it'
      : `${hint}use ${known.join(', ')}`;
    problems.push({
      file,
      line: fieldLine(key),
      field: key,
      message: `not a field of ${FOLDER_MANIFEST_NAME}; ${computed}`,
    });
  }
  return { fields: value as Record<string, unknown>, fieldLine };
}

async function readDocuments(
  folder: string,
  problems: FolderProblem[],
): Promise<{ documents: PackDocumentFile[]; skipped: string[] }> {
  const docsDir = path.join(folder, DOCS_PREFIX);
  let entries;
  try {
    entries = await readdir(docsDir, { recursive: true, withFileTypes: true });
  } catch {
    problems.push({ file: docsDir, message: 'missing; put the documents in docs/<type folder>/' });
    return { documents: [], skipped: [] };
  }
  const documents: PackDocumentFile[] = [];
  const skipped: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const archivePath = path.relative(folder, full).split(path.sep).join('/');
    if (entry.isDirectory()) continue;
    if (entry.name.startsWith('.') || archivePath.split('/').some((part) => part.startsWith('.'))) {
      skipped.push(`${archivePath} (hidden)`);
      continue;
    }
    if (!entry.isFile()) {
      skipped.push(`${archivePath} (not a regular file)`);
      continue;
    }
    // Checked before reading, so a stray video in docs/ is named, not loaded.
    const { size } = await stat(full);
    if (size > PACK_LIMITS.maxMarkdownBytes) {
      const limit = PACK_LIMITS.maxMarkdownBytes;
      problems.push({ file: full, message: `${size} bytes; a document may have at most ${limit}` });
      continue;
    }
    try {
      documents.push({ path: archivePath, text: decoder.decode(await readFile(full)) });
    } catch {
      problems.push({ file: full, message: 'not UTF-8 text; save the file as UTF-8' });
    }
  }
  // A stable order for the report; the writer sorts the archive itself.
  documents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { documents, skipped: skipped.sort() };
}
