/**
 * Issue 16's integration test: two app instances (core's planner store and TeamSync, main's data
 * folder and NodeFolderAccess) share a plan through two real Syncthing daemons on loopback. They
 * make concurrent and conflicting edits, one daemon is stopped while changes are on their way and
 * both keep editing, then it is started again; both must end with the same planner, every edit
 * either there or overwritten by a later one, and every conflict copy Syncthing made merged.
 */
import { cp, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AnnotationId } from '../../../../renderer/src/core/annotations/ids';
import {
  createAnnotation,
  deleteAnnotation,
  setAnnotationPrivate,
  updateAnnotation,
} from '../../../../renderer/src/core/annotations/operations';
import type { AnnotationsDatabase } from '../../../../renderer/src/core/annotations/schema';
import { asDocId } from '../../../../renderer/src/core/content/ids';
import type { PhaseId, PlanId, TaskId } from '../../../../renderer/src/core/planner/ids';
import {
  addPhase,
  createPlan,
  deletePhase,
  renamePhase,
  setPlanShared,
  updatePlan,
} from '../../../../renderer/src/core/planner/operations/plans';
import {
  addTask,
  deleteTask,
  updateTask,
} from '../../../../renderer/src/core/planner/operations/tasks';
import type { PlannerDatabase, Task } from '../../../../renderer/src/core/planner/schema';
import {
  saveOwnDocument,
  setOwnDocumentShared,
} from '../../../../renderer/src/core/ownDocuments/operations';
import { annotationRecordId } from '../../../../renderer/src/core/team/annotationRecords';
import { isMemberId } from '../../../../renderer/src/core/team/hlc';
import { withoutLocalFields } from '../../../../renderer/src/core/team/itemRecords';
import { DOCUMENT_LOCAL_FIELDS } from '../../../../renderer/src/core/team/ownDocumentRecords';
import { decodeTeamFile } from '../../../../renderer/src/core/team/logFiles';
import { phaseRecordId } from '../../../../renderer/src/core/team/plannerRecords';
import type { Change } from '../../../../renderer/src/core/team/records';
import { AppInstance, type SyncRound } from './appInstance';
import { useSyncthingPair, type SyncthingPair } from './harness';
import { lostChanges } from './lostChanges';

/** Each scenario must finish well inside this (each takes about 3 s once the daemons run). */
const TEST_TIMEOUT_MS = 60_000;
/** Reading, merging and publishing until nothing changes: bounded, never a fixed sleep. */
const CONVERGE_TIMEOUT_MS = 30_000;

/**
 * Syncs both instances, waits for the daemons to carry the files across, and again, until a
 * round after the folders were in sync changed nothing and both show the same planner. Returns
 * the last round of each.
 */
async function converge(pair: SyncthingPair, a: AppInstance, b: AppInstance): Promise<SyncRound[]> {
  const deadline = Date.now() + CONVERGE_TIMEOUT_MS;
  await a.sync();
  await b.sync();
  for (;;) {
    await pair.waitUntilInSync(Math.max(1_000, deadline - Date.now()));
    const rounds = [await a.sync(), await b.sync()];
    const same = isDeepStrictEqual(a.db, b.db);
    if (rounds.every((round) => round.quiet) && same) return rounds;
    if (Date.now() > deadline) {
      const warnings = rounds.flatMap((round) => round.warnings.map((w) => `${w.code} ${w.path}`));
      const state = [
        `quiet: ${rounds.map((round) => round.quiet).join(', ')}`,
        `same planner: ${same} (${plannerSize(a.db)} / ${plannerSize(b.db)})`,
        `warnings: ${warnings.join('; ') || 'none'}`,
      ];
      throw new Error(`No convergence after ${CONVERGE_TIMEOUT_MS} ms: ${state.join(', ')}`);
    }
  }
}

/** A planner's size, for a failure message: plans, phases and tasks. */
function plannerSize(db: PlannerDatabase): string {
  const phases = db.plans.reduce((sum, plan) => sum + plan.phases.length, 0);
  return `${db.plans.length} plans, ${phases} phases, ${db.tasks.length} tasks`;
}

/** Every file under `dir`, as `/`-separated paths relative to it (as the team layer names them). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The changes held by the Syncthing conflict copies in a member folder of `folder`. */
async function conflictCopyChanges(
  folder: string,
): Promise<{ files: string[]; changes: Change[] }> {
  const files = (await filesUnder(folder)).filter((path) => path.includes('.sync-conflict-'));
  const changes: Change[] = [];
  for (const path of files) {
    const [top, member] = path.split('/');
    if (top !== 'members' || !isMemberId(member)) continue;
    const decoded = await decodeTeamFile(await readFile(join(folder, ...path.split('/'))), member);
    if (!decoded.ok) throw new Error(`${path} does not decode: ${decoded.refusal}`);
    if (decoded.file.type === 'log' || decoded.file.type === 'snapshot') {
      changes.push(...decoded.file.changes);
    }
  }
  return { files, changes };
}

function taskIn(db: PlannerDatabase, id: TaskId): Task | undefined {
  return db.tasks.find((task) => task.id === id);
}

function requireTask(db: PlannerDatabase, id: TaskId): Task {
  const task = taskIn(db, id);
  if (!task) throw new Error(`task ${id} is missing`);
  return task;
}

/** The value the latest change to a field set: the one every member must end with. */
function laterValue(made: readonly Change[], id: string, field: string): unknown {
  const writes = made.filter((change) => change.id === id && Object.hasOwn(change.set, field));
  const latest = writes.reduce<Change | undefined>(
    (best, change) => (best === undefined || change.at > best.at ? change : best),
    undefined,
  );
  return latest?.set[field];
}

/** The passage both members annotate (a document of this toolkit, as the reader shows it). */
const DOC = asDocId('asset-management-guide');
const TEXT = 'Roads are the largest asset most municipalities own.';

/** What of an annotations database the team shares: all but the private annotations. */
function sharedNotes(db: AnnotationsDatabase): AnnotationsDatabase {
  return { ...db, annotations: db.annotations.filter((annotation) => !annotation.private) };
}

describe('two app instances syncing a plan through real Syncthing', () => {
  const fixture = useSyncthingPair();

  it(
    'converge to the same planner with nothing lost, across a stopped and restarted daemon',
    async () => {
      const { pair: daemons, root } = fixture();
      // Both join the fresh folder at once, as two people setting it up together would.
      const [a, b] = await Promise.all([
        AppInstance.open('Alex', join(root, 'data-a'), daemons.a.folderPath),
        AppInstance.open('Blair', join(root, 'data-b'), daemons.b.folderPath),
      ]);

      // 1. Alex makes a plan with two phases and four tasks and shares it.
      let planId = '' as PlanId;
      let p1 = '' as PhaseId;
      let p2 = '' as PhaseId;
      const t: TaskId[] = [];
      await a.edit((db) => {
        const made = createPlan(db, { title: 'Asset management plan' });
        planId = made.plan.id;
        const first = addPhase(made.db, planId, { title: 'Inventory' });
        p1 = first.phase.id;
        const second = addPhase(first.db, planId, { title: 'Condition review' });
        p2 = second.phase.id;
        let next = second.db;
        for (const [title, phaseId] of [
          ['List the roads', p1],
          ['List the buildings', p1],
          ['Rate the bridges', p2],
          ['Ask council for a budget', null],
        ] as const) {
          const added = addTask(next, planId, { title, phaseId });
          t.push(added.task.id);
          next = added.db;
        }
        return setPlanShared(next, planId, true, a.me);
      });
      const [t1, t2, t3, t4] = t as [TaskId, TaskId, TaskId, TaskId];
      // Alex highlights a passage (shared: made after joining); Blair keeps a private note.
      let n1 = '' as AnnotationId;
      let n2 = '' as AnnotationId;
      await a.editNotes((db, clock) => {
        const made = createAnnotation(db, {
          docId: DOC,
          text: TEXT,
          start: 0,
          end: 5,
          meaning: 'important',
          note: 'Start here',
          author: 'Alex',
          clock,
        });
        n1 = made.annotation.id;
        return made.db;
      });
      await b.editNotes((db, clock) => {
        const made = createAnnotation(db, {
          docId: DOC,
          text: TEXT,
          start: 14,
          end: 27,
          meaning: 'question',
          note: 'Ask finance first',
          author: 'Blair',
          clock,
        });
        n2 = made.annotation.id;
        return setAnnotationPrivate(made.db, n2, true, clock);
      });
      await converge(daemons, a, b);
      expect(b.db.plans.map((plan) => plan.title)).toEqual(['Asset management plan']);
      expect(b.db.tasks.map((task) => task.title)).toEqual(a.db.tasks.map((task) => task.title));
      expect(b.notesDb.annotations.map((note) => note.id).sort()).toEqual([n1, n2].sort());
      expect(a.notesDb.annotations.map((note) => note.id)).toEqual([n1]);

      // Alex writes two documents of their own and shares one: Blair gets it without Alex's
      // versions (they stay on Alex's computer), and never sees the other.
      await a.editDocs((db) => {
        const content = {
          title: 'Roads inventory',
          summary: 'What roads we own.',
          topics: [],
          body: 'Draft',
          sources: [],
        };
        let next = saveOwnDocument(db, 'doc-roads', content, '2026-01-05T10:00:00.000Z').db;
        next = saveOwnDocument(
          next,
          'doc-roads',
          { ...content, body: 'Final' },
          '2026-01-05T11:00:00.000Z',
        ).db;
        next = saveOwnDocument(
          next,
          'doc-private',
          { ...content, title: 'Notes to self' },
          '2026-01-05T12:00:00.000Z',
        ).db;
        return setOwnDocumentShared(next, 'doc-roads', true, a.me);
      });
      await converge(daemons, a, b);
      expect(b.docsDb.documents.map((doc) => [doc.id, doc.body])).toEqual([['doc-roads', 'Final']]);
      expect(b.record('document', 'doc-roads')?.fields.versions).toBeUndefined();
      expect(a.docsDb.documents.find((doc) => doc.id === 'doc-roads')?.versions).toHaveLength(2);

      // 2. Both edit before either has seen the other's edits: the same field of one task,
      // different fields of another, the plan, tasks and phases added and deleted.
      let t5 = '' as TaskId;
      let t6 = '' as TaskId;
      await a.edit((db) => updateTask(db, t1, { title: 'List the roads (Alex)' }).db);
      await a.edit((db) => updateTask(db, t2, { owner: 'Alex' }).db);
      await a.edit((db) => updatePlan(db, planId, { goal: 'Know what we own' }).db);
      await a.edit((db) => deletePhase(db, planId, p2).db);
      await a.edit((db) => {
        const added = addTask(db, planId, { title: 'Count the culverts', phaseId: p1 });
        t5 = added.task.id;
        return added.db;
      });
      await b.edit((db) => updateTask(db, t1, { title: 'List the roads (Blair)' }).db);
      await b.edit((db) => updateTask(db, t2, { status: 'in-progress' }).db);
      await b.edit((db) => updatePlan(db, planId, { owner: 'Blair' }).db);
      await b.edit((db) => deleteTask(db, t4).db);
      let p3 = '' as PhaseId;
      await b.edit((db) => {
        const phase = addPhase(db, planId, { title: 'Report to council' });
        p3 = phase.phase.id;
        // Into the phase Alex is deleting at the same moment: it ends up with no phase.
        const added = addTask(phase.db, planId, { title: 'Inspect the arena roof', phaseId: p2 });
        t6 = added.task.id;
        return added.db;
      });
      // Both edit the shared annotation: the whole later version wins.
      await a.editNotes((db, clock) =>
        updateAnnotation(db, n1, { note: 'Arterials first' }, clock),
      );
      await b.editNotes((db, clock) => updateAnnotation(db, n1, { tags: ['roads'] }, clock));
      await Promise.all([a.publish(), b.publish()]);

      // 3. Blair's Syncthing stops while those changes are on their way; both keep working.
      await Promise.all([daemons.a.scan(), daemons.b.scan()]);
      await daemons.b.stop();
      let t7 = '' as TaskId;
      let t8 = '' as TaskId;
      await a.edit((db) => updateTask(db, t2, { status: 'done' }).db);
      await a.edit((db) => renamePhase(db, planId, p1, 'Inventory (Alex)'));
      // Edits a task Blair is deleting meanwhile: the deletion stands, the edit stays recorded.
      await a.edit((db) => updateTask(db, t3, { owner: 'Alex' }).db);
      await a.edit((db) => {
        const added = addTask(db, planId, { title: 'Map the sidewalks', phaseId: p1 });
        t7 = added.task.id;
        return added.db;
      });
      await b.edit((db) => updateTask(db, t1, { notes: 'Start with the arterials' }).db);
      await b.edit((db) => renamePhase(db, planId, p1, 'Inventory (Blair)'));
      await b.edit((db) => deleteTask(db, t3).db);
      await b.edit((db) => {
        const added = addTask(db, planId, { title: 'Photograph the parks', phaseId: p1 });
        t8 = added.task.id;
        return added.db;
      });
      let n3 = '' as AnnotationId;
      await a.editNotes((db, clock) => {
        const made = createAnnotation(db, {
          docId: DOC,
          text: TEXT,
          start: 31,
          end: 51,
          meaning: 'idea',
          author: 'Alex',
          clock,
        });
        n3 = made.annotation.id;
        return made.db;
      });
      await b.editNotes((db, clock) => deleteAnnotation(db, n1, clock));
      await a.sync();
      await b.sync();

      // 4. Blair's Syncthing starts again with the same home and catches up.
      await daemons.b.start();
      const last = await converge(daemons, a, b);

      // The same planner on both, and no folder problem left to warn about.
      expect(b.db).toEqual(a.db);
      expect(last.flatMap((round) => round.warnings)).toEqual([]);

      expect(sharedNotes(b.notesDb)).toEqual(sharedNotes(a.notesDb));
      expect(a.notesDb.annotations.map((note) => note.id)).toEqual([n3]);
      expect(a.notesDb.tombstones.map((tombstone) => tombstone.id)).toEqual([n1]);
      // Blair's private note never left Blair's computer.
      expect(a.record('annotation', annotationRecordId(n2))).toBeUndefined();
      expect(b.notesDb.annotations.find((note) => note.id === n2)?.private).toBe(true);

      // Nothing lost: every change either member made is in both members' records, or was
      // overwritten by a later one.
      const made = [...a.made, ...b.made];
      // What stays home: Blair's private note, Alex's private document, every document's versions.
      const home = new Set([annotationRecordId(n2), 'doc-private']);
      const shared = withoutLocalFields(
        made.filter((change) => !home.has(change.id)),
        { document: DOCUMENT_LOCAL_FIELDS },
      );
      expect(made.length).toBeGreaterThan(20);
      expect(lostChanges(shared, b.record)).toEqual([]);
      expect(lostChanges(shared, a.record)).toEqual([]);

      // What that means in the planner.
      const db = a.db;
      const plan = db.plans.find((p) => p.id === planId);
      expect(plan).toMatchObject({ goal: 'Know what we own', owner: 'Blair', shared: true });
      expect(plan?.phases.map((phase) => phase.id)).toEqual([p1, p3]);
      expect(plan?.phases[0]?.title).toBe(laterValue(made, phaseRecordId(planId, p1), 'title'));
      expect(requireTask(db, t1).title).toBe(laterValue(made, t1, 'title'));
      expect(requireTask(db, t1).notes).toBe('Start with the arterials');
      expect(requireTask(db, t2)).toMatchObject({ owner: 'Alex', status: 'done' });
      expect(taskIn(db, t3)).toBeUndefined();
      expect(taskIn(db, t4)).toBeUndefined();
      expect(requireTask(db, t5).phaseId).toBe(p1);
      expect(requireTask(db, t6).phaseId).toBeNull();
      expect(requireTask(db, t7).phaseId).toBe(p1);
      expect(requireTask(db, t8).phaseId).toBe(p1);

      // What was merged is stored locally: Blair's app, started again, shows the same.
      const restarted = await AppInstance.open('Blair', join(root, 'data-b'), daemons.b.folderPath);
      expect(restarted.me).toBe(b.me);
      expect(restarted.db).toEqual(b.db);
      expect(restarted.notesDb).toEqual(b.notesDb);
      expect(restarted.docsDb).toEqual(b.docsDb);

      // Conflict copies Syncthing made of member files hold nothing the records lack.
      for (const [daemon, app] of [
        [daemons.a, a],
        [daemons.b, b],
      ] as const) {
        const copies = await conflictCopyChanges(daemon.folderPath);
        expect(lostChanges(copies.changes, app.record)).toEqual([]);
      }
    },
    TEST_TIMEOUT_MS,
  );
});

describe('one member on two computers, through real Syncthing', () => {
  const fixture = useSyncthingPair();

  it(
    'merges the conflict copies Syncthing makes of their member files, losing nothing',
    async () => {
      const { pair: daemons, root } = fixture();
      const desk = await AppInstance.open('Alex', join(root, 'desk'), daemons.a.folderPath);
      let planId = '' as PlanId;
      let task = '' as TaskId;
      await desk.edit((db) => {
        const made = createPlan(db, { title: 'Records retention' });
        planId = made.plan.id;
        const added = addTask(made.db, planId, { title: 'Find the bylaw' });
        task = added.task.id;
        return setPlanShared(added.db, planId, true, desk.me);
      });
      await desk.publish();
      await daemons.waitUntilInSync();

      // Alex copies the app's data to a laptop (same member id, same clock) that syncs through
      // the other daemon; the two edit while that daemon is off, rewriting the same log file.
      await cp(join(root, 'desk'), join(root, 'laptop'), { recursive: true });
      const laptop = await AppInstance.open('Alex', join(root, 'laptop'), daemons.b.folderPath);
      expect(laptop.me).toBe(desk.me);
      await daemons.b.stop();
      await desk.edit((db) => updateTask(db, task, { title: 'Find the 2019 bylaw' }).db);
      await desk.publish();
      await laptop.edit((db) => updateTask(db, task, { owner: 'Alex' }).db);
      await laptop.edit((db) => addTask(db, planId, { title: 'Ask the clerk' }).db);
      await laptop.publish();
      await daemons.b.start();
      await daemons.waitUntilInSync();

      // Syncthing kept both versions of the log: one as a conflict copy, on both computers.
      const copies = await conflictCopyChanges(daemons.a.folderPath);
      expect(copies.files.length).toBeGreaterThan(0);
      expect(copies.files.every((path) => path.startsWith(`members/${desk.me}/`))).toBe(true);

      const last = await converge(daemons, desk, laptop);
      expect(laptop.db).toEqual(desk.db);
      expect(last.flatMap((round) => round.warnings)).toEqual([]);
      const made = [...desk.made, ...laptop.made];
      expect(lostChanges(made, desk.record)).toEqual([]);
      expect(lostChanges(made, laptop.record)).toEqual([]);
      expect(lostChanges(copies.changes, desk.record)).toEqual([]);
      expect(requireTask(desk.db, task)).toMatchObject({
        title: 'Find the 2019 bylaw',
        owner: 'Alex',
      });
      expect(desk.db.tasks.map((t) => t.title)).toContain('Ask the clerk');
      // Merged and published again, the copies are removed from the member's own folder.
      await daemons.waitUntilInSync();
      for (const daemon of daemons.daemons) {
        expect((await conflictCopyChanges(daemon.folderPath)).files).toEqual([]);
      }
    },
    TEST_TIMEOUT_MS,
  );
});
