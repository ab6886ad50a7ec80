import { problemLine, withOutcome, type ProblemLine } from '../common/problemLine';
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
      issues: [
        withOutcome(
          problemLine(undefined, 'problems:stored.notAPlanner'),
          'problems:outcome.emptyPlanner',
        ),
      ],
    };
  }
  const issues: ProblemLine[] = [];
  let doc = raw;
  let fromVersion: number | undefined;
  const migrated = migratePlannerDocument(raw);
  if (migrated.ok) {
    doc = migrated.doc;
    fromVersion = migrated.fromVersion;
  } else {
    issues.push(withOutcome(migrated.problem, 'problems:outcome.keptKnown'));
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

function salvage(doc: Record<string, unknown>, issues: ProblemLine[]): PlannerDatabase {
  const db = emptyPlannerDatabase();
  const profile = profileSchema.safeParse(doc.profile);
  if (profile.success) db.profile = profile.data;
  else
    issues.push(
      ...formatZodIssues(profile.error, ['profile']).map((line) =>
        withOutcome(line, 'problems:outcome.profileReset'),
      ),
    );

  db.plans = keepValidItems(doc.plans, 'plans', planSchema, issues);
  db.assessments = keepValidItems(doc.assessments, 'assessments', assessmentSchema, issues);
  const planById = new Map(db.plans.map((p) => [p.id, p]));
  db.tasks = keepValidItems(doc.tasks, 'tasks', taskSchema, issues).filter((task) => {
    const plan = planById.get(task.planId);
    if (!plan) {
      issues.push(
        withOutcome(
          problemLine(`tasks (id ${task.id})`, 'problems:stored.planMissing', {
            planId: task.planId,
          }),
          'problems:outcome.taskDropped',
        ),
      );
      return false;
    }
    if (task.phaseId !== null && !plan.phases.some((ph) => ph.id === task.phaseId)) {
      issues.push(
        withOutcome(
          problemLine(`tasks (id ${task.id}).phaseId`, 'problems:stored.unknownPhase'),
          'problems:outcome.noPhase',
        ),
      );
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
function cutBrokenDependencies(tasks: Task[], issues: ProblemLine[]): void {
  let repairs = 0;
  const note = (line: ProblemLine): void => {
    repairs += 1;
    if (repairs <= MAX_LISTED_REPAIRS) issues.push(line);
  };
  const planOf = new Map(tasks.map((t) => [t.id, t.planId]));
  for (const task of tasks) {
    const valid = task.dependencies.filter((d) => d !== task.id && planOf.get(d) === task.planId);
    if (valid.length !== task.dependencies.length) {
      note(problemLine(`tasks (id ${task.id}).dependencies`, 'problems:stored.foreignLinks'));
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
    note(problemLine(`tasks (id ${taskId}).dependencies`, 'problems:stored.loopLink'));
  }
  if (repairs > MAX_LISTED_REPAIRS) {
    issues.push(
      problemLine('tasks', 'problems:stored.moreLinks', { count: repairs - MAX_LISTED_REPAIRS }),
    );
  }
}
