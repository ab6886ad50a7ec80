import { describe, expect, it } from 'vitest';
import {
  PLANNER_MIGRATIONS,
  migratePlannerDocument,
} from '../../../renderer/src/core/planner/migrations';
import { findCycles } from '../../../renderer/src/core/planner/dependencies';
import { parsePlannerDocument } from '../../../renderer/src/core/planner/parsePlannerDocument';
import { hostilePlannerFiles } from '../../fixtures/hostileFiles';
import { PLANNER_KEY, createPlannerStore } from '../../../renderer/src/core/planner/plannerStore';
import {
  PLANNER_SCHEMA_VERSION,
  emptyPlannerDatabase,
} from '../../../renderer/src/core/planner/schema';
import { addTask } from '../../../renderer/src/core/planner/operations/tasks';
import { MemoryStorage } from '../store/MemoryStorage';
import { wordProblem, wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { planId, sampleDatabase } from './helpers';

/** A stored planner document as plain JSON, its lists and profile open to edits. */
type RawPlanner = Record<string, unknown> & {
  plans: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
  profile: Record<string, unknown>;
};

/** The sample database as a version 3 planner wrote it: plans without "Share with team". */
function asVersion3(): RawPlanner {
  const db = JSON.parse(JSON.stringify(sampleDatabase())) as RawPlanner;
  for (const plan of db.plans) {
    delete plan.shared;
    delete plan.sharedBy;
  }
  return { ...db, schemaVersion: 3 };
}

/** The sample database as a version 1 planner wrote it: no dependencies, no task costs. */
function asVersion1(): Record<string, unknown> {
  const db = asVersion3();
  for (const task of db.tasks) {
    delete task.dependencies;
    delete task.estimatedCostCents;
  }
  return { ...db, schemaVersion: 1 };
}

/** The sample database as a version 2 planner wrote it, for a municipality in the old `gta`. */
function asVersion2InGta(): Record<string, unknown> {
  const db = asVersion3();
  return { ...db, schemaVersion: 2, profile: { ...db.profile, region: 'gta' } };
}

describe('planner migrations', () => {
  it('has a migration from every older version up to the current one', () => {
    for (let v = 1; v < PLANNER_SCHEMA_VERSION; v++)
      expect(PLANNER_MIGRATIONS[v]).toBeTypeOf('function');
  });

  it('v1 -> v2 adds empty dependencies and unknown costs, and leaves the rest alone', () => {
    const v1 = asVersion1();
    const before = JSON.stringify(v1);
    const outcome = migratePlannerDocument(v1);
    expect(JSON.stringify(v1)).toBe(before); // the input is not modified
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.fromVersion).toBe(1);
    const parsed = parsePlannerDocument(v1);
    expect(parsed.issues).toEqual([]);
    expect(parsed.migratedFrom).toBe(1);
    const expected = sampleDatabase();
    expect(parsed.data).toEqual({
      ...expected,
      tasks: expected.tasks.map((t) => ({ ...t, dependencies: [], estimatedCostCents: null })),
    });
  });

  it('v2 -> v3 moves a profile in the old Greater Toronto Area to the Golden Horseshoe', () => {
    const v2 = asVersion2InGta();
    const before = JSON.stringify(v2);
    const parsed = parsePlannerDocument(v2);
    expect(JSON.stringify(v2)).toBe(before); // the input is not modified
    expect(parsed.issues).toEqual([]);
    expect(parsed.migratedFrom).toBe(2);
    const expected = sampleDatabase();
    expect(parsed.data).toEqual({
      ...expected,
      profile: { ...expected.profile, region: 'golden-horseshoe' },
    });
  });

  it.each(['south-west', 'east', 'central', 'north', null])(
    'v2 -> v3 leaves a profile region of %s as it was',
    (region) => {
      const v2 = { ...asVersion2InGta(), profile: { ...sampleDatabase().profile, region } };
      const parsed = parsePlannerDocument(v2);
      expect(parsed.issues).toEqual([]);
      expect(parsed.data.profile.region).toBe(region);
    },
  );

  it('v1 -> v3 in one go: a v1 profile in the old GTA is migrated too', () => {
    const v1 = { ...asVersion1(), profile: { ...sampleDatabase().profile, region: 'gta' } };
    const parsed = parsePlannerDocument(v1);
    expect(parsed.issues).toEqual([]);
    expect(parsed.migratedFrom).toBe(1);
    expect(parsed.data.profile.region).toBe('golden-horseshoe');
  });

  it('keeps fields a v1 task already had under the v2 names', () => {
    const v1 = asVersion1() as { tasks: Record<string, unknown>[] };
    (v1.tasks[0] as Record<string, unknown>).estimatedCostCents = 1200;
    const outcome = migratePlannerDocument(v1);
    expect(
      outcome.ok && (outcome.doc.tasks as Record<string, unknown>[])[0]?.estimatedCostCents,
    ).toBe(1200);
  });

  it('v3 -> v4 makes every plan private (not shared, shared by nobody), and changes nothing else', () => {
    const v3 = asVersion3();
    const before = JSON.stringify(v3);
    const parsed = parsePlannerDocument(v3);
    expect(JSON.stringify(v3)).toBe(before); // the input is not modified
    expect(parsed.issues).toEqual([]);
    expect(parsed.migratedFrom).toBe(3);
    expect(parsed.data).toEqual(sampleDatabase());
    expect(parsed.data.plans.every((p) => !p.shared && p.sharedBy === null)).toBe(true);
  });

  it('v3 -> v4 keeps sharing fields a plan already had', () => {
    const v3 = asVersion3();
    Object.assign(v3.plans[0] as object, { shared: true, sharedBy: 'abcdefghijklmnop' });
    const outcome = migratePlannerDocument(v3);
    expect(outcome.ok && (outcome.doc.plans as Record<string, unknown>[])[0]).toMatchObject({
      shared: true,
      sharedBy: 'abcdefghijklmnop',
    });
  });

  it.each([
    [{ schemaVersion: 99 }, 'newer', /newer version of OnMuni Toolkit \(planner format 99/],
    [{ schemaVersion: 0 }, 'unversioned', /expected a whole number from 1 to 4, found 0/],
    [{ schemaVersion: '2' }, 'unversioned', /found "2"/],
    [{}, 'unversioned', /found nothing/],
  ])('refuses %j', (doc, reason, message) => {
    const outcome = migratePlannerDocument(doc);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason).toBe(reason);
      expect(wordProblem(outcome.problem)).toMatch(message);
    }
  });
});

describe('parsePlannerDocument (stored data)', () => {
  it('salvages a damaged document item by item and says what it changed', () => {
    // As stored JSON, so it can be damaged in ways a PlannerDatabase cannot be.
    const stored = JSON.parse(JSON.stringify(sampleDatabase())) as {
      tasks: Record<string, unknown>[];
    };
    const [t1, t2, t3, t4] = stored.tasks;
    if (!t1 || !t2 || !t3 || !t4) throw new Error('the sample plan has tasks t1 to t4');
    t2.title = '';
    t3.dependencies = ['t1', 'gone'];
    t1.dependencies = ['t3']; // t3 -> t1 -> t3: a loop
    stored.tasks.push({ ...t4, id: 'orphan', planId: 'no-such-plan' });
    const { data, issues } = parsePlannerDocument(stored);
    expect(data.tasks.map((t) => t.id)).toEqual(['t1', 't3', 't4']);
    expect(wordProblems(issues, 'document')).toEqual([
      'tasks.1.title: must not be blank; item dropped',
      'tasks (id orphan): its plan "no-such-plan" is missing; task dropped',
      'tasks (id t3).dependencies: removed links to missing or foreign tasks',
      'tasks (id t3).dependencies: removed a link that closed a loop',
    ]);
    expect(data.tasks.find((t) => t.id === 't1')?.dependencies).toEqual(['t3']);
  });

  it('cuts every loop of a crafted chain in one pass, and lists the repairs briefly', () => {
    const file = hostilePlannerFiles('small').find((f) => f.name === 'planner-cyclic-chain');
    const backup = JSON.parse(file?.text ?? '{}') as { schemaVersion: number; planner: object };
    const { data, issues } = parsePlannerDocument({
      schemaVersion: backup.schemaVersion,
      ...backup.planner,
    });
    expect(findCycles(data.tasks)).toEqual([]);
    // Hundreds of loop-closing links in the small file: 25 listed, the rest counted in one line.
    expect(issues).toHaveLength(26);
    expect(wordProblems(issues).at(-1)).toMatch(/^tasks: and \d+ more dependency links removed$/);
  });

  it('never throws, whatever JSON value was stored', () => {
    for (const raw of [null, 3, 'x', [], { schemaVersion: 2, plans: 'no' }]) {
      const result = parsePlannerDocument(raw);
      expect(result.issues.length).toBeGreaterThan(0);
      expect(result.data.schemaVersion).toBe(PLANNER_SCHEMA_VERSION);
    }
  });
});

describe('planner store (records over host storage)', () => {
  it('saves and reloads the planner as records, beside the "planner" key', async () => {
    const storage = new MemoryStorage();
    const store = createPlannerStore(storage);
    await expect(store.load()).resolves.toEqual({
      data: emptyPlannerDatabase(),
      report: { status: 'missing' },
    });
    await store.save(sampleDatabase());
    expect(storage.documents.has(`${PLANNER_KEY}-log-1`)).toBe(true);

    const again = createPlannerStore(storage);
    const loaded = await again.load();
    expect(loaded).toEqual({ data: sampleDatabase(), report: { status: 'ok' } });
    await again.save(addTask(loaded.data, planId('p2'), { title: 'Train councillors' }).db);
    const third = await createPlannerStore(storage).load();
    expect(third.data.tasks.map((t) => t.title)).toContain('Train councillors');
  });

  it('loads a v1 document, reports the migration, and keeps the data', async () => {
    const storage = new MemoryStorage();
    storage.documents.set(PLANNER_KEY, JSON.stringify(asVersion1()));
    const store = createPlannerStore(storage);
    const { data, report } = await store.load();
    expect(report).toEqual({ status: 'ok', migratedFrom: 1, migratedFromDocument: PLANNER_KEY });
    expect(data.tasks).toHaveLength(4);
  });

  it('moves a stored v2 planner in the old GTA into records in the Golden Horseshoe', async () => {
    const storage = new MemoryStorage();
    const original = JSON.stringify(asVersion2InGta());
    storage.documents.set(PLANNER_KEY, original);
    const store = createPlannerStore(storage);
    const { data, report } = await store.load();
    expect(report).toEqual({ status: 'ok', migratedFrom: 2, migratedFromDocument: PLANNER_KEY });
    expect(data.profile.region).toBe('golden-horseshoe');
    await store.save(data);
    const again = await createPlannerStore(storage).load();
    expect(again.data.schemaVersion).toBe(4);
    expect(again.data.profile.region).toBe('golden-horseshoe');
    // The v2 document stays as it was: the backup of the data before the move.
    expect(storage.documents.get(PLANNER_KEY)).toBe(original);
  });

  it('keeps the original aside when a stored planner from a newer version is loaded', async () => {
    const storage = new MemoryStorage();
    const original = JSON.stringify({
      ...sampleDatabase(),
      schemaVersion: PLANNER_SCHEMA_VERSION + 1,
    });
    storage.documents.set(PLANNER_KEY, original);
    const store = createPlannerStore(storage);
    const { data, report } = await store.load();
    expect(report).toMatchObject({ status: 'repaired', keptCopyAs: 'planner-invalid' });
    expect(storage.documents.get('planner-invalid')).toBe(original);
    expect(data.tasks).toHaveLength(4); // what this version understands is still shown
  });
});
