import { currentRegionId } from '../content/regionRenames';
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

/**
 * Version 3 renames the profile's region `gta` (Greater Toronto Area) to `golden-horseshoe`: the
 * regions are now defined by census division (content/README.md, "Regions"), and Niagara and
 * Hamilton join the GTA rather than south-western Ontario. Every GTA municipality is in the new
 * region, so the rename loses nothing. A `south-west` profile stays as it is: only its owner knows whether the
 * municipality is in Niagara or Hamilton, and the profile form lets them change it. The id goes
 * through `currentRegionId`, the one list of renames, so a later rename is applied here too and
 * its own migration then finds the id already current.
 */
function v2ToV3(doc: RawDocument): RawDocument {
  const profile = doc.profile;
  const renamed =
    isPlainObject(profile) && typeof profile.region === 'string'
      ? { ...profile, region: currentRegionId(profile.region) }
      : profile;
  return { ...doc, schemaVersion: 3, profile: renamed };
}

/**
 * Version 4 adds "Share with team" (issue 16) to every plan: `shared` (false: nothing was ever
 * shared before the team folder existed) and `sharedBy` (null: no member shared it). Nothing else
 * changes, so a backup of version 1 to 3 imports as it always did, with every plan private.
 */
function v3ToV4(doc: RawDocument): RawDocument {
  const plans = Array.isArray(doc.plans)
    ? doc.plans.map((plan: unknown) =>
        isPlainObject(plan)
          ? {
              ...plan,
              shared: 'shared' in plan ? plan.shared : false,
              sharedBy: 'sharedBy' in plan ? plan.sharedBy : null,
            }
          : plan,
      )
    : doc.plans;
  return { ...doc, schemaVersion: 4, plans };
}

/** Migrations by the version they upgrade from. Add `4: v4ToV5` when version 5 arrives. */
export const PLANNER_MIGRATIONS: Readonly<Record<number, PlannerMigration>> = {
  1: v1ToV2,
  2: v2ToV3,
  3: v3ToV4,
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
