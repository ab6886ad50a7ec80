import { describe, expect, it } from 'vitest';
import { PlannerError } from '../../../renderer/src/core/planner/operations/common';
import { wordError, wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';
import {
  createPlan,
  deletePhase,
  deletePlan,
  movePhase,
  planOrCreate,
  restorePhase,
  restorePlan,
  setPlanShared,
  setProfile,
  updatePlan,
} from '../../../renderer/src/core/planner/operations/plans';
import type { MemberId } from '../../../renderer/src/core/team/hlc';
import {
  addTask,
  addTaskFromDocument,
  deleteTask,
  moveTaskStatus,
  restoreTask,
  unmetDependencies,
  updateTask,
} from '../../../renderer/src/core/planner/operations/tasks';
import {
  assessmentsByDate,
  deleteAssessment,
  restoreAssessment,
  saveAssessment,
} from '../../../renderer/src/core/planner/operations/assessments';
import { asDocId } from '../../../renderer/src/core/content/ids';
import { LIMITS } from '../../../renderer/src/core/planner/schema';
import {
  answers,
  assessmentId,
  day,
  deepFreeze,
  phaseId,
  planId,
  sampleDatabase,
  taskId,
} from './helpers';

const frozen = () => deepFreeze(sampleDatabase());

describe('plan operations', () => {
  it('create trims text, fills defaults and never mutates the input', () => {
    const db = frozen();
    const { db: next, plan } = createPlan(db, { title: '  Open data  ' });
    expect(plan).toMatchObject({
      title: 'Open data',
      status: 'draft',
      goal: '',
      phases: [],
      budgetEstimateCents: null,
      shared: false,
      sharedBy: null,
    });
    expect(plan.id).toMatch(/^plan-[0-9a-f-]{36}$/);
    expect(next.plans).toHaveLength(3);
    expect(db.plans).toHaveLength(2);
  });

  it('refuses invalid input with a message that names the field', () => {
    const error = (() => {
      try {
        createPlan(frozen(), { title: ' ', budgetEstimateCents: -5 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PlannerError);
    expect(wordProblems((error as PlannerError).problems)).toEqual([
      'title: must not be blank',
      'budgetEstimateCents: must not be negative',
    ]);
    expect(wordError(error)).toBe(
      'The plan was not saved: title: must not be blank; budgetEstimateCents: must not be negative',
    );
  });

  it('update returns the previous plan for Undo', () => {
    const { db, previous } = updatePlan(frozen(), planId('p1'), { status: 'completed' });
    expect(db.plans[0]?.status).toBe('completed');
    expect(updatePlan(db, planId('p1'), previous).db).toEqual(sampleDatabase());
  });

  it('delete removes the plan and its tasks; restore puts everything back in place', () => {
    const { db, removed } = deletePlan(frozen(), planId('p1'));
    expect(db.plans.map((p) => p.id)).toEqual(['p2']);
    expect(db.tasks.map((t) => t.id)).toEqual(['t4']);
    expect(restorePlan(db, removed)).toEqual(sampleDatabase());
    expect(() => restorePlan(sampleDatabase(), removed)).toThrow(PlannerError);
  });

  it('phases: delete keeps the tasks with no phase, restore returns them; move reorders', () => {
    const { db, removed } = deletePhase(frozen(), planId('p1'), phaseId('ph1'));
    expect(
      db.tasks.filter((t) => t.phaseId === null && t.planId === 'p1').map((t) => t.id),
    ).toEqual(['t1', 't2']);
    expect(restorePhase(db, removed)).toEqual(sampleDatabase());
    const moved = movePhase(frozen(), planId('p1'), phaseId('ph2'), 0);
    expect(moved.plans[0]?.phases.map((p) => p.id)).toEqual(['ph2', 'ph1']);
  });

  it('setProfile validates the profile', () => {
    const db = setProfile(frozen(), {
      name: 'Town of Elsewhere',
      tier: 'single-tier',
      region: 'north',
      population: 12_000,
    });
    expect(db.profile.name).toBe('Town of Elsewhere');
    expect(() =>
      setProfile(frozen(), { name: 'x', tier: null, region: null, population: -1 }),
    ).toThrow(PlannerError);
  });

  it('"Share with team" names who shared; stopping keeps the name, so the withdrawal travels', () => {
    const me = 'abcdefghijklmnop' as MemberId;
    const db = frozen();
    const shared = setPlanShared(db, planId('p1'), true, me);
    expect(shared.plans[0]).toMatchObject({ id: 'p1', shared: true, sharedBy: me });
    expect(shared.plans[1]).toBe(db.plans[1]);
    expect(setPlanShared(shared, planId('p1'), true, me)).toBe(shared);
    const stopped = setPlanShared(shared, planId('p1'), false, 'zzzzzzzzzzzzzzzz' as MemberId);
    expect(stopped.plans[0]).toMatchObject({ shared: false, sharedBy: me });
    expect(() => setPlanShared(db, planId('gone'), true, me)).toThrow(PlannerError);
  });
});

describe('planOrCreate', () => {
  it('returns the chosen plan and leaves the database as it was', () => {
    const db = frozen();
    const chosen = db.plans[0];
    const result = planOrCreate(db, chosen?.id, 'Unused title');
    expect(result.plan).toBe(chosen);
    expect(result.db).toBe(db);
  });

  it('creates an empty plan with the new title when no plan is chosen', () => {
    const db = frozen();
    const result = planOrCreate(db, '', 'Follow-up plan');
    expect(result.plan.title).toBe('Follow-up plan');
    expect(result.db.plans).toHaveLength(db.plans.length + 1);
    expect(result.db.plans.at(-1)).toBe(result.plan);
  });
});

describe('task operations', () => {
  it('adds a task with defaults', () => {
    const { task } = addTask(frozen(), planId('p1'), {
      title: 'Draft RFP',
      phaseId: phaseId('ph2'),
    });
    expect(task).toMatchObject({
      planId: 'p1',
      phaseId: 'ph2',
      status: 'not-started',
      owner: '',
      dueDate: null,
      estimatedCostCents: null,
      dependencies: [],
    });
  });

  it.each([
    [
      'a phase of another plan',
      { title: 'x', phaseId: phaseId('nope') },
      'planner:errors.phaseNotInPlan',
    ],
    [
      'a task of another plan as a dependency',
      { title: 'x', dependencies: [taskId('t4')] },
      'planner:errors.dependencyOutsidePlan',
    ],
    [
      'a dependency that does not exist',
      { title: 'x', dependencies: [taskId('missing')] },
      'planner:errors.dependencyOutsidePlan',
    ],
    ['a blank title', { title: '' }, 'problems:notSaved.task'],
  ])('refuses %s', (_name, input, message) => {
    expect(() => addTask(frozen(), planId('p1'), input)).toThrow(message);
  });

  it('refuses an update that would make tasks wait on each other in a loop', () => {
    expect(() => updateTask(frozen(), taskId('t1'), { dependencies: [taskId('t3')] })).toThrow(
      'planner:errors.dependencyLoop',
    );
    expect(() => updateTask(frozen(), taskId('t1'), { dependencies: [taskId('t1')] })).toThrow(
      'planner:errors.dependencyLoop',
    );
  });

  it('update returns the previous task, so Undo is another update', () => {
    const { db, previous } = updateTask(frozen(), taskId('t2'), {
      title: ' Survey builders ',
      owner: 'Clerk',
    });
    expect(db.tasks[1]).toMatchObject({ title: 'Survey builders', owner: 'Clerk' });
    expect(updateTask(db, taskId('t2'), previous).db).toEqual(sampleDatabase());
  });

  it('delete removes links to the task; restore puts the task and the links back', () => {
    const { db, removed } = deleteTask(frozen(), taskId('t1'));
    expect(removed).toMatchObject({ index: 0, dependents: ['t3'] });
    expect(db.tasks.find((t) => t.id === 't3')?.dependencies).toEqual([]);
    expect(restoreTask(db, removed)).toEqual(sampleDatabase());
  });

  it('keeps the very dependency list of a task whose dependencies an edit leaves alone', () => {
    const db = frozen();
    const before = db.tasks.find((t) => t.id === 't3')?.dependencies;
    const renamed = updateTask(db, taskId('t3'), { title: 'Pick a vendor', status: 'blocked' }).db;
    expect(renamed.tasks.find((t) => t.id === 't3')?.dependencies).toBe(before);
    const same = updateTask(db, taskId('t3'), { dependencies: [taskId('t1')] }).db;
    expect(same.tasks.find((t) => t.id === 't3')?.dependencies).toBe(before);
  });

  it('checks dependencies only when an edit changes them', () => {
    // Stored data with a loop (the load repairs this; here it shows which edits look at the graph).
    const looped = {
      ...frozen(),
      tasks: frozen().tasks.map((t) =>
        t.id === 't1' ? { ...t, dependencies: [taskId('t3')] } : t,
      ),
    };
    expect(updateTask(looped, taskId('t1'), { title: 'Renamed' }).db.tasks[0]?.title).toBe(
      'Renamed',
    );
    expect(() =>
      updateTask(looped, taskId('t1'), { dependencies: [taskId('t3'), taskId('t2')] }),
    ).toThrow('planner:errors.dependencyLoop');
  });

  it('restore leaves out the links back that would now close a loop, directly or not', () => {
    // t1 comes back depending on t2, which now waits on t3: t3 may not wait on t1 again, but t2
    // may not either, and t4's plan is not this one.
    const { db, removed } = deleteTask(frozen(), taskId('t1'));
    const chained = updateTask(db, taskId('t2'), { dependencies: [taskId('t3')] }).db;
    const back = restoreTask(chained, {
      ...removed,
      task: { ...removed.task, dependencies: [taskId('t2')] },
      dependents: [taskId('t3'), taskId('t2')],
    });
    const depsOf = (id: string) => back.tasks.find((t) => t.id === id)?.dependencies;
    expect([depsOf('t1'), depsOf('t2'), depsOf('t3')]).toEqual([['t2'], ['t3'], []]);
  });

  it('restore puts back every link that closes no loop', () => {
    let db = frozen();
    db = updateTask(db, taskId('t2'), { dependencies: [taskId('t1')] }).db;
    const { db: without, removed } = deleteTask(db, taskId('t1'));
    expect(removed.dependents).toEqual(['t2', 't3']);
    expect(restoreTask(without, removed)).toEqual(db);
  });

  it('restore leaves out a link back that a task has no room for any more', () => {
    const { db: without, removed } = deleteTask(frozen(), taskId('t1'));
    expect(removed.dependents).toContain('t3');
    // Since the delete, t3 came to wait on as many tasks as a task may (made-up ids: only the
    // count matters here, and restore must not push it over the limit).
    const full = Array.from({ length: LIMITS.dependencies }, (_, i) => taskId(`other-${i}`));
    const crowded = {
      ...without,
      tasks: without.tasks.map((t) => (t.id === 't3' ? { ...t, dependencies: full } : t)),
    };
    const back = restoreTask(crowded, removed);
    expect(back.tasks.find((t) => t.id === 't3')?.dependencies).toEqual(full);
    expect(back.tasks.some((t) => t.id === 't1')).toBe(true);
  });

  it('restore still works after the tasks it linked to were deleted too', () => {
    const first = deleteTask(frozen(), taskId('t1'));
    const second = deleteTask(first.db, taskId('t3'));
    const back = restoreTask(second.db, first.removed);
    expect(back.tasks.map((t) => t.id)).toEqual(['t1', 't2', 't4']);
  });

  it('moves a task between board columns, at a chosen position', () => {
    let db = moveTaskStatus(frozen(), taskId('t3'), 'in-progress');
    expect(db.tasks.find((t) => t.id === 't3')?.status).toBe('in-progress');
    db = moveTaskStatus(db, taskId('t2'), 'in-progress', 0);
    const column = db.tasks
      .filter((t) => t.planId === 'p1' && t.status === 'in-progress')
      .map((t) => t.id);
    expect(column).toEqual(['t2', 't3']);
    db = moveTaskStatus(db, taskId('t2'), 'in-progress', 5); // past the end: to the bottom
    expect(db.tasks.filter((t) => t.status === 'in-progress').map((t) => t.id)).toEqual([
      't3',
      't2',
    ]);
  });

  it('adds a task from a document, linked back to it, into the chosen plan and phase', () => {
    const doc = {
      id: asDocId('case-lake-of-bays-e-permitting'),
      title: 'Lake of Bays: e-permitting',
      summary: 'A small township moved permits online.',
    };
    const { task } = addTaskFromDocument(
      frozen(),
      { planId: planId('p1'), phaseId: phaseId('ph2') },
      doc,
    );
    expect(task).toMatchObject({
      title: doc.title,
      notes: doc.summary,
      phaseId: 'ph2',
      linkedDocIds: [doc.id],
    });
  });

  it("keeps a French document's English quotation as plain words in the task", () => {
    const doc = {
      id: asDocId('recommendation-1-varying-maturity'),
      title: 'Recommandation 1 : reconnaître des stades différents',
      summary:
        'L\'AMO demande : ["Recognizing that municipal governments are at varying stages."]{lang=en} (traduction non officielle).',
    };
    const { task } = addTaskFromDocument(frozen(), { planId: planId('p1'), phaseId: null }, doc);
    expect(task.notes).toBe(
      'L\'AMO demande : "Recognizing that municipal governments are at varying stages." (traduction non officielle).',
    );
    expect(task.title).toBe(doc.title);
  });

  it('lists dependencies that are not done yet', () => {
    expect(unmetDependencies(frozen(), taskId('t3'))).toEqual([]);
    const db = moveTaskStatus(frozen(), taskId('t1'), 'blocked');
    expect(unmetDependencies(db, taskId('t3')).map((t) => t.id)).toEqual(['t1']);
  });
});

describe('assessment operations', () => {
  it('saves, deletes and restores assessments, and lists them by date', () => {
    const { db } = saveAssessment(
      frozen(),
      { date: day('2025-06-01'), answers: answers(1) },
      assessmentId('a0'),
    );
    expect(assessmentsByDate(db).map((a) => a.id)).toEqual(['a0', 'a1']);
    const { db: without, removed } = deleteAssessment(db, assessmentId('a1'));
    expect(without.assessments.map((a) => a.id)).toEqual(['a0']);
    expect(restoreAssessment(without, removed)).toEqual(db);
    expect(() => saveAssessment(db, { date: day('2025-13-01'), answers: answers(1) })).toThrow(
      PlannerError,
    );
  });
});
