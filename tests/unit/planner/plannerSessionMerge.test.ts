import { describe, expect, it } from 'vitest';
import { createPlan, updatePlan } from '../../../renderer/src/core/planner/operations/plans';
import { addTask } from '../../../renderer/src/core/planner/operations/tasks';
import { createPlannerStore } from '../../../renderer/src/core/planner/plannerStore';
import type { Change } from '../../../renderer/src/core/team/records';
import { PlannerSession } from '../../../renderer/src/ui/planner/plannerSession';
import { ManualScheduler } from '../store/ManualScheduler';
import { MemoryStorage } from '../store/MemoryStorage';
import { planId } from './helpers';

/** A member's planner: its own storage and identity, and every change it stores, as published. */
async function member(scheduler?: ManualScheduler) {
  const storage = new MemoryStorage();
  const store = createPlannerStore(storage);
  const session = new PlannerSession(store, await store.load(), { scheduler });
  const published: Change[] = [];
  store.onChanges((changes) => published.push(...changes));
  return { storage, session, published };
}

describe('PlannerSession.mergeRemote', () => {
  it("shows a teammate's plan at once, stores it locally, and does not publish it again", async () => {
    const sam = await member();
    const alex = await member();
    sam.session.apply((db) => createPlan(db, { title: 'Online permits' }, planId('p1')).db);
    sam.session.apply((db) => addTask(db, planId('p1'), { title: 'List the steps' }).db);
    await sam.session.whenSaved();

    const seen: number[] = [];
    alex.session.subscribe(() => seen.push(alex.session.getSnapshot().db.tasks.length));
    const merging = alex.session.mergeRemote(sam.published);
    expect(alex.session.getSnapshot().db.plans.map((plan) => plan.title)).toEqual([
      'Online permits',
    ]);
    expect(seen).toContain(1);
    await expect(merging).resolves.toBe(true);
    expect(alex.session.getSnapshot().saveState).toEqual({ status: 'saved' });
    expect(alex.published).toEqual([]);
    await expect(alex.session.mergeRemote(sam.published)).resolves.toBe(false);

    // A restart of Alex's app has the plan without the team folder.
    const reloaded = await createPlannerStore(alex.storage).load();
    expect(reloaded.data.tasks.map((task) => task.title)).toEqual(['List the steps']);
  });

  it("keeps an import stored while a teammate's changes arrive, and says it was imported", async () => {
    const sam = await member();
    const alex = await member();
    sam.session.apply((db) => createPlan(db, { title: 'Permits' }, planId('p1')).db);
    await sam.session.whenSaved();

    alex.storage.writeDelays = [50];
    const importing = alex.session.applyStored(
      (db) => createPlan(db, { title: 'Imported' }, planId('p2')).db,
    );
    const merging = alex.session.mergeRemote(sam.published);
    // The merged data holds the import: its records were folded in before the merge.
    const titles = () =>
      alex.session
        .getSnapshot()
        .db.plans.map((plan) => plan.title)
        .sort();
    expect(titles()).toEqual(['Imported', 'Permits']);
    await expect(importing).resolves.toBeNull();
    await merging;
    expect(titles()).toEqual(['Imported', 'Permits']);
    expect(alex.session.getSnapshot().generation).toBe(1);
    const stored = await createPlannerStore(alex.storage).load();
    expect(stored.data.plans.map((plan) => plan.title).sort()).toEqual(['Imported', 'Permits']);
  });

  it('writes a change waiting for its typing pause first, and keeps both', async () => {
    const sam = await member();
    const scheduler = new ManualScheduler();
    const alex = await member(scheduler);
    sam.session.apply((db) => createPlan(db, { title: 'Permits' }, planId('p1')).db);
    await sam.session.whenSaved();
    await alex.session.mergeRemote(sam.published);
    sam.published.length = 0;

    // Alex types a goal (saved once typing pauses) while Sam renames the plan.
    alex.session.apply((db) => updatePlan(db, planId('p1'), { goal: 'Apply online' }).db, 600);
    sam.session.apply((db) => updatePlan(db, planId('p1'), { title: 'Online permits' }).db);
    await sam.session.whenSaved();
    await alex.session.mergeRemote(sam.published);

    const plan = alex.session.getSnapshot().db.plans[0];
    expect([plan?.title, plan?.goal]).toEqual(['Online permits', 'Apply online']);
    expect(scheduler.waiting).toBe(0);
    const stored = await createPlannerStore(alex.storage).load();
    expect(stored.data.plans[0]).toEqual(plan);
    expect(alex.published.map((change) => change.set)).toEqual([{ goal: 'Apply online' }]);
  });
});
