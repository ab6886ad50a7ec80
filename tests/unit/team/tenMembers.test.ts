/**
 * Ten members through one plain shared folder (issue 16): clocks skewed by up to a day either
 * way, random concurrent edits of the same tasks over many rounds (deletions and undeletes
 * included), some publishes done by a child process killed with SIGKILL mid-write, and a sync
 * tool's conflict copies holding changes the canonical files lost. Then everyone reads and
 * publishes until the folder is quiet, and:
 * - every member holds the same records, and so does a newcomer reading the folder afresh;
 * - no edit is lost: each still holds, or was overwritten by a change stamped later;
 * - no conflict copy is left: each member merged, republished and removed those in their folder.
 */
import { readdir, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../renderer/src/core/common/canonicalJson';
import {
  decodeTeamFile,
  encodeLogFile,
  encodeSnapshotFile,
  MEMBER_FILE,
  memberFolderPath,
} from '../../../renderer/src/core/team/logFiles';
import {
  DELETED_FIELD,
  type Change,
  type RecordSet,
  type Write,
} from '../../../renderer/src/core/team/records';
import type { MemberId } from '../../../renderer/src/core/team/hlc';
import { TeamSync } from '../../../renderer/src/core/team/teamSync';
import { runAndKill } from '../electron/killChild';
import { makeTempDir } from '../electron/tempDir';
import { transpileForNode } from '../electron/transpileForNode';
import { desiredOf, edit, fieldsOf, simMember, type SimMember } from './teamMembers';

const ROOT = join(import.meta.dirname, '../../..');
/** The modules the child runs: TeamSync and the desktop folder code, with what they import. */
const ENTRY_MODULES = [
  'renderer/src/core/team/teamSync.ts',
  'electron/main/teamFolder/nodeFolderAccess.ts',
];
const CHILD = join(import.meta.dirname, 'fixtures/teamPublisher.mjs');
const MEMBERS = 10;
const ROUNDS = 12;
const TASKS = 24;
const DAY = 24 * 60 * 60 * 1000;
const LIMITS = { segmentLimit: 12, compactAfterSegments: 4 };

/** A small seeded generator, so a failure can be replayed (the seed is in the test's name). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Member {
  sim: SimMember;
  sync: TeamSync;
  offsetMs: number;
}

/** A member's TeamSync as after a restart of the app: nothing cached. */
function restarted(member: Member): TeamSync {
  return new TeamSync({
    folder: member.sim.folder,
    me: member.sim.id,
    displayName: member.sim.id,
    appVersion: '1.0.0',
    clock: member.sim.clock,
    ...LIMITS,
  });
}

async function readAndApply(member: Member): Promise<number> {
  const report = await member.sync.read();
  expect(report.warnings.filter((w) => w.code !== 'folderUnavailable')).toEqual([]);
  return member.sim.records.apply(report.changes).size;
}

/** Random edits of shared tasks: titles, statuses, owners, deletions and undeletes. */
function randomEdits(member: Member, next: () => number): Change[] {
  const count = 1 + Math.floor(next() * 4);
  const writes = Array.from({ length: count }, () => {
    const id = `task-${Math.floor(next() * TASKS)}`;
    const roll = next();
    const set: Write['set'] =
      roll < 0.1
        ? { [DELETED_FIELD]: next() < 0.6 }
        : roll < 0.55
          ? { title: `${member.sim.id.slice(0, 5)} ${Math.floor(next() * 1000)}` }
          : roll < 0.85
            ? { status: ['todo', 'doing', 'done'][Math.floor(next() * 3)] ?? 'todo' }
            : { owner: member.sim.id, due: `2027-0${1 + Math.floor(next() * 9)}-01` };
    return { kind: 'task' as const, id, set };
  });
  return edit(member.sim, writes);
}

/** Lines naming each field of `changes` that `records` lost (see the module comment). */
function lostEdits(changes: readonly Change[], records: RecordSet): string[] {
  const lost: string[] = [];
  for (const change of changes) {
    for (const [name, value] of Object.entries(change.set)) {
      const register = records.get(change.kind, change.id)?.fields[name];
      const same =
        register?.at === change.at && canonicalJson(register.value) === canonicalJson(value);
      if (!register || (register.at <= change.at && !same)) {
        lost.push(`${change.kind}/${change.id} ${name} @ ${change.at}`);
      }
    }
  }
  return lost;
}

/**
 * What a sync tool does after a conflict on a member's latest segment: the canonical name gets
 * back an older version and the newer one is kept as a copy, so only the copy holds some changes.
 */
async function makeConflict(
  dir: string,
  older: Map<string, Buffer>,
  name: string,
): Promise<boolean> {
  const previous = older.get(name);
  if (!previous) return false;
  await rename(
    join(dir, name),
    join(dir, `${name.replace(/\.json$/, '')}.sync-conflict-20261206-120000-ABCDEFG.json`),
  );
  await writeFile(join(dir, name), previous);
  return true;
}

describe('ten members through one shared folder', () => {
  let build = '';

  beforeAll(async () => {
    const work = await makeTempDir('onmuni-team-kill-');
    build = join(work, 'build');
    await transpileForNode(await importClosure(ENTRY_MODULES), build);
    // The child imports zod as the app does: from the project's packages.
    await symlink(join(ROOT, 'node_modules'), join(build, 'node_modules'));
  });

  it(
    'converge with skewed clocks, killed writes and conflict copies, losing nothing',
    { timeout: 60_000 },
    async () => {
      const next = random(16);
      const root = await makeTempDir('onmuni-team-ten-');
      const work = await makeTempDir('onmuni-team-ten-work-');
      const members: Member[] = [];
      for (let index = 0; index < MEMBERS; index += 1) {
        const offsetMs = Math.round((next() * 2 - 1) * DAY);
        const sim = simMember(root, `m${index}`, { offsetMs, ...LIMITS });
        members.push({ sim, sync: sim.sync, offsetMs });
        await sim.sync.join();
      }
      const allEdits: Change[] = [];
      let kills = 0;
      let killedMidWrite = 0;
      let conflicts = 0;

      for (let round = 0; round < ROUNDS; round += 1) {
        // The victim of this round publishes through a child process that is killed.
        const victim = members[Math.floor(next() * MEMBERS)] as Member;
        // Everyone reads, edits and publishes at the same time.
        await Promise.all(
          members.map(async (member) => {
            await readAndApply(member);
            allEdits.push(...randomEdits(member, next));
            if (member !== victim) {
              await member.sync.publish(desiredOf(member.sim));
              return;
            }
            allEdits.push(...randomEdits(member, next), ...randomEdits(member, next));
            const desired = desiredOf(member.sim);
            const lastPublished = await lastPublishedStamp(root, member);
            const file = join(work, `desired-${round}.json`);
            await writeFile(
              file,
              JSON.stringify({
                base: desired.filter((change) => change.at <= lastPublished),
                fresh: desired.filter((change) => change.at > lastPublished),
              }),
            );
            const kill = await runAndKill(
              CHILD,
              [
                build,
                root,
                member.sim.id,
                file,
                String(LIMITS.segmentLimit),
                String(LIMITS.compactAfterSegments),
              ],
              Math.random() * 40,
            );
            expect(kill.bad).toBeUndefined();
            kills += 1;
            if (kill.lastBegin > kill.lastDone) killedMidWrite += 1;
            // The member's app starts again after the crash.
            member.sync = restarted(member);
          }),
        );
        // Now and then a sync tool turns someone's latest segment into a conflict copy.
        if (round % 3 === 1) {
          const member = members[Math.floor(next() * MEMBERS)] as Member;
          const dir = join(root, memberFolderPath(member.sim.id));
          const logs = (await readdir(dir)).filter((name) => /^log-\d{6}\.json$/.test(name)).sort();
          const latest = logs.at(-1);
          if (
            latest &&
            (await makeConflict(
              dir,
              snapshotsOfLogs.get(member.sim.id) ?? new Map<string, Buffer>(),
              latest,
            ))
          ) {
            conflicts += 1;
          }
        }
        await rememberLogs(root, members);
      }

      // One member publishes a last time and leaves for good (a laptop that dies), and the sync
      // tool then hides their newest changes in a conflict copy: the others can only get them
      // by reading the copy.
      const leaver = members.shift() as Member;
      await readAndApply(leaver);
      const finalEdits = [...randomEdits(leaver, next), ...randomEdits(leaver, next)];
      allEdits.push(...finalEdits);
      await leaver.sync.publish(desiredOf(leaver.sim));
      const leaverDir = join(root, memberFolderPath(leaver.sim.id));
      await hideInConflictCopy(leaverDir, leaver.sim.id, finalEdits[0]?.at ?? '');

      // Everyone else reads and publishes until nothing changes any more.
      for (let pass = 0; ; pass += 1) {
        expect(pass, 'the folder never became quiet').toBeLessThan(10);
        let changed = 0;
        for (const member of members) {
          changed += await readAndApply(member);
          changed += (await member.sync.publish(desiredOf(member.sim))).written;
        }
        if (changed === 0) break;
      }

      const expected = fieldsOf((members[0] as Member).sim.records);
      for (const member of members) expect(fieldsOf(member.sim.records)).toEqual(expected);
      const newcomer = simMember(root, 'newcomer');
      newcomer.records.apply((await newcomer.sync.read()).changes);
      expect(fieldsOf(newcomer.records)).toEqual(expected);
      expect(lostEdits(allEdits, newcomer.records)).toEqual([]);
      // Members removed the copies in their own folders; the leaver's copy stays, merged.
      for (const member of members) {
        const names = await readdir(join(root, memberFolderPath(member.sim.id)));
        // (Hidden temporary files of killed writes are no copies: readers never see them.)
        const copies = names.filter((name) => !name.startsWith('.') && !isCanonical(name));
        expect(copies, member.sim.id).toEqual([]);
      }
      const leftCopies = (await readdir(leaverDir)).filter(
        (name) => !name.startsWith('.') && !isCanonical(name),
      );
      expect(leftCopies).toHaveLength(1);
      for (const name of leftCopies) {
        const decoded = await decodeTeamFile(await readFile(join(leaverDir, name)), leaver.sim.id);
        // The leaver's newest changes were in a segment or, after a compaction, in a snapshot.
        if (!decoded.ok || (decoded.file.type !== 'log' && decoded.file.type !== 'snapshot')) {
          throw new Error(`unreadable copy ${name}`);
        }
        expect(decoded.file.changes.length).toBeGreaterThan(0);
        for (const member of members) {
          expect(lostEdits(decoded.file.changes, member.sim.records), member.sim.id).toEqual([]);
        }
      }
      // The test means something only if kills landed mid-write and conflicts were made.
      expect(kills).toBe(ROUNDS);
      expect(killedMidWrite).toBeGreaterThan(ROUNDS / 3);
      expect(conflicts).toBeGreaterThan(0);
      expect(allEdits.length).toBeGreaterThan(MEMBERS * ROUNDS);
    },
  );
});

/** The names this app writes; anything else in a member folder is a copy or a stranger. */
function isCanonical(name: string): boolean {
  return /^(?:member|(?:log|snapshot)-\d{6})\.json$/.test(name);
}

/** `entries` and every module they import by relative path, from the repository root. */
async function importClosure(entries: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  const visit = async (source: string): Promise<void> => {
    if (found.has(source)) return;
    found.add(source);
    const code = await readFile(join(ROOT, source), 'utf8');
    for (const [, target] of code.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      await visit(relative(ROOT, join(ROOT, dirname(source), `${target ?? ''}.ts`)));
    }
  };
  for (const entry of entries) await visit(entry);
  return [...found];
}

/**
 * A sync tool's conflict on the member's file holding their newest changes: the canonical name
 * gets back the version without the changes stamped from `from` on, the newer one is kept as a
 * copy. Only the copy then holds those changes.
 */
async function hideInConflictCopy(dir: string, member: MemberId, from: string): Promise<void> {
  let newest = { name: '', at: '' };
  for (const name of await readdir(dir)) {
    if (!isCanonical(name) || name === MEMBER_FILE) continue;
    const json = JSON.parse(await readFile(join(dir, name), 'utf8')) as { changes: Change[] };
    for (const change of json.changes) if (change.at > newest.at) newest = { name, at: change.at };
  }
  const decoded = await decodeTeamFile(await readFile(join(dir, newest.name)), member);
  if (!decoded.ok || (decoded.file.type !== 'log' && decoded.file.type !== 'snapshot')) {
    throw new Error(`cannot read ${newest.name}`);
  }
  const older = decoded.file.changes.filter((change) => change.at < from);
  expect(older.length).toBeLessThan(decoded.file.changes.length);
  const copy = newest.name.replace(/\.json$/, '.sync-conflict-20261206-130000-HIDDEN1.json');
  await rename(join(dir, newest.name), join(dir, copy));
  const bytes =
    decoded.file.type === 'log'
      ? await encodeLogFile(member, decoded.file.segment, older)
      : await encodeSnapshotFile(member, older);
  await writeFile(join(dir, newest.name), bytes);
}

/** Each member's segments as they were after the previous round (the "older versions"). */
const snapshotsOfLogs = new Map<string, Map<string, Buffer>>();

async function rememberLogs(root: string, members: readonly Member[]): Promise<void> {
  for (const member of members) {
    const dir = join(root, memberFolderPath(member.sim.id));
    const kept = new Map<string, Buffer>();
    for (const name of await readdir(dir)) {
      if (/^log-\d{6}\.json$/.test(name)) kept.set(name, await readFile(join(dir, name)));
    }
    snapshotsOfLogs.set(member.sim.id, kept);
  }
}

/** The latest stamp the member's canonical files hold (what a restarted app would find). */
async function lastPublishedStamp(root: string, member: Member): Promise<string> {
  const dir = join(root, memberFolderPath(member.sim.id));
  let latest = '';
  for (const name of await readdir(dir)) {
    if (!isCanonical(name) || name === MEMBER_FILE) continue;
    const json = JSON.parse(await readFile(join(dir, name), 'utf8')) as { changes: Change[] };
    for (const change of json.changes) if (change.at > latest) latest = change.at;
  }
  return latest;
}
