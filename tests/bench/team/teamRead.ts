/**
 * Reading a team folder of 15 members holding 10,000 records in total (issue 16), in Node with
 * the desktop's folder code (NodeFolderAccess on a temporary folder) and the real TeamSync: each
 * member publishes the records of its share of the plans under its own clock, then a sixteenth
 * member, freshly started (nothing cached), reads the whole folder and merges what it read into
 * its planner (folded into records, materialized, stored in its local log).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NodeFolderAccess } from '../../../electron/main/teamFolder/nodeFolderAccess';
import { createPlannerStore } from '../../../renderer/src/core/planner/plannerStore';
import { HybridClock, type MemberId } from '../../../renderer/src/core/team/hlc';
import { materializePlanner, plannerWrites } from '../../../renderer/src/core/team/plannerRecords';
import { RecordSet, stampWrites, type Write } from '../../../renderer/src/core/team/records';
import { TeamSync } from '../../../renderer/src/core/team/teamSync';
import { generatePlanner } from '../planner/generate';
import { openDesktopStorage } from './desktop';
import { TEAM_READ, type TeamReadRun } from './result';

const memberId = (index: number) => `member${String(index).padStart(10, '0')}` as MemberId;

/** Which member wrote a record: plans are dealt out in turn, with their phases and tasks. */
function authorOf(write: Write, members: number): number {
  const plan = write.kind === 'plan' ? write.id : write.set.planId;
  const number = typeof plan === 'string' ? Number(/\d+/.exec(plan)?.[0] ?? 0) : 0;
  return number % members;
}

export async function runTeamRead(): Promise<TeamReadRun> {
  // 100 tasks and 8 phases a plan: 9,170 tasks, 92 plans, 736 phases and the profile are 9,999.
  const db = generatePlanner(9_170);
  const writes = plannerWrites(materializePlanner(new RecordSet()).db, db);
  const root = await mkdtemp(path.join(tmpdir(), 'onmuni-team-folder-'));
  const local = await openDesktopStorage();
  try {
    let wall = Date.now();
    for (let m = 0; m < TEAM_READ.members; m++) {
      const mine = writes.filter((write) => authorOf(write, TEAM_READ.members) === m);
      const clock = new HybridClock(memberId(m), () => (wall += 1));
      const sync = new TeamSync({
        folder: new NodeFolderAccess(root),
        me: memberId(m),
        displayName: `Member ${m + 1}`,
        appVersion: 'bench',
      });
      await sync.join();
      await sync.publish(stampWrites(mine, clock));
    }
    const reader = new TeamSync({
      folder: new NodeFolderAccess(root),
      me: memberId(99),
      displayName: 'Reader',
      appVersion: 'bench',
    });
    const readStart = performance.now();
    const report = await reader.read();
    const readMs = performance.now() - readStart;

    const store = createPlannerStore(local.storage, undefined, memberId(99));
    await store.load();
    const mergeStart = performance.now();
    const merged = store.mergeRemote(report.changes);
    await merged.saved;
    const mergeMs = performance.now() - mergeStart;
    const warnings = new Map<string, number>();
    for (const { code } of report.warnings) warnings.set(code, (warnings.get(code) ?? 0) + 1);
    return {
      members: report.members.filter((member) => member.memberId !== memberId(99)).length,
      published: writes.length,
      records: store.records().size,
      warnings: [...warnings].map(([code, n]) => `${code} × ${n}`),
      changes: report.changes.length,
      files: report.members.reduce((sum, member) => sum + member.fileCount, 0),
      readMs,
      mergeMs,
    };
  } finally {
    await local.close();
    await rm(root, { recursive: true, force: true });
  }
}
