/** Planning the writes into my member folder: segments, snapshots, what is removed and when. */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../renderer/src/core/team/hlc';
import {
  lackedChanges,
  planPublish,
  type OwnFolderState,
} from '../../../renderer/src/core/team/memberFolder';
import type { Change } from '../../../renderer/src/core/team/records';
import { memberId } from './teamMembers';

const ME = memberId('alice');
const change = (n: number, set: Change['set'] = { title: `t${n}` }): Change => ({
  kind: 'task',
  id: `t${n}`,
  at: formatHlc(1000 + n, 0, ME),
  set,
});
const limits = { segmentLimit: 3, compactAfterSegments: 3, maxFileChars: 100_000 };
const empty: OwnFolderState = {
  logs: [],
  snapshots: [],
  maxNumber: 0,
  copies: [],
  unreported: false,
};

describe('planPublish', () => {
  it('fills the last segment, then starts new ones', () => {
    const state: OwnFolderState = {
      ...empty,
      logs: [{ name: 'log-000001.json', number: 1, changes: [change(1), change(2)] }],
      maxNumber: 1,
    };
    const plan = planPublish(
      state,
      [1, 2, 3, 4, 5].map((n) => change(n)),
      limits,
    );
    expect(plan.missing).toBe(3);
    expect(plan.writes.map((w) => [w.name, w.changes.map((c) => c.id)])).toEqual([
      ['log-000001.json', ['t1', 't2', 't3']],
      ['log-000002.json', ['t4', 't5']],
    ]);
    expect(plan.removals).toEqual([]);
  });

  it('writes only the fields a change lacks', () => {
    const held = [{ name: 'log-000001.json', number: 1, changes: [change(1, { title: 'a' })] }];
    expect(lackedChanges([change(1, { title: 'a', status: 'done' })], held)).toEqual([
      change(1, { status: 'done' }),
    ]);
  });

  it('rolls to a new segment before one grows past the byte budget', () => {
    const big = (n: number) => change(n, { body: 'x'.repeat(400) });
    const plan = planPublish(empty, [big(1), big(2), big(3)], { ...limits, maxFileChars: 1000 });
    expect(plan.writes.map((w) => w.changes.length)).toEqual([2, 1]);
  });

  it('compacts into a snapshot instead of more segments, replacing those it covers', () => {
    const state: OwnFolderState = {
      ...empty,
      logs: [
        { name: 'log-000001.json', number: 1, changes: [change(1), change(2), change(3)] },
        { name: 'log-000002.json', number: 2, changes: [change(4), change(5), change(6)] },
      ],
      maxNumber: 2,
      copies: ['log-000002 (conflicted copy).json'],
    };
    const desired = [1, 2, 3, 4, 5, 6, 7].map((n) => change(n));
    const plan = planPublish(state, desired, limits);
    expect(plan.writes.map((w) => [w.name, w.changes.length])).toEqual([
      ['snapshot-000003.json', 7],
    ]);
    expect(plan.removals).toEqual([
      'log-000001.json',
      'log-000002.json',
      'log-000002 (conflicted copy).json',
    ]);
    // After a crash between the snapshot and the removals, the next plan removes them.
    const after: OwnFolderState = {
      ...state,
      copies: [],
      snapshots: [{ name: 'snapshot-000003.json', number: 3, changes: desired }],
      maxNumber: 3,
    };
    const next = planPublish(after, [...desired, change(8)], limits);
    expect(next.writes.map((w) => w.name)).toEqual(['log-000004.json']);
    expect(next.removals).toEqual(['log-000001.json', 'log-000002.json']);
  });

  it('removes nothing while the folder holds changes the caller has not seen', () => {
    const state: OwnFolderState = {
      ...empty,
      logs: [1, 2, 3].map((n) => ({ name: `log-00000${n}.json`, number: n, changes: [change(n)] })),
      maxNumber: 3,
      copies: ['log-000001-PC2.json'],
      unreported: true,
    };
    const plan = planPublish(
      state,
      [1, 2, 3, 4].map((n) => change(n)),
      limits,
    );
    expect(plan.writes.map((w) => w.name)).toEqual(['log-000003.json']);
    expect(plan.removals).toEqual([]);
  });
});
