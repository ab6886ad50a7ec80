import type { ContentDocument } from '../../content/model';
import type { DocId } from '../../content/ids';
import type { IsoDate } from '../dates';
import { guideTemplate } from '../guideTemplate';
import { newPhaseId, newPlanId, newTaskId, type PhaseId, type PlanId } from '../ids';
import {
  phaseSchema,
  planSchema,
  profileSchema,
  taskSchema,
  type MunicipalityProfile,
  type Phase,
  type Plan,
  type PlanStatus,
  type PlannerDatabase,
  type Task,
} from '../schema';
import { messageRef } from '../../common/messageRef';
import type { MemberId } from '../../team/hlc';
import { PlannerError, insertAt, requirePlan, validated } from './common';

/** What a person fills in to create or edit a plan; everything but the title is optional. */
export interface PlanInput {
  title: string;
  goal?: string;
  owner?: string;
  status?: PlanStatus;
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
  budgetEstimateCents?: number | null;
  fundingSource?: string;
  linkedDocIds?: DocId[];
}

/** Fields of a plan that `updatePlan` may change (phases have their own operations). */
export type PlanPatch = Partial<Omit<Plan, 'id' | 'phases'>>;

/** A deleted plan with everything needed to put it back exactly where it was. */
export interface RemovedPlan {
  plan: Plan;
  index: number;
  tasks: { task: Task; index: number }[];
}

/** Replaces the municipality profile. */
export function setProfile(db: PlannerDatabase, profile: MunicipalityProfile): PlannerDatabase {
  return { ...db, profile: validated(profileSchema, profile, 'profile') };
}

function planFrom(input: PlanInput, id: PlanId, phases: Phase[]): Plan {
  return validated(
    planSchema,
    {
      id,
      title: input.title.trim(),
      goal: input.goal?.trim() ?? '',
      owner: input.owner?.trim() ?? '',
      status: input.status ?? 'draft',
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      budgetEstimateCents: input.budgetEstimateCents ?? null,
      fundingSource: input.fundingSource?.trim() ?? '',
      linkedDocIds: input.linkedDocIds ?? [],
      shared: false,
      sharedBy: null,
      phases,
    },
    'plan',
  );
}

/** Adds an empty plan (no phases, no tasks). */
export function createPlan(
  db: PlannerDatabase,
  input: PlanInput,
  id: PlanId = newPlanId(),
): { db: PlannerDatabase; plan: Plan } {
  const plan = planFrom(input, id, []);
  return { db: { ...db, plans: [...db.plans, plan] }, plan };
}

/**
 * The plan with `planId`, or (when there is none, e.g. the user chose "a new plan") a new empty
 * plan titled `newTitle`, added to the database.
 */
export function planOrCreate(
  db: PlannerDatabase,
  planId: string | undefined,
  newTitle: string,
): { db: PlannerDatabase; plan: Plan } {
  const existing = db.plans.find((p) => p.id === planId);
  return existing ? { db, plan: existing } : createPlan(db, { title: newTitle });
}

/**
 * Adds a plan built from the how-to guide: one phase per guide step (linked to the step), and one
 * task per numbered action of the step (linked back to the step's document). `guideDocs` may be the
 * whole document store: only guide steps are used.
 */
export function createPlanFromGuide(
  db: PlannerDatabase,
  input: PlanInput,
  guideDocs: readonly ContentDocument[],
  id: PlanId = newPlanId(),
): { db: PlannerDatabase; plan: Plan; tasks: Task[] } {
  const steps = guideTemplate(guideDocs);
  if (steps.length === 0) throw new PlannerError(messageRef('planner:errors.noGuide'));
  const phases: Phase[] = [];
  const tasks: Task[] = [];
  for (const step of steps) {
    const phase: Phase = { id: newPhaseId(), title: step.title, docId: step.docId };
    phases.push(phase);
    for (const action of step.actions) {
      tasks.push(
        validated(
          taskSchema,
          {
            id: newTaskId(),
            planId: id,
            title: action.title,
            phaseId: phase.id,
            owner: '',
            dueDate: null,
            status: 'not-started',
            estimatedCostCents: null,
            notes: action.notes,
            linkedDocIds: [step.docId],
            dependencies: [],
          },
          'task',
        ),
      );
    }
  }
  const plan = planFrom(input, id, phases);
  return { db: { ...db, plans: [...db.plans, plan], tasks: [...db.tasks, ...tasks] }, plan, tasks };
}

/** Changes a plan's fields; returns the plan as it was, for Undo. */
export function updatePlan(
  db: PlannerDatabase,
  planId: PlanId,
  patch: PlanPatch,
): { db: PlannerDatabase; previous: Plan } {
  const previous = requirePlan(db, planId);
  const next = validated(
    planSchema,
    { ...previous, ...patch, id: planId, phases: previous.phases },
    'plan',
  );
  return { db: { ...db, plans: db.plans.map((p) => (p.id === planId ? next : p)) }, previous };
}

/**
 * "Share with team" on or off. Sharing records `me` as the member who shared it; stopping keeps
 * that name, so the plan's record stays in the shared scope and the team learns it was withdrawn
 * (see `sharedScope` in core/team/plannerRecords). Unchanged when already so.
 */
export function setPlanShared(
  db: PlannerDatabase,
  planId: PlanId,
  shared: boolean,
  me: MemberId,
): PlannerDatabase {
  const plan = requirePlan(db, planId);
  const sharedBy = shared ? me : plan.sharedBy;
  if (plan.shared === shared && plan.sharedBy === sharedBy) return db;
  return { ...db, plans: db.plans.map((p) => (p.id === planId ? { ...p, shared, sharedBy } : p)) };
}

/** Deletes a plan and its tasks; `restorePlan(db, removed)` undoes it. */
export function deletePlan(
  db: PlannerDatabase,
  planId: PlanId,
): { db: PlannerDatabase; removed: RemovedPlan } {
  const index = db.plans.findIndex((p) => p.id === planId);
  const plan = requirePlan(db, planId);
  const tasks = db.tasks.flatMap((task, i) => (task.planId === planId ? [{ task, index: i }] : []));
  return {
    db: {
      ...db,
      plans: db.plans.filter((p) => p.id !== planId),
      tasks: db.tasks.filter((t) => t.planId !== planId),
    },
    removed: { plan, index, tasks },
  };
}

/** Puts a deleted plan and its tasks back where they were. */
export function restorePlan(db: PlannerDatabase, removed: RemovedPlan): PlannerDatabase {
  if (db.plans.some((p) => p.id === removed.plan.id))
    throw new PlannerError(messageRef('planner:errors.planThere'));
  let tasks = db.tasks;
  for (const { task, index } of removed.tasks) tasks = insertAt(tasks, index, task);
  return { ...db, plans: insertAt(db.plans, removed.index, removed.plan), tasks };
}

/** Adds a phase at the end of a plan (or at `index`). */
export function addPhase(
  db: PlannerDatabase,
  planId: PlanId,
  input: { title: string; docId?: DocId | null; index?: number },
  id: PhaseId = newPhaseId(),
): { db: PlannerDatabase; phase: Phase } {
  const plan = requirePlan(db, planId);
  const phase = validated(
    phaseSchema,
    { id, title: input.title.trim(), docId: input.docId ?? null },
    'phase',
  );
  const phases = insertAt(plan.phases, input.index ?? plan.phases.length, phase);
  return { db: replacePlan(db, { ...plan, phases }), phase };
}

/** Renames a phase. */
export function renamePhase(
  db: PlannerDatabase,
  planId: PlanId,
  phaseId: PhaseId,
  title: string,
): PlannerDatabase {
  const plan = requirePlan(db, planId);
  const phases = plan.phases.map((ph) =>
    ph.id === phaseId ? validated(phaseSchema, { ...ph, title: title.trim() }, 'phase') : ph,
  );
  return replacePlan(db, { ...plan, phases });
}

/** Moves a phase to another position in its plan. */
export function movePhase(
  db: PlannerDatabase,
  planId: PlanId,
  phaseId: PhaseId,
  toIndex: number,
): PlannerDatabase {
  const plan = requirePlan(db, planId);
  const phase = plan.phases.find((ph) => ph.id === phaseId);
  if (!phase) throw new PlannerError(messageRef('planner:errors.phaseGone'));
  const rest = plan.phases.filter((ph) => ph.id !== phaseId);
  return replacePlan(db, { ...plan, phases: insertAt(rest, toIndex, phase) });
}

/** A deleted phase, and the tasks that were in it (they stay in the plan, with no phase). */
export interface RemovedPhase {
  planId: PlanId;
  phase: Phase;
  index: number;
  taskIds: Task['id'][];
}

/** Deletes a phase; its tasks are kept and moved to "no phase". `restorePhase` undoes it. */
export function deletePhase(
  db: PlannerDatabase,
  planId: PlanId,
  phaseId: PhaseId,
): { db: PlannerDatabase; removed: RemovedPhase } {
  const plan = requirePlan(db, planId);
  const index = plan.phases.findIndex((ph) => ph.id === phaseId);
  const phase = plan.phases[index];
  if (!phase) throw new PlannerError(messageRef('planner:errors.phaseGone'));
  const taskIds = db.tasks
    .filter((t) => t.planId === planId && t.phaseId === phaseId)
    .map((t) => t.id);
  const next = replacePlan(db, { ...plan, phases: plan.phases.filter((ph) => ph.id !== phaseId) });
  return {
    db: {
      ...next,
      tasks: next.tasks.map((t) => (taskIds.includes(t.id) ? { ...t, phaseId: null } : t)),
    },
    removed: { planId, phase, index, taskIds },
  };
}

/** Puts a deleted phase back and returns its tasks to it (those still in the plan with no phase). */
export function restorePhase(db: PlannerDatabase, removed: RemovedPhase): PlannerDatabase {
  const plan = requirePlan(db, removed.planId);
  if (plan.phases.some((ph) => ph.id === removed.phase.id))
    throw new PlannerError(messageRef('planner:errors.phaseThere'));
  const next = replacePlan(db, {
    ...plan,
    phases: insertAt(plan.phases, removed.index, removed.phase),
  });
  const ids = new Set(removed.taskIds);
  return {
    ...next,
    tasks: next.tasks.map((t) =>
      ids.has(t.id) && t.planId === removed.planId && t.phaseId === null
        ? { ...t, phaseId: removed.phase.id }
        : t,
    ),
  };
}

function replacePlan(db: PlannerDatabase, plan: Plan): PlannerDatabase {
  const checked = validated(planSchema, plan, 'plan');
  return { ...db, plans: db.plans.map((p) => (p.id === plan.id ? checked : p)) };
}
