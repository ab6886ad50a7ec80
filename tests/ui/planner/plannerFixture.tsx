/**
 * A plan to work on in the planner's component tests, built with the real operations in the real
 * planner session over in-memory storage, and the plan screen as the planner page draws it (so
 * its save status, announcer and undo bar are there too).
 */
import { act, useSyncExternalStore } from 'react';
import { asIsoDate } from '../../../renderer/src/core/planner/dates';
import type { PhaseId, PlanId, TaskId } from '../../../renderer/src/core/planner/ids';
import { addPhase, createPlan } from '../../../renderer/src/core/planner/operations/plans';
import { addTask, type TaskInput } from '../../../renderer/src/core/planner/operations/tasks';
import { createPlannerStore } from '../../../renderer/src/core/planner/plannerStore';
import type { PlannerDatabase, Task } from '../../../renderer/src/core/planner/schema';
import { PlanPage, type PlanPageProps } from '../../../renderer/src/ui/planner/plan/PlanPage';
import {
  plannerSessionFor,
  type PlannerSession,
} from '../../../renderer/src/ui/planner/plannerSession';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import { unmountAll } from '../support/dom';

export const PLAN = 'plan-records' as PlanId;
export const PHASE = { prepare: 'phase-prepare' as PhaseId, build: 'phase-build' as PhaseId };
export const TASK = {
  lead: 'task-lead' as TaskId,
  policy: 'task-policy' as TaskId,
  inventory: 'task-inventory' as TaskId,
  train: 'task-train' as TaskId,
  scanner: 'task-scanner' as TaskId,
};

/** A date long gone, so the task is overdue whenever the test runs. */
export const PAST = asIsoDate('2020-01-15');
export const FUTURE = asIsoDate('2099-06-30');

/**
 * "Records plan": two phases and five tasks. The policy waits on the lead (not done yet); the
 * scanner was due long ago but is done, the inventory was due long ago and is not.
 */
const TASKS: [TaskId, TaskInput][] = [
  [TASK.lead, { title: 'Name a lead', phaseId: PHASE.prepare, owner: 'Clerk', dueDate: FUTURE }],
  [TASK.policy, { title: 'Draft the policy', phaseId: PHASE.build, dependencies: [TASK.lead] }],
  [TASK.inventory, { title: 'List the records', phaseId: PHASE.prepare, dueDate: PAST }],
  [TASK.train, { title: 'Train staff', phaseId: PHASE.build, status: 'in-progress' }],
  [TASK.scanner, { title: 'Buy a scanner', status: 'done', dueDate: PAST }],
];

function seeded(db: PlannerDatabase): PlannerDatabase {
  let next = createPlan(db, { title: 'Records plan' }, PLAN).db;
  next = addPhase(next, PLAN, { title: 'Prepare' }, PHASE.prepare).db;
  next = addPhase(next, PLAN, { title: 'Build' }, PHASE.build).db;
  for (const [id, input] of TASKS) next = addTask(next, PLAN, input, id).db;
  return next;
}

const opened: PlannerSession[] = [];

/** The real planner session over fresh in-memory storage, holding the seeded plan (saved). */
export async function openPlanner(): Promise<{ session: PlannerSession; storage: MemoryStorage }> {
  const storage = new MemoryStorage();
  const session = await plannerSessionFor(storage);
  opened.push(session);
  session.apply(seeded);
  await session.whenSaved();
  storage.writeLog.length = 0;
  return { session, storage };
}

/** The plan's tasks as they are stored now (read back through a new store). */
export async function storedTasks(storage: MemoryStorage): Promise<Task[]> {
  const loaded = await createPlannerStore(storage).load();
  return loaded.data.tasks.filter((task) => task.planId === PLAN);
}

/**
 * For afterEach: writes what waits for a typing pause and lets the saves a test started finish
 * while its screen is still there (a save that ends later would update a screen the test no
 * longer watches), then clears the screen.
 */
export async function closePlanner(): Promise<void> {
  for (const session of opened.splice(0)) {
    await act(async () => {
      session.flush();
      await session.whenSaved();
    });
  }
  unmountAll();
}

export function taskIn(session: PlannerSession, id: TaskId): Task | undefined {
  return session.getSnapshot().db.tasks.find((task) => task.id === id);
}

/** The plan screen, following the session as the planner page does. */
export function PlanScreen({
  session,
  view,
}: {
  session: PlannerSession;
  view: PlanPageProps['view'];
}) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return <PlanPage session={session} snapshot={snapshot} planId={PLAN} view={view} />;
}
