import {
  isPlainObject,
  migrateDocument,
  type DocumentMigration,
  type MigrationOutcome,
  type RawDocument,
} from '../store/migrateDocument';
import { PLANNER_SCHEMA_VERSION } from './schema';

/** One migration: takes a document of version N (unchecked JSON) and returns version N + 1. */
export type PlannerMigration = DocumentMigration;

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

/** Brings a stored planner document up to the current version (see `migrateDocument`). */
export function migratePlannerDocument(doc: RawDocument): MigrationOutcome {
  return migrateDocument(doc, {
    name: 'planner',
    currentVersion: PLANNER_SCHEMA_VERSION,
    migrations: PLANNER_MIGRATIONS,
  });
}

export { isPlainObject, type MigrationOutcome };
