/** My changes still in effect, grouped back by record and stamp: what my member folder holds. */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../renderer/src/core/team/hlc';
import { ownChanges } from '../../../renderer/src/core/team/ownChanges';
import { RecordSet, type Change } from '../../../renderer/src/core/team/records';
import { memberId } from './teamMembers';

const ME = memberId('alice');
const BOB = memberId('bob');

describe('ownChanges', () => {
  it('groups my registers by record and stamp, leaving out what others overwrote', () => {
    const records = new RecordSet();
    const first: Change = {
      kind: 'task',
      id: 't1',
      at: formatHlc(1000, 0, ME),
      set: { title: 'A', status: 'todo' },
    };
    const bobs: Change = {
      kind: 'task',
      id: 't1',
      at: formatHlc(2000, 0, BOB),
      set: { title: 'B' },
    };
    const second: Change = {
      kind: 'task',
      id: 't1',
      at: formatHlc(3000, 0, ME),
      set: { owner: 'me', $deleted: false },
    };
    const plan: Change = { kind: 'plan', id: 'p1', at: formatHlc(500, 0, ME), set: { title: 'P' } };
    records.apply([second, bobs, plan, first]);
    expect(ownChanges(records.all(), ME, () => true)).toEqual([
      plan,
      { ...first, set: { status: 'todo' } },
      { ...second, set: { $deleted: false, owner: 'me' } },
    ]);
    expect(ownChanges(records.all(), ME, (record) => record.kind === 'plan')).toEqual([plan]);
    expect(ownChanges(records.all(), BOB, () => true)).toEqual([bobs]);
  });

  it('is the same whatever order the records were built in', () => {
    const changes: Change[] = [0, 1, 2, 3].map((i) => ({
      kind: 'task',
      id: `t${i % 2}`,
      at: formatHlc(1000 + i, 0, ME),
      set: { [`f${i}`]: i, title: `v${i}` },
    }));
    const forward = new RecordSet();
    forward.apply(changes);
    const backward = new RecordSet();
    backward.apply([...changes].reverse());
    expect(JSON.stringify(ownChanges(backward.all(), ME, () => true))).toBe(
      JSON.stringify(ownChanges(forward.all(), ME, () => true)),
    );
  });
});
