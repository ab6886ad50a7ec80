// @vitest-environment jsdom
/**
 * The window's team session with every real part but the folder picker: two members, each with
 * the real planner, annotations, workshops and own-documents sessions over in-memory storage, joined to one real folder on
 * disk (main's NodeFolderAccess) through core's TeamSync. Time runs by hand: polling and the
 * publish pause are timers the test moves.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeFolderAccess } from '../../../electron/main/teamFolder/nodeFolderAccess';
import type { PlanId } from '../../../renderer/src/core/planner/ids';
import { createPlan, setPlanShared } from '../../../renderer/src/core/planner/operations/plans';
import { addTask } from '../../../renderer/src/core/planner/operations/tasks';
import type { FolderAccess } from '../../../renderer/src/core/team/folderAccess';
import type { TeamFolderHost } from '../../../renderer/src/core/team/teamFolderHost';
import { TeamSync } from '../../../renderer/src/core/team/teamSync';
import {
  annotationsSessionFor,
  type AnnotationsSession,
} from '../../../renderer/src/ui/annotations/annotationsSession';
import { quoteOf, setAnnotationPrivate } from '../../../renderer/src/core/annotations';
import { annotate, idOf } from '../annotations/fixtures';
import {
  plannerSessionFor,
  type PlannerSession,
} from '../../../renderer/src/ui/planner/plannerSession';
import { sharedRecords } from '../../../renderer/src/ui/team/openTeamSession';
import {
  workshopsSessionFor,
  type WorkshopsSession,
} from '../../../renderer/src/ui/workshops/workshopsSession';
import {
  ownDocumentsSessionFor,
  type OwnDocumentsSession,
} from '../../../renderer/src/ui/ownDocuments/ownDocumentsSession';
import {
  addStickyNote,
  setSessionShared,
  startSession,
} from '../../../renderer/src/core/workshops/sessionOperations';
import { addBlock, createWorkshop } from '../../../renderer/src/core/workshops/workshopOperations';
import type { SessionId, UserWorkshopId } from '../../../renderer/src/core/workshops/ids';
import {
  saveOwnDocument,
  setOwnDocumentShared,
} from '../../../renderer/src/core/ownDocuments/operations';
import { content, T0, T1, T2 } from '../ownDocuments/sample';
import { teamPreferencesIn } from '../../../renderer/src/ui/team/teamPreferences';
import { TeamSession, type TeamTimers } from '../../../renderer/src/ui/team/teamSession';
import { makeTempDir } from '../electron/tempDir';
import { MemoryStorage } from '../store/MemoryStorage';

/** Timers moved by hand: `tick()` runs every interval and every delay that is due. */
class ManualTimers implements TeamTimers {
  private nowMs = 1_800_000_000_000;
  private readonly intervals = new Set<() => void>();
  private delays: { at: number; run: () => void }[] = [];

  every(_ms: number, run: () => void): () => void {
    this.intervals.add(run);
    return () => this.intervals.delete(run);
  }

  after(ms: number, run: () => void): () => void {
    const delay = { at: this.nowMs + ms, run };
    this.delays.push(delay);
    return () => {
      this.delays = this.delays.filter((other) => other !== delay);
    };
  }

  now(): number {
    return this.nowMs;
  }

  /** Moves time on by `ms`, running the delays that came due, then every interval once. */
  tick(ms = 5_000): void {
    this.nowMs += ms;
    const due = this.delays.filter((delay) => delay.at <= this.nowMs);
    this.delays = this.delays.filter((delay) => delay.at > this.nowMs);
    for (const delay of due) delay.run();
    for (const run of this.intervals) run();
  }

  get polling(): boolean {
    return this.intervals.size > 0;
  }
}

/** A host whose "Choose team folder" gives `folder` (the user's pick, without the dialog). */
function folderHost(folder: FolderAccess): TeamFolderHost & { forgotten: boolean } {
  const host = {
    forgotten: false,
    available: true as const,
    choose: () => Promise.resolve({ folder, name: 'Task force' }),
    restore: () => Promise.resolve(null),
    forget: () => {
      host.forgotten = true;
      return Promise.resolve();
    },
  };
  return host;
}

interface Member {
  readonly team: TeamSession;
  readonly planner: PlannerSession;
  readonly annotations: AnnotationsSession;
  readonly workshops: WorkshopsSession;
  readonly ownDocuments: OwnDocumentsSession;
  readonly timers: ManualTimers;
  readonly host: ReturnType<typeof folderHost>;
  readonly records: ReturnType<typeof sharedRecords>;
}

const sessions: TeamSession[] = [];

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

/**
 * A member with their own storage, joined to the folder at `root` under `name`; `beforeJoining`
 * runs first (work made before the member joined).
 */
async function member(
  root: string,
  name: string,
  beforeJoining?: (annotations: AnnotationsSession) => void,
  folder: FolderAccess = new NodeFolderAccess(root),
): Promise<Member> {
  const storage = new MemoryStorage();
  const [planner, annotations, workshops, ownDocuments] = await Promise.all([
    plannerSessionFor(storage),
    annotationsSessionFor(storage),
    workshopsSessionFor(storage),
    ownDocumentsSessionFor(storage),
  ]);
  const records = sharedRecords(planner, annotations, { workshops, ownDocuments });
  const timers = new ManualTimers();
  const host = folderHost(folder);
  const team = new TeamSession({
    folders: host,
    records,
    preferences: teamPreferencesIn(storage),
    openSync: (folder, displayName) =>
      new TeamSync({
        folder,
        me: records.me,
        displayName,
        appVersion: '1.0.0-test',
        clock: planner.recordStore.clock(),
      }),
    pollMs: 5_000,
    timers,
  });
  sessions.push(team);
  beforeJoining?.(annotations);
  await annotations.whenSaved();
  team.start(name);
  expect(await team.join()).toBe(true);
  return { team, planner, annotations, workshops, ownDocuments, timers, host, records };
}

/** Lets the work a timer started (reads, merges, publishes) finish. */
async function settle(...members: Member[]): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await Promise.all(members.map((m) => m.team.readNow()));
    await Promise.all(members.map((m) => m.team.publishNow()));
    await Promise.all(
      members.flatMap((m) => [
        m.planner.whenSaved(),
        m.annotations.whenSaved(),
        m.workshops.whenSaved(),
        m.ownDocuments.whenSaved(),
      ]),
    );
  }
}

const PLAN = 'plan-shared' as PlanId;

/** Every file under `dir`, as one text: what the team folder holds. */
async function allText(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  const texts = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? allText(join(dir, entry.name))
        : readFile(join(dir, entry.name), 'utf8'),
    ),
  );
  return texts.join('\n');
}

describe('the team session', () => {
  it('shares a plan marked "Share with team", and both members converge on their edits', async () => {
    const root = await makeTempDir('onmuni-team-session-');
    const alice = await member(root, 'Alice');
    const bob = await member(root, 'Bob');
    expect(alice.team.getSnapshot().status).toBe('synced');
    expect(alice.team.getSnapshot().lastSyncedAt).not.toBeNull();

    alice.planner.apply((db) => createPlan(db, { title: 'Permits' }, PLAN).db);
    alice.planner.apply((db) => setPlanShared(db, PLAN, true, alice.team.me));
    await alice.planner.whenSaved();
    // Published once local saves pause: a second later.
    alice.timers.tick(1_000);
    await alice.team.publishNow();
    bob.timers.tick();
    await bob.team.readNow();
    expect(bob.planner.getSnapshot().db.plans.map((plan) => plan.title)).toEqual(['Permits']);

    alice.planner.apply((db) => addTask(db, PLAN, { title: 'Name a lead' }).db);
    bob.planner.apply((db) => addTask(db, PLAN, { title: 'Draft the bylaw' }).db);
    await Promise.all([alice.planner.whenSaved(), bob.planner.whenSaved()]);
    alice.timers.tick();
    bob.timers.tick();
    await settle(alice, bob);
    const titles = (m: Member) =>
      m.planner
        .getSnapshot()
        .db.tasks.map((task) => task.title)
        .sort();
    expect(titles(alice)).toEqual(['Draft the bylaw', 'Name a lead']);
    expect(titles(bob)).toEqual(titles(alice));

    // Each lists the other by the name they gave.
    const names = (m: Member) => m.team.getSnapshot().members.map((x) => [x.name, x.isMe]);
    expect(names(alice)).toEqual(
      expect.arrayContaining([
        ['Bob', false],
        ['Alice', true],
      ]),
    );
  });

  it('writes my member folder again after a read finds it emptied, and a quiet read writes nothing', async () => {
    const root = await makeTempDir('onmuni-team-session-');
    const alice = await member(root, 'Alice');
    alice.planner.apply((db) => createPlan(db, { title: 'Permits' }, PLAN).db);
    alice.planner.apply((db) => setPlanShared(db, PLAN, true, alice.team.me));
    await alice.planner.whenSaved();
    await settle(alice);
    const mine = join(root, 'members', alice.team.me);
    const published = await allText(mine);
    expect(published).toContain('Permits');

    // A quiet poll: nothing arrived and my folder is as I left it, so my folder's contents are
    // not derived again from every record (tens of milliseconds at 10,000 records).
    let derived = 0;
    const ownShared = alice.records.ownShared.bind(alice.records);
    alice.records.ownShared = (choices) => {
      derived += 1;
      return ownShared(choices);
    };
    await alice.team.readNow();
    expect(derived).toBe(0);

    // Someone empties my folder by mistake: the next read writes it again from local data.
    await rm(mine, { recursive: true });
    await alice.team.readNow();
    expect(await allText(mine)).toContain('Permits');
  });

  it('keeps a plan nobody shared at home', async () => {
    const root = await makeTempDir('onmuni-team-session-');
    const alice = await member(root, 'Alice');
    const bob = await member(root, 'Bob');
    alice.planner.apply((db) => createPlan(db, { title: 'Private budget' }, PLAN).db);
    await alice.planner.whenSaved();
    await settle(alice, bob);
    expect(bob.planner.getSnapshot().db.plans).toEqual([]);
  });

  it('merges everything a removed member did, on every computer, and their app stops publishing', async () => {
    const root = await makeTempDir('onmuni-team-session-');
    const alice = await member(root, 'Alice');
    const bob = await member(root, 'Bob');
    alice.planner.apply((db) => createPlan(db, { title: 'Permits' }, PLAN).db);
    alice.planner.apply((db) => setPlanShared(db, PLAN, true, alice.team.me));
    await settle(alice, bob);
    bob.planner.apply((db) => addTask(db, PLAN, { title: 'Before removal' }).db);
    await settle(alice, bob);

    await alice.team.removeMember(bob.team.me);
    expect(alice.team.getSnapshot().members.find((m) => m.id === bob.team.me)?.removed).toBe(true);
    // Bob, not having read the removal yet, adds a task stamped after it and publishes it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    bob.planner.apply((db) => addTask(db, PLAN, { title: 'After removal' }).db);
    await bob.planner.whenSaved();
    await bob.team.publishNow();
    await settle(alice, bob);

    // Nobody's changes are dropped: Alice takes in what Bob had, and both show the same planner.
    const titles = (m: Member) => m.planner.getSnapshot().db.tasks.map((task) => task.title);
    expect(titles(alice)).toEqual(expect.arrayContaining(['Before removal', 'After removal']));
    expect(bob.planner.getSnapshot().db).toEqual(alice.planner.getSnapshot().db);

    // Bob's app read its own removal: it says so and writes nothing more to the folder.
    expect(bob.team.getSnapshot().status).toBe('removed');
    expect(alice.team.getSnapshot().status).toBe('synced');
    bob.planner.apply((db) => addTask(db, PLAN, { title: 'While removed' }).db);
    await bob.planner.whenSaved();
    bob.timers.tick();
    await settle(alice, bob);
    expect(titles(bob)).toContain('While removed');
    expect(titles(alice)).not.toContain('While removed');
    expect(await allText(root)).not.toContain('While removed');
  });

  it('says the folder is offline when it goes away, and leaving keeps everything local', async () => {
    const root = await makeTempDir('onmuni-team-session-');
    const alice = await member(root, 'Alice');
    alice.planner.apply((db) => createPlan(db, { title: 'Permits' }, PLAN).db);
    alice.planner.apply((db) => setPlanShared(db, PLAN, true, alice.team.me));
    await settle(alice);
    const lastSynced = alice.team.getSnapshot().lastSyncedAt;

    await rm(root, { recursive: true, force: true });
    await alice.team.readNow();
    expect(alice.team.getSnapshot().status).toBe('offline');
    expect(alice.team.getSnapshot().lastSyncedAt).toBe(lastSynced);

    await alice.team.leave();
    expect(alice.host.forgotten).toBe(true);
    expect(alice.team.getSnapshot().status).toBe('off');
    expect(alice.timers.polling).toBe(false);
    expect(alice.planner.getSnapshot().db.plans.map((plan) => plan.title)).toEqual(['Permits']);
  });

  it('reads a folder joined again while a read of the folder left was still running', async () => {
    const root = await makeTempDir('onmuni-team-session-');
    const disk = new NodeFolderAccess(root);
    let held: Promise<void> | null = null;
    let release = (): void => undefined;
    // The first folder's listings wait while `held` is set (a slow network drive).
    const slow: FolderAccess = {
      list: async (dir) => {
        if (held) await held;
        return disk.list(dir);
      },
      read: (path, maxBytes) => disk.read(path, maxBytes),
      writeAtomic: (path, bytes) => disk.writeAtomic(path, bytes),
      remove: (path) => disk.remove(path),
    };
    const alice = await member(root, 'Alice', undefined, slow);
    held = new Promise((resolve) => {
      release = resolve;
    });
    const stale = alice.team.readNow();
    await alice.team.leave();
    // Joined again (here the same folder, reached afresh): the read of the folder left is held.
    const again: FolderAccess = {
      list: (dir) => disk.list(dir),
      read: (path, maxBytes) => disk.read(path, maxBytes),
      remove: (path) => disk.remove(path),
      writeAtomic: async (path, bytes) => {
        await disk.writeAtomic(path, bytes);
        // Written my member file: joining reads next; the stale read ends a moment later.
        if (path.endsWith('member.json')) setTimeout(release, 50);
      },
    };
    Object.assign(alice.host, { choose: () => Promise.resolve({ folder: again, name: 'Again' }) });
    expect(await alice.team.join()).toBe(true);
    await stale;
    expect(alice.team.getSnapshot().status).toBe('synced');
    expect(alice.team.getSnapshot().lastSyncedAt).not.toBeNull();
  });

  it('shares annotations made after joining, earlier ones once confirmed, private ones never', async () => {
    const root = await makeTempDir('onmuni-team-session-');
    const earlier = new Date(Date.now() - 60_000);
    const alice = await member(root, 'Alice', (annotations) =>
      annotations.apply(
        (db) =>
          annotate('council agendas', { db, id: idOf(1), now: earlier, clock: annotations.clock })
            .db,
      ),
    );
    const bob = await member(root, 'Bob');
    expect(alice.team.getSnapshot().annotationOffer).toBe('asking');
    expect(alice.team.annotationsToOffer().map((offer) => offer.quote)).toEqual([
      'council agendas',
    ]);

    const now = new Date(Date.now() + 1_000);
    const clock = alice.annotations.clock;
    alice.annotations.apply((db) => annotate('open data', { db, id: idOf(2), now, clock }).db);
    alice.annotations.apply((db) => {
      const secret = annotate('small pilot', { db, id: idOf(3), now, clock }).db;
      return setAnnotationPrivate(secret, idOf(3), true, clock);
    });
    await settle(alice, bob);
    const quotes = (m: Member) =>
      m.annotations
        .getSnapshot()
        .db.annotations.map((annotation) => quoteOf(annotation))
        .sort();
    expect(quotes(bob)).toEqual(['open data']);

    await alice.team.answerAnnotationOffer(true);
    expect(alice.team.getSnapshot().annotationOffer).toBe('shared');
    await settle(alice, bob);
    expect(quotes(bob)).toEqual(['council agendas', 'open data']);
  });
});

describe('the team session: workshop captures and own documents', () => {
  const OURS = 'workshop-ours' as UserWorkshopId;

  it('shares a session and a document the user chose to share, and both members converge', async () => {
    const root = await makeTempDir('onmuni-team-session-');
    const alice = await member(root, 'Alice');
    const bob = await member(root, 'Bob');

    // Alice runs her own workshop twice and writes two documents; she shares one of each.
    let shared = '' as SessionId;
    let kept = '' as SessionId;
    alice.workshops.apply((db) => {
      let next = createWorkshop(db, { title: 'Permits kickoff' }, OURS).db;
      next = addBlock(next, OURS, { title: 'Welcome', minutes: 10 }).db;
      const first = startSession(next, { kind: 'user', id: OURS }, 'Permits kickoff');
      shared = first.session.id;
      next = addStickyNote(first.db, shared, 'Start with building permits', 0).db;
      const second = startSession(next, { kind: 'user', id: OURS }, 'Permits kickoff');
      kept = second.session.id;
      next = addStickyNote(second.db, kept, 'Only for me', null).db;
      return setSessionShared(next, shared, true, alice.team.me);
    });
    alice.ownDocuments.apply((db) => {
      let next = saveOwnDocument(db, 'doc-shared', content({ title: 'Our minutes' }), T0).db;
      next = saveOwnDocument(next, 'doc-shared', content({ title: 'Our minutes, v2' }), T1).db;
      next = saveOwnDocument(next, 'doc-home', content({ title: 'My draft' }), T0).db;
      return setOwnDocumentShared(next, 'doc-shared', true, alice.team.me);
    });
    await settle(alice, bob);

    const bobSees = bob.workshops.getSnapshot().db;
    expect(bobSees.workshops.map((w) => w.title)).toEqual(['Permits kickoff']);
    expect(bobSees.sessions.map((s) => s.id)).toEqual([shared]);
    expect(bobSees.sessions[0]?.notes.map((n) => n.text)).toEqual(['Start with building permits']);
    expect(bobSees.sessions[0]).toMatchObject({ shared: true, sharedBy: alice.team.me });
    const bobDocs = bob.ownDocuments.getSnapshot().db.documents;
    expect(bobDocs.map((d) => [d.id, d.title, d.sharedBy])).toEqual([
      ['doc-shared', 'Our minutes, v2', alice.team.me],
    ]);
    // The history of the draft stayed with its writer: Bob's starts with what he was given.
    expect(bobDocs[0]?.versions.map((v) => v.title)).toEqual(['Our minutes, v2']);

    // Bob adds a note and edits the document; Alice takes both in.
    bob.workshops.apply((db) => addStickyNote(db, shared, 'And signs', null).db);
    bob.ownDocuments.apply(
      (db) => saveOwnDocument(db, 'doc-shared', content({ title: 'Our minutes, v3' }), T2).db,
    );
    await settle(alice, bob);
    const notes = (m: Member) =>
      m.workshops
        .getSnapshot()
        .db.sessions.find((s) => s.id === shared)
        ?.notes.map((n) => n.text);
    expect(notes(alice)).toEqual(['Start with building permits', 'And signs']);
    expect(notes(bob)).toEqual(notes(alice));
    const doc = (m: Member) =>
      m.ownDocuments.getSnapshot().db.documents.find((d) => d.id === 'doc-shared');
    expect(doc(alice)?.title).toBe('Our minutes, v3');
    expect(doc(bob)).toEqual({ ...doc(alice), versions: doc(bob)?.versions });
    expect(doc(alice)?.versions.map((v) => v.title)).toEqual([
      'Our minutes',
      'Our minutes, v2',
      'Our minutes, v3',
    ]);

    // What Alice did not share never reached Bob, nor the folder.
    expect(bob.workshops.getSnapshot().db.sessions.some((s) => s.id === kept)).toBe(false);
    expect(bob.ownDocuments.getSnapshot().db.documents.some((d) => d.id === 'doc-home')).toBe(
      false,
    );
    const published = alice.team.scope();
    const aliceRecords = [...alice.team.records()];
    expect(aliceRecords.some((r) => r.id === kept && published(r))).toBe(false);
    expect(aliceRecords.some((r) => r.id === 'doc-home' && published(r))).toBe(false);
    const folderText = await allText(root);
    expect(folderText).toContain('Start with building permits');
    for (const stayedHome of ['Only for me', 'My draft', '"versions"']) {
      expect(folderText).not.toContain(stayedHome);
    }
  });
});
