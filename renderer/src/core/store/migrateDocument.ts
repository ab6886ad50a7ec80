import { problemLine, type ProblemLine } from '../common/problemLine';

/** A stored document as unchecked JSON: an object whose fields are not yet known to be valid. */
export type RawDocument = Record<string, unknown>;

/** One migration: takes a document of version N (unchecked JSON) and returns version N + 1. */
export type DocumentMigration = (doc: RawDocument) => RawDocument;

/** The outcome of bringing a document up to the current version. */
export type MigrationOutcome =
  | { ok: true; doc: RawDocument; fromVersion: number }
  /** `problem` is the refusal, at `schemaVersion`. */
  | { ok: false; reason: 'newer' | 'unversioned'; problem: ProblemLine };

/** One document format: its name in messages, its current version and how to reach it. */
export interface DocumentFormat {
  /** As in "planner format 3" and "No planner migration from version 2". */
  name: string;
  currentVersion: number;
  /** Migrations by the version they upgrade from. */
  migrations: Readonly<Record<number, DocumentMigration>>;
  /**
   * How the refusal of a newer document begins, after "schemaVersion: ": "the file was made by"
   * (`file`, the default) or "made by" (`madeBy`).
   */
  newerLead?: 'file' | 'madeBy';
}

/**
 * Applies migrations in order from the document's `schemaVersion` up to the current one. A
 * document from a newer version of the toolkit is refused: reading it could silently drop fields
 * this version does not know, and saving would then destroy them.
 */
export function migrateDocument(doc: RawDocument, format: DocumentFormat): MigrationOutcome {
  const { name, currentVersion, migrations } = format;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      reason: 'unversioned',
      problem: foundProblem(
        'schemaVersion',
        'problems:version.unversioned',
        { current: currentVersion },
        version,
      ),
    };
  }
  if (version > currentVersion) {
    const lead = format.newerLead ?? 'file';
    return {
      ok: false,
      reason: 'newer',
      problem: problemLine('schemaVersion', `problems:version.newer.${lead}`, {
        name,
        version,
        current: currentVersion,
      }),
    };
  }
  let current = doc;
  for (let v = version; v < currentVersion; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`No ${name} migration from version ${v}`); // a programming error
    current = step(current);
  }
  return { ok: true, doc: current, fromVersion: version };
}

/**
 * A problem line that quotes the value found, as JSON, in `found`; when nothing was there, the
 * message is the key's `_nothing` variant (an i18next context), "found nothing" in English.
 */
export function foundProblem(
  path: string | undefined,
  key: string,
  values: Record<string, string | number>,
  found: unknown,
): ProblemLine {
  const quoted = JSON.stringify(found) as string | undefined;
  return problemLine(
    path,
    key,
    quoted === undefined ? { ...values, context: 'nothing' } : { ...values, found: quoted },
  );
}

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is RawDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
