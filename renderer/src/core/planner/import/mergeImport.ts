import type { ProblemLine } from '../../common/problemLine';
import { messageRef, type MessageRef } from '../../common/messageRef';
import { checkIntegrity } from '../integrity';
import type { Assessment, MunicipalityProfile, Plan, PlannerDatabase, Task } from '../schema';

/** How one collection of the incoming backup compares with the current data, matched by id. */
export interface CollectionDiff<T> {
  /** In the backup only: added by Merge and Replace. */
  added: T[];
  /** In both, with different contents: the backup's version wins in Merge and Replace. */
  replaced: { current: T; incoming: T }[];
  /** In both, identical. */
  unchanged: T[];
  /** In the current data only: kept by Merge, removed by Replace (but for shared plans). */
  onlyInCurrent: T[];
}

/** What importing a backup would do, for the confirmation screen. */
export interface ImportPreview {
  /** `added`: there was no profile yet; `replaced`: the backup's differs; `unchanged` otherwise. */
  profile: 'added' | 'replaced' | 'unchanged';
  plans: CollectionDiff<Plan>;
  tasks: CollectionDiff<Task>;
  assessments: CollectionDiff<Assessment>;
  /**
   * Problems a Merge would create in the combined data (for example, a kept task in a phase the
   * backup's version of its plan no longer has). When not empty, offer only Replace.
   */
  mergeProblems: ProblemLine[];
}

export type ImportMode = 'merge' | 'replace';

/** Compares a validated backup with the current planner, without changing either. */
export function previewImport(current: PlannerDatabase, backup: PlannerDatabase): ImportPreview {
  const incoming = withLocalSharing(current, backup);
  const merged = mergeDatabases(current, incoming);
  return {
    profile:
      isEmptyProfile(incoming.profile) || jsonEqual(current.profile, incoming.profile)
        ? 'unchanged'
        : isEmptyProfile(current.profile)
          ? 'added'
          : 'replaced',
    plans: diff(current.plans, incoming.plans),
    tasks: diff(current.tasks, incoming.tasks),
    assessments: diff(current.assessments, incoming.assessments),
    mergeProblems: checkIntegrity(merged),
  };
}

/**
 * Applies a validated backup. `replace`: the planner becomes the backup, except for the plans
 * shared with the team, which are the team's work and are kept as they are (see
 * `replaceKeepingShared`). `merge`: items are matched by id; the backup's version replaces a
 * current one, new ones are added after the current ones, and items only in the current data
 * are kept; the profile is taken from the backup unless the backup's is empty. A merge that would
 * leave broken references is refused (nothing changes). Either way a plan's "Share with team"
 * stays as this planner has it (`withLocalSharing`). `keptSharedPlans` counts the shared plans a
 * Replace kept (0 for a merge), so the UI can say so.
 */
export function applyImport(
  current: PlannerDatabase,
  backup: PlannerDatabase,
  mode: ImportMode,
):
  | { ok: true; db: PlannerDatabase; keptSharedPlans: number }
  | { ok: false; message: MessageRef; problems: ProblemLine[] } {
  if (mode === 'replace') {
    const { db, keptSharedPlans } = replaceKeepingShared(current, backup);
    return { ok: true, db: structuredClone(db), keptSharedPlans };
  }
  const merged = mergeDatabases(current, withLocalSharing(current, backup));
  const problems = checkIntegrity(merged);
  if (problems.length > 0) {
    return {
      ok: false,
      message: messageRef('planner:mergeRefused'),
      problems,
    };
  }
  return { ok: true, db: merged, keptSharedPlans: 0 };
}

/**
 * Replace that never deletes the team's work: the plans of `current` shared with the team
 * (`shared`), with their phases and tasks, stay exactly as they are, first; then the backup,
 * without its own version of those plans, their tasks, or a task whose id a kept task holds (a
 * dependency on such a task is cut). Restoring an old backup cannot then tombstone what teammates
 * added to a shared plan since. The lists are the backup's own objects (not copied).
 */
export function replaceKeepingShared(
  current: PlannerDatabase,
  backup: PlannerDatabase,
): { db: PlannerDatabase; keptSharedPlans: number } {
  const incoming = withLocalSharing(current, backup);
  const kept = current.plans.filter((plan) => plan.shared);
  if (kept.length === 0) return { db: incoming, keptSharedPlans: 0 };
  const keptPlanIds = new Set<string>(kept.map((plan) => plan.id));
  const keptTasks = current.tasks.filter((task) => keptPlanIds.has(task.planId));
  const keptTaskIds = new Set<string>(keptTasks.map((task) => task.id));
  const incomingTasks = incoming.tasks.filter(
    (task) => !keptPlanIds.has(task.planId) && !keptTaskIds.has(task.id),
  );
  const remaining = new Set<string>(incomingTasks.map((task) => task.id));
  const tasks = [
    ...keptTasks,
    ...incomingTasks.map((task) =>
      task.dependencies.every((dep) => remaining.has(dep))
        ? task
        : { ...task, dependencies: task.dependencies.filter((dep) => remaining.has(dep)) },
    ),
  ];
  return {
    db: {
      ...incoming,
      plans: [...kept, ...incoming.plans.filter((plan) => !keptPlanIds.has(plan.id))],
      tasks,
    },
    keptSharedPlans: kept.length,
  };
}

/**
 * The backup with each plan's "Share with team" as this planner has it: a plan the planner holds
 * keeps its own sharing, any other arrives private. Importing never shares anything by itself, so
 * an old backup cannot publish its (older) version of a plan to the team, nor bring back a shared
 * plan the team deleted; sharing stays the user's own choice.
 */
export function withLocalSharing(
  current: PlannerDatabase,
  backup: PlannerDatabase,
): PlannerDatabase {
  const local = new Map(current.plans.map((plan) => [plan.id, plan]));
  let changed = false;
  const plans = backup.plans.map((plan) => {
    const shared = local.get(plan.id)?.shared ?? false;
    const sharedBy = local.get(plan.id)?.sharedBy ?? null;
    if (plan.shared === shared && plan.sharedBy === sharedBy) return plan;
    changed = true;
    return { ...plan, shared, sharedBy };
  });
  return changed ? { ...backup, plans } : backup;
}

function mergeDatabases(current: PlannerDatabase, incoming: PlannerDatabase): PlannerDatabase {
  return {
    schemaVersion: current.schemaVersion,
    profile: isEmptyProfile(incoming.profile) ? current.profile : incoming.profile,
    plans: mergeById(current.plans, incoming.plans),
    tasks: mergeById(current.tasks, incoming.tasks),
    assessments: mergeById(current.assessments, incoming.assessments),
  };
}

function mergeById<T extends { id: string }>(current: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map(incoming.map((item) => [item.id, item]));
  const seen = new Set(current.map((item) => item.id));
  return [
    ...current.map((item) => byId.get(item.id) ?? item),
    ...incoming.filter((item) => !seen.has(item.id)),
  ].map((item) => structuredClone(item));
}

function diff<T extends { id: string }>(
  current: readonly T[],
  incoming: readonly T[],
): CollectionDiff<T> {
  const currentById = new Map(current.map((item) => [item.id, item]));
  const incomingIds = new Set(incoming.map((item) => item.id));
  const result: CollectionDiff<T> = { added: [], replaced: [], unchanged: [], onlyInCurrent: [] };
  for (const item of incoming) {
    const existing = currentById.get(item.id);
    if (!existing) result.added.push(item);
    else if (jsonEqual(existing, item)) result.unchanged.push(item);
    else result.replaced.push({ current: existing, incoming: item });
  }
  result.onlyInCurrent = current.filter((item) => !incomingIds.has(item.id));
  return result;
}

function isEmptyProfile(profile: MunicipalityProfile): boolean {
  return (
    profile.name.trim() === '' &&
    profile.tier === null &&
    profile.region === null &&
    profile.population === null
  );
}

/** Structural equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.hasOwn(b, k) &&
        jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}
