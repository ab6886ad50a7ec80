import { PLANNER_SCHEMA_VERSION } from './schema';

type RawDocument = Record<string, unknown>;

/** One migration: takes a document of version N (unchecked JSON) and returns version N + 1. */
export type PlannerMigration = (doc: RawDocument) => RawDocument;

/**
 * Version 1 (the first planner format) had no task dependencies and no per-task cost estimate.
 * Version 2 adds `dependencies` (empty: nothing was ever declared) and `estimatedCostCents`
 * (null: not estimated) to every task. Migrations only add what is missing and never validate:
 * the current schema checks the result.
 */
function v1ToV2(doc: RawDocument): RawDocument {
  const tasks = Array.isArray(doc.tasks)
    ? doc.tasks.map((task: unknown) =>
        isPlainObject(task)
          ? {
              ...task,
              dependencies: 'dependencies' in task ? task.dependencies : [],
              estimatedCostCents: 'estimatedCostCents' in task ? task.estimatedCostCents : null,
            }
          : task,
      )
    : doc.tasks;
  return { ...doc, schemaVersion: 2, tasks };
}

/** Migrations by the version they upgrade from. Add `2: v2ToV3` when version 3 arrives. */
export const PLANNER_MIGRATIONS: Readonly<Record<number, PlannerMigration>> = {
  1: v1ToV2,
};

/** The outcome of bringing a document up to the current version. */
export type MigrationOutcome =
  | { ok: true; doc: RawDocument; fromVersion: number }
  | { ok: false; reason: 'newer' | 'unversioned'; message: string };

/**
 * Applies migrations in order from the document's `schemaVersion` up to the current one. A
 * document from a newer version of the toolkit is refused: reading it could silently drop fields
 * this version does not know, and saving would then destroy them.
 */
export function migratePlannerDocument(doc: RawDocument): MigrationOutcome {
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      reason: 'unversioned',
      message: `schemaVersion: expected a whole number from 1 to ${PLANNER_SCHEMA_VERSION}, found ${JSON.stringify(version) ?? 'nothing'}`,
    };
  }
  if (version > PLANNER_SCHEMA_VERSION) {
    return {
      ok: false,
      reason: 'newer',
      message: `schemaVersion: the file was made by a newer version of OnMuni Toolkit (planner format ${version}; this version reads formats 1 to ${PLANNER_SCHEMA_VERSION}). Update OnMuni Toolkit, then try again.`,
    };
  }
  let current = doc;
  for (let v = version; v < PLANNER_SCHEMA_VERSION; v++) {
    const step = PLANNER_MIGRATIONS[v];
    if (!step) throw new Error(`No planner migration from version ${v}`); // a programming error
    current = step(current);
  }
  return { ok: true, doc: current, fromVersion: version };
}

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is RawDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
