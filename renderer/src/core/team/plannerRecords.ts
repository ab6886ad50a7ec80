/**
 * The planner as shared records (issue 16): the writes that turn one planner database into the
 * next, the database read back from records (plannerMaterialize.ts), which records are shared
 * with the team, and a record's history. Record layout: plannerRecordFields.ts; list order:
 * plannerOrder.ts; repairs of what concurrent edits leave: plannerRepairs.ts.
 *
 * Saving diffs the database before and after an edit. Databases are immutable, so an unchanged
 * plan or task is the very same object: it is skipped by identity, and only the fields of changed
 * objects are compared. A save at 10,000 tasks costs a pass of pointer comparisons.
 */
import type { PlanId } from '../planner/ids';
import type { Phase, PlannerDatabase, Task } from '../planner/schema';
import { memberOf, wallOf, type Hlc, type MemberId } from './hlc';
import { ordersOf, placeInOrder, rememberOrders } from './plannerOrder';
import {
  ORDER_FIELD,
  PROFILE_RECORD_ID,
  assessmentFields,
  phaseFields,
  phaseRecordId,
  planFields,
  profileFields,
  sameFieldValue,
  taskFields,
  type RecordFields,
} from './plannerRecordFields';
import {
  markRepaired,
  rememberRepairedTasks,
  repairedFieldsOf,
  repairedTasksOf,
  type RepairableField,
} from './plannerRepairs';
import {
  DELETED_FIELD,
  fieldValue,
  type FieldValue,
  type RecordKind,
  type RecordSet,
  type TeamRecord,
  type Write,
} from './records';

export { materializePlanner, type MaterializedPlanner } from './plannerMaterialize';
export type { RepairNotice } from './plannerRepairs';
export { phaseRecordId, PROFILE_RECORD_ID } from './plannerRecordFields';

/** Writes gathered per record, so each record gets one write however many reasons it has. */
class Writes {
  private readonly byKey = new Map<string, { kind: RecordKind; id: string; set: RecordFields }>();

  set(kind: RecordKind, id: string, fields: RecordFields): void {
    const key = `${kind}/${id}`;
    const write = this.byKey.get(key);
    if (write) Object.assign(write.set, fields);
    else this.byKey.set(key, { kind, id, set: { ...fields } });
  }

  has(kind: RecordKind, id: string, field: string): boolean {
    return Object.hasOwn(this.byKey.get(`${kind}/${id}`)?.set ?? {}, field);
  }

  list(): Write[] {
    return [...this.byKey.values()];
  }
}

/**
 * The field writes (unstamped) that turn `prev` into `next`. `prev` must be the database last
 * shown: one `materializePlanner` built, or the `next` of an earlier call (their list orders and
 * repairs are remembered by identity; any other database's lists count as numbered 1, 2, 3…).
 *
 * - A changed item writes only its changed fields; a moved one writes its new `order` (a number
 *   between its neighbours: moving one task rewrites one number, not 10,000).
 * - A removed item writes `$deleted: true`; an item that is new or back writes
 *   `$deleted: false` and all its fields. Deleting a plan tombstones the plan alone: its phases
 *   and tasks are hidden with it, so restoring the plan (`$deleted: false`) brings them back.
 * - A field that `materializePlanner` repaired is written only when the user edits it, or edits
 *   what the repair depends on (see plannerRepairs.ts): a save never persists nor undoes a repair
 *   behind the user's back.
 */
export function plannerWrites(prev: PlannerDatabase, next: PlannerDatabase): Write[] {
  const writes = new Writes();
  if (prev === next) return [];
  if (prev.profile !== next.profile) {
    changedFields(
      writes,
      'profile',
      PROFILE_RECORD_ID,
      profileFields(prev.profile),
      profileFields(next.profile),
    );
  }

  // Plans; their phases with them.
  const removedPlans = new Set<PlanId>();
  /** Plans that gained a phase: a task repaired into Unphased there has its phaseId written. */
  const phasesAdded = new Set<PlanId>();
  diffList(writes, 'plan', prev.plans, next.plans, {
    fields: planFields,
    recordId: (plan) => plan.id,
    onRemoved: (plan) => removedPlans.add(plan.id),
    onPair: (before, after) => {
      if (before === undefined || addsPhase(before.phases, after.phases)) phasesAdded.add(after.id);
      const repaired = before && repairedFieldsOf(before);
      if (repaired?.has('endDate') && after.endDate === before?.endDate) {
        if (writes.has('plan', after.id, 'startDate')) {
          writes.set('plan', after.id, { endDate: after.endDate }); // the repair is now the user's
        } else {
          markRepaired(after, repaired);
        }
      }
      if (before?.phases === after.phases) return;
      diffList(writes, 'phase', before?.phases ?? [], after.phases, {
        fields: (phase: Phase) => phaseFields(phase, after.id),
        recordId: (phase) => phaseRecordId(after.id, phase.id),
      });
    },
  });

  // Tasks. A task of a removed plan is hidden with the plan, not deleted.
  const graphChanged = new Set<PlanId>();
  if (prev.tasks !== next.tasks) {
    diffList(writes, 'task', prev.tasks, next.tasks, {
      fields: taskFields,
      recordId: (task) => task.id,
      skipRemoved: (task) => removedPlans.has(task.planId),
      onRemoved: (task) => graphChanged.add(task.planId),
      onPair: (before, after) => {
        if (before === after) return;
        if (before === undefined || writes.has('task', after.id, 'dependencies')) {
          graphChanged.add(after.planId);
        }
      },
    });
  }
  carryRepairs(writes, prev, next, phasesAdded, graphChanged);

  if (prev.assessments !== next.assessments) {
    diffList(writes, 'assessment', prev.assessments, next.assessments, {
      fields: assessmentFields,
      recordId: (assessment) => assessment.id,
    });
  }
  return writes.list();
}

interface ListOptions<T> {
  fields: (item: T) => RecordFields;
  recordId: (item: T) => string;
  /** True for a removed item that is not to be tombstoned. */
  skipRemoved?: (item: T) => boolean;
  onRemoved?: (item: T) => void;
  /** Called for every item of the new list after its writes: with its old self, if any. */
  onPair?: (before: T | undefined, after: T) => void;
}

/** Writes for one list: changed fields, moves, removals and returns (see `plannerWrites`). */
function diffList<T extends { readonly id: string }>(
  writes: Writes,
  kind: RecordKind,
  prev: readonly T[],
  next: readonly T[],
  options: ListOptions<T>,
): void {
  const placement = placeInOrder(prev, ordersOf(prev), next);
  rememberOrders(next, placement.orders);
  next.forEach((item, index) => {
    const before = placement.previousAt(index);
    const order = placement.moved.size > 0 ? placement.moved.get(item.id) : undefined;
    if (before === undefined) {
      writes.set(kind, options.recordId(item), {
        [DELETED_FIELD]: false,
        ...options.fields(item),
        [ORDER_FIELD]: order ?? (placement.orders[index] as number),
      });
    } else if (before !== item || order !== undefined) {
      const set = before === item ? {} : fieldChanges(options.fields(before), options.fields(item));
      if (order !== undefined) set[ORDER_FIELD] = order;
      if (Object.keys(set).length > 0) writes.set(kind, options.recordId(item), set);
    }
    options.onPair?.(before, item);
  });
  for (const item of placement.removed) {
    options.onRemoved?.(item);
    if (options.skipRemoved?.(item)) continue;
    writes.set(kind, options.recordId(item), { [DELETED_FIELD]: true });
  }
}

/**
 * True when `after` has a phase `before` lacks (added, or back after an Undo): only that can
 * undo a task's repair into Unphased. By id, since the planner's operations rebuild a plan's
 * phase objects whenever the plan is edited.
 */
function addsPhase(before: readonly Phase[], after: readonly Phase[]): boolean {
  if (before === after) return false;
  const ids = new Set(before.map((phase) => phase.id));
  return after.some((phase) => !ids.has(phase.id));
}

function fieldChanges(before: RecordFields, after: RecordFields): RecordFields {
  const set: RecordFields = {};
  for (const [name, value] of Object.entries(after)) {
    if (!sameFieldValue(before[name], value)) set[name] = value;
  }
  return set;
}

function changedFields(
  writes: Writes,
  kind: RecordKind,
  id: string,
  before: RecordFields,
  after: RecordFields,
): void {
  const set = fieldChanges(before, after);
  if (Object.keys(set).length > 0) writes.set(kind, id, set);
}

/**
 * Repaired task fields the user left alone: written when what the repair depends on changed in
 * this edit (the plan's phases, the plan's dependency graph), else carried over to `next`'s
 * object, so they stay view-time repairs.
 */
function carryRepairs(
  writes: Writes,
  prev: PlannerDatabase,
  next: PlannerDatabase,
  phasesAdded: ReadonlySet<PlanId>,
  graphChanged: ReadonlySet<PlanId>,
): void {
  const repaired = repairedTasksOf(prev.tasks) as readonly Task[];
  if (repaired.length === 0) return;
  if (prev.tasks === next.tasks && phasesAdded.size === 0) return;
  const nextById = new Map(next.tasks.map((task) => [task.id, task]));
  const still: Task[] = [];
  for (const before of repaired) {
    const after = nextById.get(before.id);
    const fields = repairedFieldsOf(before);
    if (!after || !fields) continue;
    const pending = new Set<RepairableField>();
    const check = (field: 'phaseId' | 'dependencies', trigger: ReadonlySet<PlanId>) => {
      if (!fields.has(field) || writes.has('task', after.id, field)) return;
      if (!sameFieldValue(before[field], after[field])) return; // edited: written already
      if (trigger.has(after.planId)) writes.set('task', after.id, { [field]: after[field] });
      else pending.add(field);
    };
    check('phaseId', phasesAdded);
    check('dependencies', graphChanged);
    if (pending.size > 0) {
      markRepaired(after, pending);
      still.push(after);
    }
  }
  rememberRepairedTasks(next.tasks, still);
}

/** Options of `sharedScope`. */
export interface SharedScopeOptions {
  /** The Settings choice "Share assessments". */
  shareAssessments?: boolean;
  /**
   * This machine's member. A plan withdrawn from the team stays in scope only for the member who
   * withdrew it, so the withdrawal travels but nobody else's later change to the now-private plan
   * does (a teammate deleting their copy would otherwise delete the owner's plan). Without it,
   * a withdrawn plan stays in scope for everyone.
   */
  me?: MemberId;
}

/**
 * Which planner records go to the team folder: a plan shared with the team (or withdrawn from
 * it: its `sharedBy` is kept, so the withdrawal itself travels; see `me`), the phases and tasks of a plan
 * shared now, and the assessments when the team shares them. Deleted records count like live
 * ones, so a deletion reaches the team. Reads `records` once: call it again after they change.
 */
export function sharedScope(
  records: RecordSet,
  options: SharedScopeOptions = {},
): (record: TeamRecord) => boolean {
  const sharedPlans = new Set<string>();
  for (const plan of records.ofKind('plan')) {
    if (fieldValue(plan, 'shared') === true) sharedPlans.add(plan.id);
  }
  return (record) => {
    switch (record.kind) {
      case 'plan': {
        if (fieldValue(record, 'shared') === true) return true;
        if (typeof fieldValue(record, 'sharedBy') !== 'string') return false;
        const withdrawal = record.fields.shared;
        return (
          options.me === undefined ||
          (withdrawal !== undefined && memberOf(withdrawal.at) === options.me)
        );
      }
      case 'phase':
      case 'task': {
        const planId = fieldValue(record, 'planId');
        return typeof planId === 'string' && sharedPlans.has(planId);
      }
      case 'assessment':
        return options.shareAssessments === true;
      default:
        return false;
    }
  };
}

/** One change in a record's history, as the task history view shows it. */
export interface HistoryItem {
  readonly at: Hlc;
  /** Who made the change. */
  readonly member: MemberId;
  /** When, by the clock of the machine that made it (for display only). */
  readonly wallMs: number;
  readonly fields: readonly {
    readonly name: string;
    readonly value: FieldValue;
    /** True when this is the value the field holds now (this change won). */
    readonly won: boolean;
  }[];
}

/** A record's latest changes, newest first: who set which fields, when, and whose value won. */
export function taskHistory(record: TeamRecord): HistoryItem[] {
  return record.history.map((entry) => ({
    at: entry.at,
    member: memberOf(entry.at),
    wallMs: wallOf(entry.at),
    fields: Object.entries(entry.set).map(([name, value]) => ({
      name,
      value,
      won: record.fields[name]?.at === entry.at,
    })),
  }));
}
