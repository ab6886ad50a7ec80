import { formatZodIssues } from '../safeJson/formatZodIssues';
import { keepValidItems } from '../store/keepValidItems';
import type { ParsedDocument } from '../store/DocumentStorage';
import { loopClosingLinks } from './dependencies';
import { checkIntegrity } from './integrity';
import { isPlainObject, migratePlannerDocument } from './migrations';
import {
  assessmentSchema,
  emptyPlannerDatabase,
  planSchema,
  plannerDatabaseSchema,
  profileSchema,
  taskSchema,
  type PlannerDatabase,
  type Task,
} from './schema';

/**
 * Turns the stored planner document (any JSON value) into the current database. Never throws.
 * A valid document (after migration) is returned as is. Anything else is salvaged item by item:
 * invalid plans, tasks and assessments are dropped, broken references are cut, and every change is
 * listed in `issues` as `path: what happened`. The store keeps the original text aside before the
 * salvaged data can be saved over it, so nothing is lost for good.
 */
export function parsePlannerDocument(raw: unknown): ParsedDocument<PlannerDatabase> {
  if (!isPlainObject(raw)) {
    return {
      data: emptyPlannerDatabase(),
      issues: ['(document): expected a planner object; started with an empty planner'],
    };
  }
  const issues: string[] = [];
  let doc = raw;
  let fromVersion: number | undefined;
  const migrated = migratePlannerDocument(raw);
  if (migrated.ok) {
    doc = migrated.doc;
    fromVersion = migrated.fromVersion;
  } else {
    issues.push(`${migrated.message}; kept what this version understands`);
  }

  if (issues.length === 0) {
    const parsed = plannerDatabaseSchema.safeParse(doc);
    if (parsed.success && checkIntegrity(parsed.data).length === 0) {
      return fromVersion !== undefined && fromVersion < parsed.data.schemaVersion
        ? { data: parsed.data, issues, migratedFrom: fromVersion }
        : { data: parsed.data, issues };
    }
  }
  const data = salvage(doc, issues);
  return fromVersion !== undefined && fromVersion < data.schemaVersion
    ? { data, issues, migratedFrom: fromVersion }
    : { data, issues };
}

function salvage(doc: Record<string, unknown>, issues: string[]): PlannerDatabase {
  const db = emptyPlannerDatabase();
  const profile = profileSchema.safeParse(doc.profile);
  if (profile.success) db.profile = profile.data;
  else
    issues.push(...formatZodIssues(profile.error, ['profile']).map((i) => `${i}; profile reset`));

  db.plans = keepValidItems(doc.plans, 'plans', planSchema, issues);
  db.assessments = keepValidItems(doc.assessments, 'assessments', assessmentSchema, issues);
  const planById = new Map(db.plans.map((p) => [p.id, p]));
  db.tasks = keepValidItems(doc.tasks, 'tasks', taskSchema, issues).filter((task) => {
    const plan = planById.get(task.planId);
    if (!plan) {
      issues.push(`tasks (id ${task.id}): its plan "${task.planId}" is missing; task dropped`);
      return false;
    }
    if (task.phaseId !== null && !plan.phases.some((ph) => ph.id === task.phaseId)) {
      issues.push(`tasks (id ${task.id}).phaseId: unknown phase; moved to no phase`);
      task.phaseId = null;
    }
    return true;
  });
  cutBrokenDependencies(db.tasks, issues);
  return db;
}

/** Most repairs listed one by one; the rest are counted, so a crafted file cannot flood the list. */
const MAX_LISTED_REPAIRS = 25;

/** Removes dependencies that point nowhere, across plans, or round in a loop. */
function cutBrokenDependencies(tasks: Task[], issues: string[]): void {
  let repairs = 0;
  const note = (line: string): void => {
    repairs += 1;
    if (repairs <= MAX_LISTED_REPAIRS) issues.push(line);
  };
  const planOf = new Map(tasks.map((t) => [t.id, t.planId]));
  for (const task of tasks) {
    const valid = task.dependencies.filter((d) => d !== task.id && planOf.get(d) === task.planId);
    if (valid.length !== task.dependencies.length) {
      note(`tasks (id ${task.id}).dependencies: removed links to missing or foreign tasks`);
      task.dependencies = valid;
    }
  }
  // Cutting every link that closes a loop in one depth-first pass leaves no loop at all (one
  // linear pass, where cutting a few loops at a time took hundreds of passes on a crafted file).
  const byId = new Map(tasks.map((t) => [t.id, t]));
  for (const { taskId, dependsOn } of loopClosingLinks(tasks)) {
    const task = byId.get(taskId);
    if (task === undefined) continue;
    task.dependencies = task.dependencies.filter((d) => d !== dependsOn);
    note(`tasks (id ${taskId}).dependencies: removed a link that closed a loop`);
  }
  if (repairs > MAX_LISTED_REPAIRS) {
    issues.push(`tasks: and ${repairs - MAX_LISTED_REPAIRS} more dependency links removed`);
  }
}
