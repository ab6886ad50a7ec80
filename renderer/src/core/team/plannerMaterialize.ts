/**
 * The planner database every screen sees, built from records (the local ones and the team's).
 * A teammate's file can hold anything, so every record's fields are checked with the planner's
 * own schemas: an invalid record is left out, an invalid optional field shown with its default,
 * each with a notice, never a crash. Then the repairs of plannerRepairs.ts make the result obey
 * the planner's rules (integrity.ts).
 *
 * Fast when little changed: each record is parsed once (cached by record identity: records are
 * immutable), and the objects of `previous` are reused for records that did not change, so React
 * redraws only what changed and the next `plannerWrites` compares only those.
 */
import { z } from 'zod';
import type { PhaseId, PlanId, TaskId } from '../planner/ids';
import {
  assessmentSchema,
  emptyPlannerDatabase,
  phaseSchema,
  planSchema,
  profileSchema,
  taskSchema,
  type Assessment,
  type MunicipalityProfile,
  type Phase,
  type Plan,
  type PlannerDatabase,
  type Task,
} from '../planner/schema';
import { compareOrdered, rememberOrders } from './plannerOrder';
import {
  ASSESSMENT_FIELDS,
  ORDER_FIELD,
  PLAN_FIELDS,
  PROFILE_FIELDS,
  PROFILE_RECORD_ID,
  TASK_FIELDS,
  phaseRecordId,
  sameFieldValue,
} from './plannerRecordFields';
import {
  breakLoops,
  markRepaired,
  rememberRepairedTasks,
  repairedFieldsOf,
  type RepairNotice,
  type RepairableField,
} from './plannerRepairs';
import {
  fieldValue,
  isDeleted,
  type FieldValue,
  type RecordKind,
  type RecordSet,
  type TeamRecord,
} from './records';

/** The database built from records, and the repairs made on the way. */
export interface MaterializedPlanner {
  readonly db: PlannerDatabase;
  readonly notices: readonly RepairNotice[];
}

/** A record read once: its checked value (null: left out), its place, and what was wrong. */
interface Parsed<T> {
  readonly value: T | null;
  readonly order: number;
  readonly notices: readonly RepairNotice[];
  /** Fields repaired within the record itself (a plan's end date before its start). */
  readonly repaired: ReadonlySet<RepairableField>;
}

type PlanBase = Omit<Plan, 'phases'>;
interface PhaseBase {
  readonly planId: PlanId;
  readonly phase: Phase;
}

const parsedRecords = new WeakMap<TeamRecord, Parsed<unknown>>();
/** A plan as last built from its base object, to reuse when its phases are the same. */
const builtPlans = new WeakMap<PlanBase, Plan>();
/** A task as last repaired, by its base object, with the repair it carries. */
const repairedCopies = new WeakMap<Task, { key: string; task: Task }>();

const NO_REPAIRS: ReadonlySet<RepairableField> = new Set();

/** Builds the planner database from the live records of `records` (see the module comment). */
export function materializePlanner(
  records: RecordSet,
  previous?: MaterializedPlanner,
): MaterializedPlanner {
  const notices: RepairNotice[] = [];
  const before = new PreviousObjects(previous?.db);
  const buckets = bucketRecords(records);

  const profile = buildProfile(buckets.profile, before, notices);

  // Plans.
  const livePlans: {
    order: number;
    id: string;
    base: PlanBase;
    repaired: ReadonlySet<RepairableField>;
  }[] = [];
  for (const record of buckets.plan) {
    const parsed = parsedOf(record, parsePlan, before);
    notices.push(...parsed.notices);
    if (parsed.value) {
      livePlans.push({
        order: parsed.order,
        id: parsed.value.id,
        base: parsed.value,
        repaired: parsed.repaired,
      });
    }
  }
  livePlans.sort(compareOrdered);
  const planIds = new Set(livePlans.map((p) => p.id));

  // Phases, by plan.
  const phasesByPlan = new Map<string, { order: number; id: string; phase: Phase }[]>();
  for (const record of buckets.phase) {
    const parsed = parsedOf(record, parsePhase, before);
    if (parsed.value && !planIds.has(parsed.value.planId)) continue; // hidden with its plan
    notices.push(...parsed.notices);
    if (!parsed.value) continue;
    const list = phasesByPlan.get(parsed.value.planId) ?? [];
    list.push({ order: parsed.order, id: parsed.value.phase.id, phase: parsed.value.phase });
    phasesByPlan.set(parsed.value.planId, list);
  }
  const plans: Plan[] = [];
  const planOrders: number[] = [];
  const phaseIds = new Map<string, Set<string>>();
  for (const { base, order, repaired } of livePlans) {
    const entries = (phasesByPlan.get(base.id) ?? []).sort(compareOrdered);
    phaseIds.set(base.id, new Set(entries.map((e) => e.id)));
    const plan = buildPlan(
      base,
      entries.map((e) => e.phase),
      before.plan(base.id),
    );
    rememberOrders(
      plan.phases,
      entries.map((e) => e.order),
    );
    markRepaired(plan, repaired);
    plans.push(plan);
    planOrders.push(order);
  }

  // Tasks: those of live plans, then their references checked.
  const liveTasks: { order: number; id: string; base: Task; fresh: TeamRecord | null }[] = [];
  for (const record of buckets.task) {
    const fresh = !parsedRecords.has(record);
    const parsed = parsedOf(record, parseTask, before);
    if (!parsed.value) {
      if (parsed.notices.length > 0) notices.push(...parsed.notices);
      continue;
    }
    const { planId } = parsed.value;
    if (!planIds.has(planId)) {
      if (!records.get('plan', planId)) {
        notices.push({ code: 'taskWithoutPlan', planId, taskId: parsed.value.id });
      }
      continue; // a task of a deleted plan is hidden with it
    }
    if (parsed.notices.length > 0) notices.push(...parsed.notices);
    liveTasks.push({
      order: parsed.order,
      id: parsed.value.id,
      base: parsed.value,
      fresh: fresh ? record : null,
    });
  }
  if (!isSorted(liveTasks)) liveTasks.sort(compareOrdered);
  const previousTasks = previous?.db.tasks;
  liveTasks.forEach((entry, index) => {
    if (!entry.fresh) return;
    // A changed record: keep the previous object if it holds the same (the save just made).
    const atIndex = previousTasks?.[index];
    const earlier = atIndex?.id === entry.id ? atIndex : before.task(entry.id);
    const kept = reused(entry.base, earlier, TASK_KEYS);
    if (kept !== entry.base) {
      entry.base = kept;
      const parsed = parsedRecords.get(entry.fresh) as Parsed<Task>;
      parsedRecords.set(entry.fresh, { ...parsed, value: kept });
    }
  });
  const taskPlan = new Map<TaskId, PlanId>();
  for (const { base } of liveTasks) taskPlan.set(base.id, base.planId);

  const checked: { base: Task; phaseId: PhaseId | null; dependencies: readonly TaskId[] }[] = [];
  for (const { base } of liveTasks) {
    let phaseId = base.phaseId;
    if (phaseId !== null && !phaseIds.get(base.planId)?.has(phaseId)) {
      notices.push({ code: 'taskUnphased', planId: base.planId, taskId: base.id, phaseId });
      phaseId = null;
    }
    let dependencies: readonly TaskId[] = base.dependencies;
    if (dependencies.some((dep) => dep === base.id || taskPlan.get(dep) !== base.planId)) {
      dependencies = dependencies.filter((dependsOn) => {
        if (dependsOn !== base.id && taskPlan.get(dependsOn) === base.planId) return true;
        notices.push({
          code: 'dependencyDropped',
          planId: base.planId,
          taskId: base.id,
          dependsOn,
        });
        return false;
      });
    }
    checked.push({ base, phaseId, dependencies });
  }
  // The previous database obeys the rules (it was materialized, or made by the planner's
  // operations), so when the dependencies are the same as there, there is no loop to look for.
  const loopLinks = sameGraph(previousTasks, checked)
    ? []
    : breakLoops(
        checked.map(({ base, dependencies }) =>
          dependencies === base.dependencies ? base : { ...base, dependencies: [...dependencies] },
        ),
      );
  const dropLinks = new Map<TaskId, Set<TaskId>>();
  for (const { taskId, dependsOn } of loopLinks) {
    const set = dropLinks.get(taskId) ?? new Set<TaskId>();
    set.add(dependsOn);
    dropLinks.set(taskId, set);
    notices.push({
      code: 'dependencyLoopBroken',
      planId: taskPlan.get(taskId) as PlanId,
      taskId,
      dependsOn,
    });
  }
  const tasks: Task[] = [];
  const repairedList: Task[] = [];
  checked.forEach((entry, index) => {
    const drop = dropLinks.get(entry.base.id);
    const dependencies = drop ? entry.dependencies.filter((d) => !drop.has(d)) : entry.dependencies;
    const atIndex = previousTasks?.[index];
    const task = repairedTask(
      entry.base,
      entry.phaseId,
      dependencies,
      atIndex?.id === entry.base.id ? atIndex : undefined,
    );
    if (task !== entry.base) repairedList.push(task);
    tasks.push(task);
  });

  // Assessments.
  const liveAssessments: { order: number; id: string; value: Assessment }[] = [];
  for (const record of buckets.assessment) {
    const parsed = parsedOf(record, parseAssessment, before);
    notices.push(...parsed.notices);
    if (parsed.value)
      liveAssessments.push({ order: parsed.order, id: parsed.value.id, value: parsed.value });
  }
  liveAssessments.sort(compareOrdered);

  const prevDb = previous?.db;
  const db = sameDatabase(prevDb, {
    schemaVersion: emptyPlannerDatabase().schemaVersion,
    profile,
    plans: sameList(prevDb?.plans, plans),
    tasks: sameList(prevDb?.tasks, tasks),
    assessments: sameList(
      prevDb?.assessments,
      liveAssessments.map((a) => a.value),
    ),
  });
  rememberOrders(db.plans, planOrders);
  rememberOrders(
    db.tasks,
    liveTasks.map((t) => t.order),
  );
  rememberOrders(
    db.assessments,
    liveAssessments.map((a) => a.order),
  );
  rememberRepairedTasks(db.tasks, repairedList);
  notices.sort(compareNotices);
  return { db, notices };
}

/** The planner's records by kind (one pass over the set; order is restored by sorting). */
function bucketRecords(
  records: RecordSet,
): Record<'profile' | 'plan' | 'phase' | 'task' | 'assessment', TeamRecord[]> {
  const buckets = { profile: [], plan: [], phase: [], task: [], assessment: [] } as Record<
    'profile' | 'plan' | 'phase' | 'task' | 'assessment',
    TeamRecord[]
  >;
  for (const record of records.all()) {
    if (isDeleted(record)) continue;
    const bucket = (buckets as Partial<Record<RecordKind, TeamRecord[]>>)[record.kind];
    bucket?.push(record);
  }
  return buckets;
}

/** Objects of the previous database by id, looked up only when a record changed. */
class PreviousObjects {
  private plans?: Map<string, Plan>;
  private phases?: Map<string, Phase>;
  private tasks?: Map<string, Task>;
  private assessments?: Map<string, Assessment>;

  constructor(readonly db: PlannerDatabase | undefined) {}

  plan(id: string): Plan | undefined {
    this.plans ??= new Map(this.db?.plans.map((p) => [p.id, p]));
    return this.plans.get(id);
  }

  phase(recordId: string): Phase | undefined {
    this.phases ??= new Map(
      this.db?.plans.flatMap((p) =>
        p.phases.map((ph) => [phaseRecordId(p.id, ph.id), ph] as const),
      ),
    );
    return this.phases.get(recordId);
  }

  task(id: string): Task | undefined {
    this.tasks ??= new Map(this.db?.tasks.map((t) => [t.id, t]));
    return this.tasks.get(id);
  }

  assessment(id: string): Assessment | undefined {
    this.assessments ??= new Map(this.db?.assessments.map((a) => [a.id, a]));
    return this.assessments.get(id);
  }
}

type Parser<T> = (record: TeamRecord, before: PreviousObjects) => Parsed<T>;

function parsedOf<T>(record: TeamRecord, parse: Parser<T>, before: PreviousObjects): Parsed<T> {
  const cached = parsedRecords.get(record) as Parsed<T> | undefined;
  if (cached) return cached;
  const parsed = parse(record, before);
  parsedRecords.set(record, parsed);
  return parsed;
}

/** A record's known fields, checked with `schema`: whole when valid, else field by field. */
function checkFields<S extends z.ZodObject>(
  record: TeamRecord,
  schema: S,
  names: readonly string[],
  defaults: Readonly<Record<string, FieldValue>>,
  base: Record<string, unknown>,
  notices: RepairNotice[],
  quietWhenMissing = false,
): z.output<S> | null {
  const candidate: Record<string, unknown> = { ...base };
  for (const name of names) {
    const value = fieldValue(record, name);
    if (value !== undefined) candidate[name] = value;
    else if (quietWhenMissing && Object.hasOwn(defaults, name)) candidate[name] = defaults[name];
  }
  const whole = schema.safeParse(candidate);
  if (whole.success) return whole.data;
  const value: Record<string, unknown> = {};
  for (const name of [...Object.keys(base), ...names]) {
    const field = schema.shape[name] as z.ZodType | undefined;
    const result = field?.safeParse(candidate[name]);
    if (result?.success) {
      value[name] = result.data;
    } else if (Object.hasOwn(defaults, name)) {
      value[name] = defaults[name];
      notices.push({ code: 'fieldDefaulted', kind: record.kind, recordId: record.id, field: name });
    } else {
      notices.length = 0;
      notices.push({ code: 'recordSkipped', kind: record.kind, recordId: record.id, field: name });
      return null;
    }
  }
  return value as z.output<S>;
}

function orderOf(record: TeamRecord, notices: RepairNotice[]): number {
  const value = fieldValue(record, ORDER_FIELD);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  notices.push({
    code: 'fieldDefaulted',
    kind: record.kind,
    recordId: record.id,
    field: ORDER_FIELD,
  });
  return 0;
}

/** `fresh`, or `earlier` when it holds the same fields (so its identity is kept). */
function reused<T extends object>(fresh: T, earlier: T | undefined, names: readonly string[]): T {
  if (!earlier || repairedFieldsOf(earlier)) return fresh;
  for (const name of names) {
    if (
      !sameFieldValue(
        (fresh as Record<string, FieldValue>)[name],
        (earlier as Record<string, FieldValue>)[name],
      )
    ) {
      return fresh;
    }
  }
  return earlier;
}

const PLAN_DEFAULTS: Record<string, FieldValue> = {
  goal: '',
  owner: '',
  status: 'draft',
  startDate: null,
  endDate: null,
  budgetEstimateCents: null,
  fundingSource: '',
  linkedDocIds: [],
  shared: false,
  sharedBy: null,
};

/** A plan's own fields, without its phases and without the date rule (checked apart). */
const planFieldsSchema = z.strictObject(planSchema.shape).omit({ phases: true });

const parsePlan: Parser<PlanBase> = (record, before) => {
  const notices: RepairNotice[] = [];
  const checked = checkFields(
    record,
    planFieldsSchema,
    PLAN_FIELDS,
    PLAN_DEFAULTS,
    { id: record.id },
    notices,
  );
  if (!checked) return { value: null, order: 0, notices, repaired: NO_REPAIRS };
  let value: PlanBase = checked;
  let repaired = NO_REPAIRS;
  if (value.startDate !== null && value.endDate !== null && value.endDate < value.startDate) {
    // Two members moved the dates apart concurrently: the end date gives way.
    value = { ...value, endDate: null };
    repaired = new Set<RepairableField>(['endDate']);
    notices.push({ code: 'fieldDefaulted', kind: 'plan', recordId: record.id, field: 'endDate' });
  }
  const earlier = before.plan(record.id);
  return {
    value: repaired.size === 0 ? reused(value, earlier, ['id', ...PLAN_FIELDS]) : value,
    order: orderOf(record, notices),
    notices,
    repaired,
  };
};

const parsePhase: Parser<PhaseBase> = (record, before) => {
  const notices: RepairNotice[] = [];
  const planId = planSchema.shape.id.safeParse(fieldValue(record, 'planId'));
  const phaseId = phaseSchema.shape.id.safeParse(fieldValue(record, 'phaseId'));
  // The record id is derived from both ids: a record whose fields do not give it back is not
  // the phase it claims to be.
  if (
    !planId.success ||
    !phaseId.success ||
    phaseRecordId(planId.data, phaseId.data) !== record.id
  ) {
    notices.push({ code: 'recordSkipped', kind: 'phase', recordId: record.id, field: 'id' });
    return { value: null, order: 0, notices, repaired: NO_REPAIRS };
  }
  const checked = checkFields(
    record,
    phaseSchema,
    ['title', 'docId'],
    { docId: null },
    { id: phaseId.data },
    notices,
  );
  if (!checked) return { value: null, order: 0, notices, repaired: NO_REPAIRS };
  const phase = reused(checked, before.phase(record.id), ['id', 'title', 'docId']);
  return {
    value: { planId: planId.data, phase },
    order: orderOf(record, notices),
    notices,
    repaired: NO_REPAIRS,
  };
};

const TASK_DEFAULTS: Record<string, FieldValue> = {
  phaseId: null,
  owner: '',
  dueDate: null,
  status: 'not-started',
  estimatedCostCents: null,
  notes: '',
  linkedDocIds: [],
  dependencies: [],
};

const TASK_KEYS = ['id', ...TASK_FIELDS];

/** A task's checked fields; the previous object is reused by the caller, which knows where. */
const parseTask: Parser<Task> = (record) => {
  const notices: RepairNotice[] = [];
  const checked = checkFields(
    record,
    taskSchema,
    TASK_FIELDS,
    TASK_DEFAULTS,
    { id: record.id },
    notices,
  );
  if (!checked) return { value: null, order: 0, notices, repaired: NO_REPAIRS };
  return {
    value: checked,
    order: orderOf(record, notices),
    notices,
    repaired: NO_REPAIRS,
  };
};

const parseAssessment: Parser<Assessment> = (record, before) => {
  const notices: RepairNotice[] = [];
  const checked = checkFields(
    record,
    assessmentSchema,
    ASSESSMENT_FIELDS,
    {},
    { id: record.id },
    notices,
  );
  if (!checked) return { value: null, order: 0, notices, repaired: NO_REPAIRS };
  return {
    value: reused(checked, before.assessment(record.id), ['id', ...ASSESSMENT_FIELDS]),
    order: orderOf(record, notices),
    notices,
    repaired: NO_REPAIRS,
  };
};

const PROFILE_DEFAULTS: Record<string, FieldValue> = {
  name: '',
  tier: null,
  region: null,
  population: null,
};

function buildProfile(
  records: readonly TeamRecord[],
  before: PreviousObjects,
  notices: RepairNotice[],
): MunicipalityProfile {
  const record = records.find((r) => r.id === PROFILE_RECORD_ID);
  const earlier = before.db?.profile;
  if (!record) {
    const empty = emptyPlannerDatabase().profile;
    return earlier ? reused(empty, earlier, PROFILE_FIELDS) : empty;
  }
  const parsed = parsedOf<MunicipalityProfile>(
    record,
    (r) => {
      const own: RepairNotice[] = [];
      // The profile is written field by field as it is filled in: an unwritten field is empty.
      const value = checkFields(r, profileSchema, PROFILE_FIELDS, PROFILE_DEFAULTS, {}, own, true);
      return { value, order: 0, notices: own, repaired: NO_REPAIRS };
    },
    before,
  );
  notices.push(...parsed.notices);
  const value = parsed.value ?? emptyPlannerDatabase().profile;
  return earlier ? reused(value, earlier, PROFILE_FIELDS) : value;
}

/**
 * The plan of `base` with `phases`: the previous database's object when it is the same, else the
 * one last built from `base` (records, hence bases, can be shared by several record sets), else new.
 */
function buildPlan(base: PlanBase, phases: Phase[], earlier: Plan | undefined): Plan {
  const candidates = [earlier, builtPlans.get(base)];
  for (const last of candidates) {
    if (last && sameItems(last.phases, phases) && sameBase(last, base)) return last;
  }
  const samePhases = candidates.find((last) => last && sameItems(last.phases, phases));
  const plan: Plan = { ...base, phases: samePhases ? samePhases.phases : phases };
  builtPlans.set(base, plan);
  return plan;
}

function sameBase(plan: Plan, base: PlanBase): boolean {
  if (plan.id !== base.id) return false;
  return PLAN_FIELDS.every((name) => sameFieldValue(plan[name], base[name]));
}

/** `base`, or a copy with the repaired phase and dependencies (the same copy while unchanged). */
function repairedTask(
  base: Task,
  phaseId: PhaseId | null,
  dependencies: readonly TaskId[],
  earlier: Task | undefined,
): Task {
  const phaseRepaired = phaseId !== base.phaseId;
  const depsRepaired = dependencies.length !== base.dependencies.length;
  if (!phaseRepaired && !depsRepaired) return base;
  if (
    earlier &&
    repairedFieldsOf(earlier) &&
    earlier.phaseId === phaseId &&
    sameFieldValue(earlier.dependencies, dependencies) &&
    TASK_KEYS.every(
      (name) =>
        name === 'phaseId' ||
        name === 'dependencies' ||
        sameFieldValue(
          (earlier as Record<string, FieldValue>)[name],
          (base as Record<string, FieldValue>)[name],
        ),
    )
  ) {
    return earlier;
  }
  const key = `${phaseId ?? ''}|${dependencies.join(',')}`;
  const cached = repairedCopies.get(base);
  if (cached?.key === key) return cached.task;
  const task: Task = { ...base, phaseId, dependencies: [...dependencies] };
  const fields = new Set<RepairableField>();
  if (phaseRepaired) fields.add('phaseId');
  if (depsRepaired) fields.add('dependencies');
  markRepaired(task, fields);
  repairedCopies.set(base, { key, task });
  return task;
}

function isSorted(entries: readonly { order: number; id: string }[]): boolean {
  for (let i = 1; i < entries.length; i++) {
    if (
      compareOrdered(
        entries[i - 1] as { order: number; id: string },
        entries[i] as { order: number; id: string },
      ) > 0
    )
      return false;
  }
  return true;
}

/** True when `checked` has the same tasks in the same places with the same dependencies. */
function sameGraph(
  earlier: readonly Task[] | undefined,
  checked: readonly { base: Task; dependencies: readonly TaskId[] }[],
): boolean {
  if (!earlier || earlier.length !== checked.length) return false;
  for (let i = 0; i < checked.length; i++) {
    const now = checked[i] as { base: Task; dependencies: readonly TaskId[] };
    const then = earlier[i] as Task;
    if (then.id !== now.base.id) return false;
    if (
      then.dependencies !== now.dependencies &&
      !sameFieldValue(then.dependencies, now.dependencies)
    ) {
      return false;
    }
  }
  return true;
}

function sameItems<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  return a !== undefined && a.length === b.length && a.every((item, i) => item === b[i]);
}

/** `earlier` when it holds the very same items, else `items`. */
function sameList<T>(earlier: readonly T[] | undefined, items: T[]): T[] {
  return sameItems(earlier, items) ? (earlier as T[]) : items;
}

function sameDatabase(earlier: PlannerDatabase | undefined, db: PlannerDatabase): PlannerDatabase {
  return earlier &&
    earlier.schemaVersion === db.schemaVersion &&
    earlier.profile === db.profile &&
    earlier.plans === db.plans &&
    earlier.tasks === db.tasks &&
    earlier.assessments === db.assessments
    ? earlier
    : db;
}

function compareNotices(a: RepairNotice, b: RepairNotice): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
