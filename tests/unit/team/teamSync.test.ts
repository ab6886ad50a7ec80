/**
 * TeamSync through the real desktop folder code on temporary folders: the ordinary exchange,
 * incremental reads, segments and snapshots, and every mess a sync tool or a person makes
 * (issue 16): half-written files, late and out-of-order arrival, conflict copies, member folders
 * deleted or emptied, hand edits, older and newer app versions, a folder that disappears.
 */
import {
  copyFile,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../renderer/src/core/common/canonicalJson';
import { formatHlc } from '../../../renderer/src/core/team/hlc';
import {
  encodeLogFile,
  encodeMemberFile,
  memberFolderPath,
  segmentFileName,
} from '../../../renderer/src/core/team/logFiles';
import { sha256Hex } from '../../../renderer/src/core/packs/sha256';
import { RecordSet } from '../../../renderer/src/core/team/records';
import { makeTempDir } from '../electron/tempDir';
import {
  desiredOf,
  edit,
  fieldsOf,
  memberId,
  simMember,
  syncRound,
  type SimMember,
} from './teamMembers';

async function team(
  names: readonly string[],
  options: Parameters<typeof simMember>[2] = {},
): Promise<{ root: string; members: SimMember[] }> {
  const root = await makeTempDir('onmuni-team-');
  const members = names.map((name) => simMember(root, name, options));
  for (const member of members) await member.sync.join();
  return { root, members };
}

function dirOf(root: string, member: SimMember): string {
  return join(root, memberFolderPath(member.id));
}

async function filesOf(root: string, member: SimMember): Promise<string[]> {
  return (await readdir(dirOf(root, member))).sort();
}

describe('TeamSync', () => {
  it('exchanges changes between members and reports members, progress and nothing twice', async () => {
    const { root, members } = await team(['alice', 'bob']);
    const [alice, bob] = members as [SimMember, SimMember];
    edit(alice, [{ kind: 'task', id: 't1', set: { title: 'Inventory', status: 'todo' } }]);
    await syncRound(alice);
    const progress: [number, number][] = [];
    const report = await bob.sync.read((done, total) => progress.push([done, total]));
    bob.records.apply(report.changes);
    expect(fieldsOf(bob.records)).toEqual(fieldsOf(alice.records));
    expect(report.warnings).toEqual([]);
    expect(report.members).toEqual([
      { memberId: alice.id, displayName: 'alice', appVersion: '1.0.0', fileCount: 2 },
      { memberId: bob.id, displayName: 'bob', appVersion: '1.0.0', fileCount: 1 },
    ]);
    expect(progress.at(0)).toEqual([0, 3]);
    expect(progress.at(-1)).toEqual([3, 3]);
    // Unchanged files are not read again.
    const again = await bob.sync.read();
    expect(again.changes).toEqual([]);
    expect(await readFile(join(root, 'onmuni-team.json'), 'utf8')).toContain('onmuni-team-folder');
  });

  it('lets timers run while it reads many files (a page stays responsive)', async () => {
    const { root, members } = await team(['alice', 'bob'], {
      segmentLimit: 1,
      compactAfterSegments: 99,
    });
    const [alice] = members as [SimMember, SimMember];
    for (let i = 0; i < 12; i += 1) edit(alice, [{ kind: 'task', id: `t${i}`, set: { n: i } }]);
    await alice.sync.publish(desiredOf(alice));
    const reader = simMember(root, 'carol', { filesPerYield: 4 });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const progress: number[] = [];
    const report = await reader.sync.read((done) => progress.push(done));
    clearInterval(timer);
    expect(report.changes).toHaveLength(12);
    // Alice's member file and 12 segments, Bob's member file: 14 files, each reported.
    expect(progress).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(ticks).toBeGreaterThanOrEqual(3);
  });

  it('publishes only what the folder lacks, and nothing when it holds everything', async () => {
    const { members } = await team(['alice']);
    const [alice] = members as [SimMember];
    edit(alice, [{ kind: 'plan', id: 'p1', set: { title: 'Plan', shared: true } }]);
    expect(await alice.sync.publish(desiredOf(alice))).toEqual({ written: 1 });
    expect(await alice.sync.publish(desiredOf(alice))).toEqual({ written: 0 });
    edit(alice, [{ kind: 'plan', id: 'p1', set: { title: 'Plan B' } }]);
    expect(await alice.sync.publish(desiredOf(alice))).toEqual({ written: 1 });
  });

  it('rolls segments and compacts them into a snapshot that a newcomer reads whole', async () => {
    const { root, members } = await team(['alice'], { segmentLimit: 3, compactAfterSegments: 3 });
    const [alice] = members as [SimMember];
    for (let round = 0; round < 5; round += 1) {
      for (let i = 0; i < 2; i += 1) {
        edit(alice, [
          { kind: 'task', id: `t${i}`, set: { title: `round ${round}`, [`f${round}`]: i } },
        ]);
      }
      await syncRound(alice);
    }
    const files = await filesOf(root, alice);
    expect(files.filter((name) => name.startsWith('snapshot-'))).toHaveLength(1);
    expect(files.filter((name) => name.startsWith('log-')).length).toBeLessThan(3);
    const newcomer = simMember(root, 'carol');
    const report = await newcomer.sync.read();
    newcomer.records.apply(report.changes);
    expect(fieldsOf(newcomer.records)).toEqual(fieldsOf(alice.records));
  });

  it('reads a half-written file again once it is whole', async () => {
    const { root, members } = await team(['alice', 'bob']);
    const [alice, bob] = members as [SimMember, SimMember];
    const changes = edit(alice, [{ kind: 'task', id: 't1', set: { title: 'Whole' } }]);
    const bytes = await encodeLogFile(alice.id, 1, changes);
    const path = join(dirOf(root, alice), segmentFileName(1));
    // A sync tool that writes in place: first half the file, then all of it.
    await writeFile(path, bytes.slice(0, Math.floor(bytes.length / 2)));
    const half = await bob.sync.read();
    expect(half.changes).toEqual([]);
    expect(half.warnings).toEqual([
      { code: 'notJson', path: `members/${alice.id}/log-000001.json`, memberId: alice.id },
    ]);
    await writeFile(path, bytes);
    const whole = await bob.sync.read();
    expect(whole.changes).toEqual(changes);
    expect(whole.warnings).toEqual([]);
  });

  it('tries again a file that failed, even when it keeps its size and time', async () => {
    const { root, members } = await team(['alice', 'bob']);
    const [alice, bob] = members as [SimMember, SimMember];
    const changes = edit(alice, [{ kind: 'task', id: 't1', set: { title: 'Whole' } }]);
    const bytes = await encodeLogFile(alice.id, 1, changes);
    const path = join(dirOf(root, alice), segmentFileName(1));
    // A tool that allocates the whole file first, then fills it in, keeping the source's time.
    const time = new Date('2026-12-06T12:00:00Z');
    await writeFile(path, new Uint8Array(bytes.length));
    await utimes(path, time, time);
    expect((await bob.sync.read()).warnings.map((w) => w.code)).toEqual(['notJson']);
    await writeFile(path, bytes);
    await utimes(path, time, time);
    expect((await bob.sync.read()).changes).toEqual(changes);
  });

  it('converges whatever order files arrive in, and on a file that arrives late', async () => {
    const { root, members } = await team(['alice'], { segmentLimit: 1, compactAfterSegments: 99 });
    const [alice] = members as [SimMember];
    for (let i = 0; i < 4; i += 1) {
      edit(alice, [{ kind: 'task', id: 't1', set: { title: `v${i}` } }]);
      edit(alice, [{ kind: 'task', id: `t${i + 2}`, set: { title: `new ${i}` } }]);
      await syncRound(alice);
    }
    // Bob's copy of the folder receives the segments out of order, the second one last.
    const bobRoot = await makeTempDir('onmuni-team-bob-');
    const late = simMember(bobRoot, 'bob');
    const from = dirOf(root, alice);
    const to = join(bobRoot, memberFolderPath(alice.id));
    await mkdir(to, { recursive: true });
    const names = (await readdir(from)).filter((name) => name.startsWith('log-')).reverse();
    const lateName = names.splice(1, 1)[0] ?? '';
    for (const name of names) {
      await copyFile(join(from, name), join(to, name));
      late.records.apply((await late.sync.read()).changes);
    }
    expect(fieldsOf(late.records)).not.toEqual(fieldsOf(alice.records));
    await copyFile(join(from, lateName), join(to, lateName));
    late.records.apply((await late.sync.read()).changes);
    expect(fieldsOf(late.records)).toEqual(fieldsOf(alice.records));
  });

  describe('conflict copies', () => {
    const copyNames = [
      'log-000001 (conflicted copy).json',
      "log-000001 (Sam's conflicted copy 2026-12-06).json",
      'log-000001.sync-conflict-20261206-120000-ABCDEFG.json',
      'log-000001-PC2.json',
      'log-000001-DESKTOP-ABC.json',
    ];

    it.each(copyNames)(
      "reads %s in another member's folder and never touches it",
      async (copyName) => {
        const { root, members } = await team(['alice', 'bob']);
        const [alice, bob] = members as [SimMember, SimMember];
        const kept = edit(alice, [{ kind: 'task', id: 't1', set: { title: 'Kept' } }]);
        const other = edit(alice, [{ kind: 'task', id: 't2', set: { title: 'Only in the copy' } }]);
        // Two versions of Alice's segment, as a sync tool keeps them after a conflict.
        await writeFile(
          join(dirOf(root, alice), 'log-000001.json'),
          await encodeLogFile(alice.id, 1, kept),
        );
        await writeFile(
          join(dirOf(root, alice), copyName),
          await encodeLogFile(alice.id, 1, other),
        );
        const report = await syncRound(bob);
        expect(report.warnings).toEqual([]);
        expect(bob.records.get('task', 't2')?.fields.title?.value).toBe('Only in the copy');
        expect(bob.records.get('task', 't1')?.fields.title?.value).toBe('Kept');
        expect(await filesOf(root, alice)).toContain(copyName);
      },
    );

    it.each(copyNames)(
      'merges %s in my own folder, publishes it again, then removes it',
      async (copyName) => {
        const { root, members } = await team(['alice', 'bob']);
        const [alice, bob] = members as [SimMember, SimMember];
        edit(alice, [{ kind: 'task', id: 't1', set: { title: 'Mine' } }]);
        await syncRound(alice);
        // A change only the copy holds (made on this machine before a restore, say).
        const lost = edit(simMember(root, 'alice'), [
          { kind: 'task', id: 't9', set: { title: 'In the copy' } },
        ]);
        await writeFile(join(dirOf(root, alice), copyName), await encodeLogFile(alice.id, 1, lost));
        await syncRound(alice);
        expect(alice.records.get('task', 't9')?.fields.title?.value).toBe('In the copy');
        expect(await filesOf(root, alice)).toEqual(['log-000001.json', 'member.json']);
        await syncRound(bob);
        expect(fieldsOf(bob.records)).toEqual(fieldsOf(alice.records));
      },
    );
  });

  it("keeps everyone's local data when a member folder is deleted, and mine heals", async () => {
    const { root, members } = await team(['alice', 'bob']);
    const [alice, bob] = members as [SimMember, SimMember];
    edit(alice, [{ kind: 'plan', id: 'p1', set: { title: 'Shared', shared: true } }]);
    edit(bob, [{ kind: 'task', id: 't1', set: { title: 'Bob' } }]);
    await syncRound(alice);
    await syncRound(bob);
    await syncRound(alice);
    const before = fieldsOf(alice.records);
    expect(fieldsOf(bob.records)).toEqual(before);
    // Someone deletes Alice's folder, and empties Bob's.
    await rm(dirOf(root, alice), { recursive: true });
    for (const name of await readdir(dirOf(root, bob))) await rm(join(dirOf(root, bob), name));
    const report = await bob.sync.read();
    bob.records.apply(report.changes);
    expect(fieldsOf(bob.records)).toEqual(before);
    // Each heals their own folder on the next publish; a newcomer gets everything.
    await alice.sync.publish(desiredOf(alice));
    await bob.sync.publish(desiredOf(bob));
    expect(await filesOf(root, alice)).toEqual(['log-000001.json', 'member.json']);
    const carol = simMember(root, 'carol');
    carol.records.apply((await carol.sync.read()).changes);
    expect(fieldsOf(carol.records)).toEqual(before);
  });

  it('skips a file edited by hand (checksum) and keeps the valid changes of a re-checksummed one', async () => {
    const { root, members } = await team(['alice', 'bob']);
    const [alice, bob] = members as [SimMember, SimMember];
    edit(alice, [{ kind: 'task', id: 't1', set: { title: 'Before' } }]);
    edit(alice, [{ kind: 'task', id: 't2', set: { title: 'Fine' } }]);
    await syncRound(alice);
    const path = join(dirOf(root, alice), 'log-000001.json');
    const original = await readFile(path, 'utf8');
    await writeFile(path, original.replace('Before', 'After!'));
    const edited = await bob.sync.read();
    expect(edited.changes).toEqual([]);
    expect(edited.warnings.map((w) => w.code)).toEqual(['badChecksum']);

    // A hand edit that fixes the checksum but breaks a change: that change alone is dropped.
    const json = JSON.parse(original) as Record<string, unknown> & {
      changes: Record<string, unknown>[];
    };
    json.changes[0] = { ...json.changes[0], kind: 'spaceship' };
    json.changes.push({
      kind: 'task',
      id: 't3',
      at: formatHlc(Date.now(), 0, bob.id),
      set: { title: 'Posing as Bob' },
    });
    const payload: Record<string, unknown> = { ...json };
    delete payload.checksum;
    const checksum = await sha256Hex(new TextEncoder().encode(canonicalJson(payload)));
    await writeFile(path, JSON.stringify({ ...payload, checksum }));
    const fixed = await bob.sync.read();
    expect(fixed.changes.map((change) => change.id)).toEqual(['t2']);
    expect(fixed.warnings.map((w) => w.code).sort()).toEqual(['badChange', 'foreignChange']);
    // The warnings stay while the file stays as it is.
    expect((await bob.sync.read()).warnings).toEqual(fixed.warnings);
  });

  it('reads a member on an older app version, and refuses a newer format with its own reason', async () => {
    const { root, members } = await team(['alice', 'bob']);
    const [alice, bob] = members as [SimMember, SimMember];
    const old = simMember(root, 'olivia', { appVersion: '0.9.0' });
    await old.sync.join();
    // An older app knows fewer fields; what it writes merges all the same.
    edit(old, [{ kind: 'task', id: 't1', set: { title: 'From the old app' } }]);
    await syncRound(old);
    const newer = {
      format: 'onmuni-team-log',
      version: 2,
      memberId: alice.id,
      segment: 1,
      somethingNew: [],
    };
    await writeFile(join(dirOf(root, alice), 'log-000001.json'), JSON.stringify(newer));
    const report = await syncRound(bob);
    expect(bob.records.get('task', 't1')?.fields.title?.value).toBe('From the old app');
    expect(report.members.find((m) => m.memberId === old.id)?.appVersion).toBe('0.9.0');
    expect(report.warnings).toEqual([
      { code: 'newerVersion', path: `members/${alice.id}/log-000001.json`, memberId: alice.id },
    ]);
  });

  it('warns of files too large, foreign member files and stamps from far in the future', async () => {
    const { root, members } = await team(['alice', 'bob'], { maxFileBytes: 4096 });
    const [alice, bob] = members as [SimMember, SimMember];
    await writeFile(join(dirOf(root, alice), 'log-000005.json'), 'x'.repeat(5000));
    await writeFile(
      join(dirOf(root, alice), 'member (1).json'),
      await encodeMemberFile(bob.id, 'bob', '1'),
    );
    const future = formatHlc(Date.now() + 3 * 365 * 86_400_000, 0, alice.id);
    const now = formatHlc(Date.now(), 0, alice.id);
    await writeFile(
      join(dirOf(root, alice), 'log-000001.json'),
      await encodeLogFile(alice.id, 1, [
        { kind: 'task', id: 't1', at: future, set: { title: '2029' } },
        { kind: 'task', id: 't2', at: now, set: { title: 'Today' } },
      ]),
    );
    const report = await bob.sync.read();
    expect(report.changes.map((c) => c.id)).toEqual(['t2']);
    expect(report.warnings.map((w) => `${w.code} ${w.path.split('/').pop()}`).sort()).toEqual([
      'clockTooFarAhead log-000001.json',
      'foreignChange member (1).json',
      'tooLarge log-000005.json',
    ]);
  });

  it('says the folder is unavailable when it disappears, loses nothing, and resumes', async () => {
    const { root, members } = await team(['alice', 'bob']);
    const [alice, bob] = members as [SimMember, SimMember];
    edit(alice, [{ kind: 'task', id: 't1', set: { title: 'Before' } }]);
    await syncRound(alice);
    await syncRound(bob);
    const before = fieldsOf(bob.records);
    // The network drive goes offline (the mount point disappears).
    const away = `${root}-away`;
    await rename(root, away);
    edit(bob, [{ kind: 'task', id: 't1', set: { title: 'While offline' } }]);
    const report = await bob.sync.read();
    expect(report.warnings).toEqual([{ code: 'folderUnavailable', path: '' }]);
    expect(report.changes).toEqual([]);
    expect(await bob.sync.publish(desiredOf(bob))).toEqual({ written: 0, folderUnavailable: true });
    expect(fieldsOf(bob.records)).not.toEqual(before);
    await rename(away, root);
    await syncRound(bob);
    await syncRound(alice);
    expect(alice.records.get('task', 't1')?.fields.title?.value).toBe('While offline');
  });

  it('tells who was removed from the member records, and a removal undone takes them back', async () => {
    const { removedMembers } = await import('../../../renderer/src/core/team/removedMembers');
    const sam = memberId('sam');
    const records = new RecordSet();
    const removal = formatHlc(2000, 0, memberId('alice'));
    records.apply([
      { kind: 'member', id: sam, at: removal, set: { removedAt: removal } },
      { kind: 'task', id: 't1', at: formatHlc(3000, 0, sam), set: { title: 'b' } },
    ]);
    expect(removedMembers(records.all())).toEqual(new Map([[sam, removal]]));
    const undo = formatHlc(4000, 0, memberId('bob'));
    records.apply([{ kind: 'member', id: sam, at: undo, set: { removedAt: null } }]);
    expect(removedMembers(records.all()).size).toBe(0);
  });
});
