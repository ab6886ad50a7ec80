import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../../renderer/src/core/planner/export/backup';
import {
  MAX_BACKUP_BYTES,
  parseBackup,
} from '../../../renderer/src/core/planner/import/parseBackup';
import { applyImport, previewImport } from '../../../renderer/src/core/planner/import/mergeImport';
import { checkIntegrity } from '../../../renderer/src/core/planner/integrity';
import type { MemberId } from '../../../renderer/src/core/team/hlc';
import { addTask, updateTask } from '../../../renderer/src/core/planner/operations/tasks';
import {
  addPhase,
  createPlan,
  deletePhase,
  setPlanShared,
  updatePlan,
} from '../../../renderer/src/core/planner/operations/plans';
import {
  PLANNER_SCHEMA_VERSION,
  emptyPlannerDatabase,
} from '../../../renderer/src/core/planner/schema';
import { deepFreeze, phaseId, planId, sampleDatabase, taskId } from './helpers';
import { wordMessage, wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';

const NOW = new Date('2026-11-26T15:00:00.000Z');
const goodText = () => exportBackup(sampleDatabase(), NOW);
/*
 * From here on the tests edit the backup as untyped JSON on purpose, as a damaged or hostile file
 * would be: any path may be read, replaced or deleted, so the type checker cannot follow them.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- see above */

/** The sample backup as an object, changed by `edit`, then written as JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into arbitrary JSON paths
function edited(edit: (backup: Record<string, any>) => void): string {
  const backup = JSON.parse(goodText());
  edit(backup);
  return JSON.stringify(backup);
}

describe('parseBackup accepts', () => {
  it('a backup it wrote, exactly as it was', () => {
    const text = goodText();
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({
      app: 'OnMuni Toolkit',
      kind: 'onmuni-planner-backup',
      schemaVersion: PLANNER_SCHEMA_VERSION,
      exportedAt: '2026-11-26T15:00:00.000Z',
    });
    expect(parseBackup(text)).toEqual({
      ok: true,
      database: sampleDatabase(),
      exportedAt: '2026-11-26T15:00:00.000Z',
    });
  });

  it('a backup with a byte-order mark added by an editor', () => {
    expect(parseBackup(`\uFEFF${goodText()}`).ok).toBe(true);
  });

  it('an older (v1) backup, migrated', () => {
    const text = edited((b) => {
      b.schemaVersion = 1;
      for (const p of b.planner.plans) {
        delete p.shared;
        delete p.sharedBy;
      }
      for (const t of b.planner.tasks) {
        delete t.dependencies;
        delete t.estimatedCostCents;
      }
    });
    const result = parseBackup(text);
    expect(result.ok && result.migratedFrom).toBe(1);
    expect(
      result.ok &&
        result.database.tasks.every(
          (t) => t.dependencies.length === 0 && t.estimatedCostCents === null,
        ),
    ).toBe(true);
  });

  it('a v2 backup of a municipality in the old GTA, with the region renamed', () => {
    const text = edited((b) => {
      b.schemaVersion = 2;
      b.planner.profile.region = 'gta';
      for (const p of b.planner.plans) {
        delete p.shared;
        delete p.sharedBy;
      }
    });
    const result = parseBackup(text);
    expect(result.ok && result.migratedFrom).toBe(2);
    expect(result.ok && result.database.profile.region).toBe('golden-horseshoe');
  });

  it('a v3 backup (before "Share with team"), with every plan private', () => {
    const text = edited((b) => {
      b.schemaVersion = 3;
      for (const p of b.planner.plans) {
        delete p.shared;
        delete p.sharedBy;
      }
    });
    expect(text).not.toContain('shared');
    expect(parseBackup(text)).toEqual({
      ok: true,
      database: sampleDatabase(),
      exportedAt: '2026-11-26T15:00:00.000Z',
      migratedFrom: 3,
    });
  });
});

describe('parseBackup refuses, saying what is wrong and where', () => {
  const cases: [string, string, RegExp, RegExp | null][] = [
    ['an empty file', '', /The file is empty/, null],
    ['a file of blanks', '  \r\n ', /The file is empty/, null],
    [
      'truncated JSON',
      goodText().slice(0, 200),
      /not valid JSON, so it may be cut off/,
      /^\(file\): /,
    ],
    ['binary junk', '\u0000\u0001PK\u0003', /not valid JSON/, null],
    [
      'JSON that is not an object',
      '[1,2]',
      /not an OnMuni Toolkit planner backup/,
      /^kind: expected "onmuni-planner-backup", found no object/,
    ],
    [
      'another kind of file',
      edited((b) => (b.kind = 'onmuni-annotations')),
      /not an OnMuni Toolkit planner backup/,
      /^kind: .*found "onmuni-annotations"/,
    ],
    ['a header with an unknown field', edited((b) => (b.extra = 1)), /header/, /Unrecognized key/],
    [
      'a bad export date',
      edited((b) => (b.exportedAt = 'yesterday')),
      /header/,
      /^exportedAt: must be a date and time/,
    ],
    [
      'a newer schema version',
      edited((b) => (b.schemaVersion = PLANNER_SCHEMA_VERSION + 1)),
      /made by a newer version of OnMuni Toolkit\. Update/,
      new RegExp(`^schemaVersion: .*planner format ${PLANNER_SCHEMA_VERSION + 1}`),
    ],
    [
      'a missing schema version',
      edited((b) => delete b.schemaVersion),
      /schemaVersion is missing/,
      /^schemaVersion: expected a whole number/,
    ],
    [
      'a wrong field type',
      edited((b) => (b.planner.tasks[1].dueDate = 20270301)),
      /do not match the planner format/,
      /^planner\.tasks\.1\.dueDate: /,
    ],
    [
      'a missing collection',
      edited((b) => delete b.planner.assessments),
      /do not match/,
      /^planner\.assessments: /,
    ],
    [
      'an unknown task field',
      edited((b) => (b.planner.tasks[0].priority = 'high')),
      /do not match/,
      /^planner\.tasks\.0: Unrecognized key/,
    ],
    [
      'a dependency loop',
      edited((b) => (b.planner.tasks[0].dependencies = ['t3'])),
      /in a loop/,
      /^planner\.tasks\.\d\.dependencies: dependencies form a loop: "List current permit steps" → "Choose a vendor"/,
    ],
    [
      'a dependency on a missing task',
      edited((b) => (b.planner.tasks[1].dependencies = ['gone'])),
      /missing/,
      /^planner\.tasks\.1\.dependencies\.0: refers to task "gone", which does not exist/,
    ],
    [
      'a task of a missing plan',
      edited((b) => (b.planner.tasks[3].planId = 'p9')),
      /missing/,
      /^planner\.tasks\.3\.planId: refers to plan "p9"/,
    ],
    [
      'a task in a phase of another plan',
      edited((b) => (b.planner.tasks[3].phaseId = 'ph1')),
      /missing/,
      /^planner\.tasks\.3\.phaseId: refers to phase "ph1"/,
    ],
    [
      'two tasks with one id',
      edited((b) => (b.planner.tasks[1].id = 't1')),
      /missing/,
      /^planner\.tasks\.1\.id: the task id "t1" is also used by tasks\.0/,
    ],
    [
      'a __proto__ key at the top',
      goodText().replace('{', '{"__proto__":{"polluted":1},'),
      /keys that are not allowed/,
      /^__proto__: the key "__proto__" is not allowed/,
    ],
    [
      'a __proto__ key deep inside',
      goodText().replace('"id": "t2"', '"__proto__": {"x": 1}, "id": "t2"'),
      /keys that are not allowed/,
      /^planner\.tasks\.1\.__proto__: /,
    ],
    [
      'a constructor.prototype key',
      edited(
        (b) => (b.planner.profile = JSON.parse('{"constructor":{"prototype":{"polluted":1}}}')),
      ),
      /not allowed/,
      /^planner\.profile\.constructor: /,
    ],
    [
      'nesting 100 levels deep',
      `{"kind":"onmuni-planner-backup","x":${'['.repeat(100)}${']'.repeat(100)}}`,
      /nested too deeply/,
      /^\(file\): nested more than 64 levels deep \(line 1, column 100\)$/,
    ],
  ];

  it.each(cases)('%s', (_name, text, message, problem) => {
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Core names the sentence; the page words it through the catalogue.
    expect(wordMessage(result.message)).toMatch(
      /^The file was not imported and nothing was changed\. /,
    );
    expect(wordMessage(result.message)).toMatch(message);
    const problems = wordProblems(result.problems);
    if (problem)
      expect(
        problems.some((p) => problem.test(p)),
        problems.join('\n'),
      ).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a file over 20 MB, before parsing it', () => {
    const big = `{"kind":"onmuni-planner-backup","pad":"${'x'.repeat(MAX_BACKUP_BYTES)}"}`;
    const result = parseBackup(big);
    expect(!result.ok && wordMessage(result.message)).toMatch(
      /It is larger than 20 MB, the most a planner backup can be/,
    );
    // Counted in UTF-8 bytes, not characters: 7 million "é" are 14 MB, 11 million are 22 MB.
    const under = parseBackup(`"${'é'.repeat(7_000_000)}"`);
    expect(!under.ok && wordMessage(under.message)).toMatch(/not an OnMuni Toolkit planner backup/);
    const over = parseBackup(`"${'é'.repeat(11_000_000)}"`);
    expect(!over.ok && wordMessage(over.message)).toMatch(/It is larger than 20 MB/);
  });

  it('lists at most 25 problems, then says how many more', () => {
    const result = parseBackup(
      edited(
        (b) =>
          b.planner.tasks.forEach((t: Record<string, unknown>) => (t.title = '')) ||
          (b.planner.plans = b.planner.plans.map((p: Record<string, unknown>) => ({
            ...p,
            title: '',
            owner: 5,
            status: 'x',
            goal: 7,
            fundingSource: 1,
            startDate: 'no',
            endDate: 'no',
            budgetEstimateCents: 'no',
            linkedDocIds: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'],
          }))),
      ),
    );
    expect(!result.ok && result.problems.length).toBe(26);
    expect(!result.ok && wordProblems(result.problems)[25]).toMatch(
      /^\(file\): and \d+ more problems$/,
    );
  });
});

describe('previewImport and applyImport', () => {
  const incoming = () => {
    let db = sampleDatabase();
    db = updateTask(db, taskId('t2'), { status: 'done' }).db;
    db = addTask(db, planId('p2'), { title: 'Stream meetings' }, taskId('t5')).db;
    return db;
  };
  const current = () => {
    let db = sampleDatabase();
    db = addTask(db, planId('p1'), { title: 'Local only task' }, taskId('t9')).db;
    return deepFreeze(db);
  };

  it('previews what will be added, replaced, unchanged, and kept or removed', () => {
    const preview = previewImport(current(), incoming());
    expect(preview.tasks.added.map((t) => t.id)).toEqual(['t5']);
    expect(preview.tasks.replaced.map((r) => [r.current.status, r.incoming.status])).toEqual([
      ['not-started', 'done'],
    ]);
    expect(preview.tasks.unchanged.map((t) => t.id)).toEqual(['t1', 't3', 't4']);
    expect(preview.tasks.onlyInCurrent.map((t) => t.id)).toEqual(['t9']);
    expect(preview.plans.unchanged).toHaveLength(2);
    expect(preview.profile).toBe('unchanged');
    expect(preview.mergeProblems).toEqual([]);
    expect(previewImport(emptyPlannerDatabase(), incoming()).profile).toBe('added');
  });

  it('merge keeps local-only items and takes the backup’s version of the rest', () => {
    const result = applyImport(current(), incoming(), 'merge');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.db.tasks.map((t) => `${t.id}:${t.status}`)).toEqual([
      't1:done',
      't2:done',
      't3:not-started',
      't4:not-started',
      't9:not-started',
      't5:not-started',
    ]);
  });

  it('replace makes the planner exactly the backup', () => {
    const result = applyImport(current(), incoming(), 'replace');
    expect(result.ok && result.db).toEqual(incoming());
    expect(result.ok && result.keptSharedPlans).toBe(0);
  });

  it('importing never shares a plan by itself: sharing stays as this planner has it', () => {
    const me = 'abcdefghijklmnop' as MemberId;
    const local = setPlanShared(current(), planId('p2'), true, me);
    // The backup had p1 shared (by someone), p2 private, and a shared plan this planner lacks.
    let backup = setPlanShared(incoming(), planId('p1'), true, me);
    backup = createPlan(backup, { title: 'Shared elsewhere' }, planId('p3')).db;
    backup = setPlanShared(backup, planId('p3'), true, me);
    for (const mode of ['merge', 'replace'] as const) {
      const result = applyImport(local, backup, mode);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const sharing = result.db.plans.map((p) => [p.id, p.shared, p.sharedBy]);
      expect(sharing).toEqual(
        mode === 'merge'
          ? [
              ['p1', false, null],
              ['p2', true, me],
              ['p3', false, null],
            ]
          : [
              ['p2', true, me],
              ['p1', false, null],
              ['p3', false, null],
            ],
      );
    }
    // Sharing alone is no difference the preview counts.
    expect(previewImport(local, backup).plans.unchanged.map((p) => p.id)).toEqual(['p1', 'p2']);
  });

  it('replace never deletes the team’s work: plans shared with the team stay as they are', () => {
    const me = 'abcdefghijklmnop' as MemberId;
    // Since the backup was made, p1 was shared and the team added a phase and a task to it.
    let local = setPlanShared(current(), planId('p1'), true, me);
    local = addPhase(local, planId('p1'), { title: 'Team phase' }, phaseId('ph9')).db;
    local = addTask(
      local,
      planId('p1'),
      { title: 'Team task', phaseId: phaseId('ph9') },
      taskId('t8'),
    ).db;
    // The backup holds an older p1, another plan, and a task that reuses a kept task's id.
    let backup = createPlan(incoming(), { title: 'From the backup' }, planId('p3')).db;
    backup = addTask(backup, planId('p3'), { title: 'Reused id' }, taskId('t8')).db;
    backup = addTask(
      backup,
      planId('p3'),
      { title: 'Waits', dependencies: [taskId('t8')] },
      taskId('t7'),
    ).db;
    const result = applyImport(deepFreeze(local), deepFreeze(backup), 'replace');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.keptSharedPlans).toBe(1);
    const keptPlan = local.plans.find((p) => p.id === 'p1');
    expect(result.db.plans.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(result.db.plans[0]).toEqual(keptPlan);
    expect(result.db.tasks.filter((t) => t.planId === 'p1')).toEqual(
      local.tasks.filter((t) => t.planId === 'p1'),
    );
    // The backup's p2 and p3 replace the rest; its task with a kept task's id is left out, and
    // the dependency on it cut, so every reference holds.
    expect(result.db.tasks.filter((t) => t.planId !== 'p1').map((t) => t.id)).toEqual([
      't4',
      't5',
      't7',
    ]);
    expect(result.db.tasks.find((t) => t.id === 't7')?.dependencies).toEqual([]);
    expect(checkIntegrity(result.db)).toEqual([]);
  });

  it('refuses a merge that would break references, and says why; replace still works', () => {
    // In the backup, the phase "Assess" was deleted; the local-only task t9 is in it.
    const local = addTask(
      sampleDatabase(),
      planId('p1'),
      { title: 'Local', phaseId: phaseId('ph1') },
      taskId('t9'),
    ).db;
    const backup = deletePhase(sampleDatabase(), planId('p1'), phaseId('ph1')).db;
    expect(wordProblems(previewImport(local, backup).mergeProblems)).toEqual([
      'tasks.4.phaseId: refers to phase "ph1", which is not a phase of the plan "Online permits"',
    ]);
    const merged = applyImport(local, backup, 'merge');
    expect(merged.ok).toBe(false);
    expect(!merged.ok && wordMessage(merged.message)).toMatch(/choose Replace instead/);
    expect(applyImport(local, backup, 'replace').ok).toBe(true);
  });

  it('replaces the profile only when the backup has one', () => {
    const withProfile = updatePlan(incoming(), planId('p1'), {}).db;
    const renamed = { ...withProfile, profile: { ...withProfile.profile, name: 'Other Township' } };
    expect(previewImport(current(), renamed).profile).toBe('replaced');
    const merged = applyImport(current(), renamed, 'merge');
    expect(merged.ok && merged.db.profile.name).toBe('Other Township');
    const blank = { ...renamed, profile: emptyPlannerDatabase().profile };
    const kept = applyImport(current(), blank, 'merge');
    expect(kept.ok && kept.db.profile.name).toBe('Township of Example');
  });
});
