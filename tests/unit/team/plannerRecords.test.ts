import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../renderer/src/core/planner/integrity';
import {
  addPhase,
  deletePhase,
  deletePlan,
  restorePhase,
  restorePlan,
  setPlanShared,
  updatePlan,
} from '../../../renderer/src/core/planner/operations/plans';
import {
  addTask,
  deleteTask,
  moveTaskStatus,
  updateTask,
} from '../../../renderer/src/core/planner/operations/tasks';
import {
  emptyPlannerDatabase,
  type PlannerDatabase,
  type Task,
} from '../../../renderer/src/core/planner/schema';
import { generatePlanner } from '../../bench/planner/generate';
import { HybridClock, type MemberId } from '../../../renderer/src/core/team/hlc';
import { decodeTeamFile, encodeLogFile } from '../../../renderer/src/core/team/logFiles';
import {
  materializePlanner,
  phaseRecordId,
  plannerWrites,
  sharedScope,
  taskHistory,
  type MaterializedPlanner,
} from '../../../renderer/src/core/team/plannerRecords';
import {
  latestStamp,
  RecordSet,
  stampWrites,
  type Write,
} from '../../../renderer/src/core/team/records';
import { day, phaseId, planId, sampleDatabase, taskId } from '../planner/helpers';

const ALICE = 'aaaaaaaaaaaaaaaa' as MemberId;
const BOB = 'bbbbbbbbbbbbbbbb' as MemberId;

/** One member: records, a clock, and the database last materialized. */
class Member {
  readonly records = new RecordSet();
  readonly clock: HybridClock;
  view: MaterializedPlanner;

  constructor(member: MemberId, now: () => number = () => 1_800_000_000_000) {
    this.clock = new HybridClock(member, now);
    this.view = materializePlanner(this.records);
  }

  /** Saves `next` as the planner would: writes, stamped, folded in; returns the writes. */
  save(next: PlannerDatabase): Write[] {
    const writes = plannerWrites(this.view.db, next);
    this.records.apply(stampWrites(writes, this.clock));
    this.view = materializePlanner(this.records, { db: next, notices: this.view.notices });
    return writes;
  }

  /** Takes in every record of `other` (as reading their folder would). */
  receive(other: Member): void {
    for (const record of other.records.all()) {
      const stamp = latestStamp(record);
      if (stamp) this.clock.observe(stamp);
    }
    this.records.merge(other.records.all());
    this.view = materializePlanner(this.records, this.view);
  }

  get db(): PlannerDatabase {
    return this.view.db;
  }
}

describe('plannerWrites and materializePlanner', () => {
  it('round trip: the sample planner comes back equal, with its order', () => {
    const alice = new Member(ALICE);
    const db = sampleDatabase();
    alice.save(db);
    expect(alice.db).toEqual(db);
    expect(alice.view.notices).toEqual([]);
    // Read again from scratch, without any cache of objects.
    const fresh = new RecordSet();
    fresh.merge(alice.records.all());
    expect(materializePlanner(fresh).db).toEqual(db);
  });

  it('keeps the objects that did not change, and writes only changed fields', () => {
    const alice = new Member(ALICE);
    alice.save(sampleDatabase());
    const before = alice.db;
    const next = updateTask(before, taskId('t2'), { owner: 'Clerk' }).db;
    const writes = alice.save(next);
    expect(writes).toEqual([{ kind: 'task', id: 't2', set: { owner: 'Clerk' } }]);
    expect(alice.db.tasks[0]).toBe(before.tasks[0]);
    expect(alice.db.tasks[1]).toBe(next.tasks[1]);
    expect(alice.db.plans).toBe(before.plans);
    expect(plannerWrites(alice.db, alice.db)).toEqual([]);
  });

  it('moving one task writes one order number', () => {
    const alice = new Member(ALICE);
    alice.save(sampleDatabase());
    const next = moveTaskStatus(alice.db, taskId('t1'), 'in-progress', 0);
    const moved = next.tasks.map((t) => t.id);
    const writes = alice.save(next);
    expect(writes.every((w) => w.id === 't1')).toBe(true);
    expect(writes).toHaveLength(1);
    expect(alice.db.tasks.map((t) => t.id)).toEqual(moved);
  });

  it('deleting a plan tombstones the plan alone; restoring it brings its tasks back', () => {
    const alice = new Member(ALICE);
    alice.save(sampleDatabase());
    const { db, removed } = deletePlan(alice.db, planId('p1'));
    const writes = alice.save(db);
    expect(writes).toEqual([{ kind: 'plan', id: 'p1', set: { $deleted: true } }]);
    expect(alice.db.tasks.map((t) => t.id)).toEqual(['t4']);
    alice.save(restorePlan(alice.db, removed));
    expect(alice.db).toEqual(sampleDatabase());
  });

  it('a task moved to a phase a teammate deleted goes to Unphased, with a notice', () => {
    const alice = new Member(ALICE);
    const bob = new Member(BOB, () => 1_800_000_000_000 - 86_400_000); // a day slow
    alice.save(sampleDatabase());
    bob.receive(alice);
    alice.save(deletePhase(alice.db, planId('p1'), phaseId('ph2')).db);
    bob.save(updateTask(bob.db, taskId('t1'), { phaseId: phaseId('ph2') }).db);
    alice.receive(bob);
    bob.receive(alice);
    expect(alice.db).toEqual(bob.db);
    expect(alice.db.tasks.find((t) => t.id === 't1')?.phaseId).toBeNull();
    expect(alice.view.notices).toContainEqual({
      code: 'taskUnphased',
      planId: 'p1',
      taskId: 't1',
      phaseId: 'ph2',
    });
    expect(checkIntegrity(alice.db)).toEqual([]);
    // Editing the task's title, or the plan, does not persist the repair.
    const titled = updateTask(alice.db, taskId('t1'), { title: 'Renamed' }).db;
    expect(alice.save(titled)).toEqual([{ kind: 'task', id: 't1', set: { title: 'Renamed' } }]);
    const planEdited = updatePlan(alice.db, planId('p1'), { owner: 'Clerk' }).db;
    expect(alice.save(planEdited)).toEqual([{ kind: 'plan', id: 'p1', set: { owner: 'Clerk' } }]);
    // Adding a phase to the plan writes it: the task stays in Unphased whatever comes back.
    const phased = addPhase(alice.db, planId('p1'), { title: 'Later' }, phaseId('ph7')).db;
    const writes = alice.save(phased);
    expect(writes.find((w) => w.kind === 'task')).toEqual({
      kind: 'task',
      id: 't1',
      set: { phaseId: null },
    });
  });

  it('two halves of a loop added concurrently: the dependency of the task sorting last goes', () => {
    const alice = new Member(ALICE);
    const bob = new Member(BOB);
    alice.save(sampleDatabase());
    bob.receive(alice);
    // t3 already depends on t1. Alice: t1 depends on t2. Bob: t2 depends on t3.
    alice.save(updateTask(alice.db, taskId('t1'), { dependencies: [taskId('t2')] }).db);
    bob.save(updateTask(bob.db, taskId('t2'), { dependencies: [taskId('t3')] }).db);
    alice.receive(bob);
    bob.receive(alice);
    expect(alice.db).toEqual(bob.db);
    expect(checkIntegrity(alice.db)).toEqual([]);
    expect(alice.view.notices).toEqual([
      { code: 'dependencyLoopBroken', planId: 'p1', taskId: 't3', dependsOn: 't1' },
    ]);
    // Alice then removes t1 -> t2 herself: the dropped link must not come back.
    const edited = updateTask(alice.db, taskId('t1'), { dependencies: [] }).db;
    alice.save(edited);
    expect(alice.db).toEqual(edited);
  });

  it('restoring a deleted phase keeps a teammate task that was repaired into Unphased there', () => {
    const alice = new Member(ALICE);
    alice.save(sampleDatabase());
    const removed = deletePhase(alice.db, planId('p1'), phaseId('ph1'));
    alice.save(removed.db);
    const restored = restorePhase(alice.db, removed.removed);
    alice.save(restored);
    expect(alice.db).toEqual(restored);
  });

  it('leaves out invalid records and defaults invalid fields, with notices, never throwing', () => {
    const records = new RecordSet();
    const clock = new HybridClock(ALICE, () => 1_800_000_000_000);
    records.apply(
      stampWrites(
        [
          { kind: 'plan', id: 'p1', set: { title: 'Plan', status: 'bogus', order: 1 } },
          { kind: 'plan', id: 'bad id!', set: { title: 'x', order: 2 } },
          { kind: 'task', id: 't1', set: { planId: 'p1', title: '', order: 1 } },
          { kind: 'task', id: 't2', set: { planId: 'p1', title: 'Fine', order: 'x' } },
          { kind: 'task', id: 't3', set: { planId: 'nowhere', title: 'Lost', order: 3 } },
          // A phase record whose fields do not give back its id (hand-edited).
          {
            kind: 'phase',
            id: 'ph-forged',
            set: { planId: 'p1', phaseId: 'x', title: 'x', order: 1 },
          },
        ],
        clock,
      ),
    );
    const { db, notices } = materializePlanner(records);
    expect(db.plans.map((p) => [p.id, p.status])).toEqual([['p1', 'draft']]);
    expect(db.tasks.map((t) => t.id)).toEqual(['t2']);
    expect(checkIntegrity(db)).toEqual([]);
    expect(notices).toEqual(
      expect.arrayContaining([
        { code: 'fieldDefaulted', kind: 'plan', recordId: 'p1', field: 'status' },
        { code: 'recordSkipped', kind: 'plan', recordId: 'bad id!', field: 'id' },
        { code: 'recordSkipped', kind: 'task', recordId: 't1', field: 'title' },
        { code: 'fieldDefaulted', kind: 'task', recordId: 't2', field: 'order' },
        { code: 'taskWithoutPlan', planId: 'nowhere', taskId: 't3' },
        { code: 'recordSkipped', kind: 'phase', recordId: 'ph-forged', field: 'id' },
      ]),
    );
  });
});

describe('at 10,000 tasks', () => {
  it('an edit writes one field, a move one order, and both read back', () => {
    const alice = new Member(ALICE);
    const big = generatePlanner(10_000);
    alice.save(big);
    expect(alice.view.notices).toEqual([]);
    expect(alice.db).toBe(big);
    const target = big.tasks[4_321] as Task;
    const edited = updateTask(big, target.id, { owner: 'Deputy clerk' }).db;
    expect(alice.save(edited)).toEqual([
      { kind: 'task', id: target.id, set: { owner: 'Deputy clerk' } },
    ]);
    expect(alice.db).toBe(edited);
    const moved = moveTaskStatus(
      edited,
      target.id,
      target.status === 'done' ? 'blocked' : 'done',
      0,
    );
    const writes = alice.save(moved);
    expect(writes.map((w) => [w.id, Object.keys(w.set)])).toEqual([
      [target.id, ['status', 'order']],
    ]);
    const fresh = new RecordSet();
    fresh.merge(alice.records.all());
    expect(materializePlanner(fresh).db).toEqual(moved);
  }, 60_000);

  it('a profile filled in one field at a time reads back without notices', () => {
    const alice = new Member(ALICE);
    const db = {
      ...emptyPlannerDatabase(),
      profile: { ...emptyPlannerDatabase().profile, name: 'Town' },
    };
    expect(alice.save(db)).toEqual([{ kind: 'profile', id: 'profile', set: { name: 'Town' } }]);
    expect(alice.view.notices).toEqual([]);
  });
});

describe('planner changes in team files', () => {
  it('pass the team folder’s file checks whole: every record id and field name is accepted', async () => {
    const alice = new Member(ALICE);
    alice.save(setPlanShared(sampleDatabase(), planId('p1'), true, ALICE));
    const next = deletePhase(alice.db, planId('p1'), phaseId('ph1')).db;
    const changes = stampWrites(plannerWrites(alice.db, next), alice.clock);
    // Every kind a team file may carry: the profile never leaves the machine (logFiles.ts).
    const all = [...alice.records.all()]
      .filter((record) => record.kind !== 'profile')
      .flatMap((record) =>
        record.history.map((entry) => ({ kind: record.kind, id: record.id, ...entry })),
      );
    const decoded = await decodeTeamFile(
      await encodeLogFile(ALICE, 1, [...all, ...changes]),
      ALICE,
    );
    expect(decoded.ok && decoded.file.type === 'log' && decoded.dropped).toEqual({
      bad: 0,
      foreign: 0,
    });
  });
});

describe('sharedScope', () => {
  it('takes a shared plan with its phases and tasks, and assessments only when asked', () => {
    const alice = new Member(ALICE);
    alice.save(setPlanShared(sampleDatabase(), planId('p1'), true, ALICE));
    const inScope = sharedScope(alice.records);
    const keys = [...alice.records.all()]
      .filter(inScope)
      .map((r) => `${r.kind}/${r.id}`)
      .sort();
    expect(keys).toEqual(
      [
        `phase/${phaseRecordId(planId('p1'), phaseId('ph1'))}`,
        `phase/${phaseRecordId(planId('p1'), phaseId('ph2'))}`,
        'plan/p1',
        'task/t1',
        'task/t2',
        'task/t3',
      ].sort(),
    );
    const withAssessments = sharedScope(alice.records, { shareAssessments: true });
    expect(withAssessments(alice.records.get('assessment', 'a1') as never)).toBe(true);
    expect(inScope(alice.records.get('assessment', 'a1') as never)).toBe(false);
    // Withdrawn: the plan record still travels (so the team learns it), its tasks no longer.
    alice.save(setPlanShared(alice.db, planId('p1'), false, ALICE));
    const after = sharedScope(alice.records);
    expect(after(alice.records.get('plan', 'p1') as never)).toBe(true);
    expect(after(alice.records.get('task', 't1') as never)).toBe(false);
  });

  it('keeps a withdrawn plan in scope only for the member who withdrew it', () => {
    const alice = new Member(ALICE);
    const bob = new Member(BOB);
    alice.save(setPlanShared(sampleDatabase(), planId('p1'), true, ALICE));
    bob.receive(alice);
    alice.save(setPlanShared(alice.db, planId('p1'), false, ALICE));
    bob.receive(alice);
    const plan = (member: Member) => member.records.get('plan', 'p1') as never;
    expect(sharedScope(alice.records, { me: ALICE })(plan(alice))).toBe(true);
    // Bob's later change to the plan (deleting his copy) stays with him: it would otherwise
    // delete Alice's plan, which is no longer shared.
    expect(sharedScope(bob.records, { me: BOB })(plan(bob))).toBe(false);
  });
});

describe('taskHistory', () => {
  it('says who set which fields, when, and whose value won', () => {
    const alice = new Member(ALICE, () => 1_800_000_000_000);
    const bob = new Member(BOB, () => 1_800_000_100_000);
    alice.save(sampleDatabase());
    bob.receive(alice);
    alice.save(updateTask(alice.db, taskId('t1'), { owner: 'Alice' }).db);
    bob.save(updateTask(bob.db, taskId('t1'), { owner: 'Bob', dueDate: day('2027-09-01') }).db);
    alice.receive(bob);
    const history = taskHistory(alice.records.get('task', 't1') as never);
    expect(history[0]).toMatchObject({
      member: BOB,
      wallMs: 1_800_000_100_000,
      fields: [
        { name: 'owner', value: 'Bob', won: true },
        { name: 'dueDate', value: '2027-09-01', won: true },
      ],
    });
    expect(history[1]).toMatchObject({
      member: ALICE,
      fields: [{ name: 'owner', value: 'Alice', won: false }],
    });
    expect(alice.db.tasks.find((t) => t.id === 't1')?.owner).toBe('Bob');
  });
});

describe('plannerWrites over the other operations', () => {
  it('addPhase, addTask, deleteTask and updatePlan round trip', () => {
    const alice = new Member(ALICE);
    alice.save(sampleDatabase());
    let db = addPhase(alice.db, planId('p2'), { title: 'New', index: 0 }, phaseId('ph1')).db;
    db = addTask(db, planId('p2'), { title: 'T', phaseId: phaseId('ph1') }, taskId('t9')).db;
    db = deleteTask(db, taskId('t1')).db;
    db = updatePlan(db, planId('p1'), { startDate: day('2027-01-05') }).db;
    alice.save(db);
    expect(alice.db).toEqual(db);
  });
});
