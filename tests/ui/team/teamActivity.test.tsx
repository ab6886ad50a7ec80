import { describe, expect, it } from 'vitest';
import { HybridClock, type MemberId } from '../../../renderer/src/core/team/hlc';
import { HISTORY_LIMIT, RecordSet, type Change } from '../../../renderer/src/core/team/records';
import { teamActivity } from '../../../renderer/src/ui/team/teamActivity';

const ALICE = 'aaaaaaaaaaaaaaaa' as MemberId;
const BOB = 'bbbbbbbbbbbbbbbb' as MemberId;

/** A clock for `member` whose wall time is whatever `time.now` says. */
function clockOf(member: MemberId, time: { now: number }): HybridClock {
  return new HybridClock(member, () => time.now);
}

describe('team activity', () => {
  it('lists who did what, newest first, with each record’s current title', () => {
    const time = { now: 1_000_000 };
    const alice = clockOf(ALICE, time);
    const bob = clockOf(BOB, time);
    const records = new RecordSet();
    const change = (clock: HybridClock, c: Omit<Change, 'at'>) => {
      time.now += 1000;
      records.apply([{ ...c, at: clock.tick() }]);
    };
    change(alice, { kind: 'plan', id: 'p1', set: { title: 'Permits' } });
    change(alice, { kind: 'plan', id: 'p1', set: { shared: true, sharedBy: ALICE } });
    change(bob, { kind: 'task', id: 't1', set: { planId: 'p1', title: 'Draft' } });
    change(bob, { kind: 'task', id: 't1', set: { title: 'Draft the bylaw' } });
    change(alice, { kind: 'task', id: 't1', set: { $deleted: true } });
    change(alice, { kind: 'member', id: BOB, set: { removedAt: alice.latest() } });

    const lines = teamActivity(records.all(), () => true).map((entry) => [
      entry.member,
      entry.action,
      entry.kind,
      entry.title,
    ]);
    expect(lines).toEqual([
      [ALICE, 'deleted', 'task', 'Draft the bylaw'],
      [BOB, 'changed', 'task', 'Draft the bylaw'],
      [BOB, 'created', 'task', 'Draft the bylaw'],
      [ALICE, 'shared', 'plan', 'Permits'],
      [ALICE, 'created', 'plan', 'Permits'],
    ]);
  });

  it('keeps the latest entries only, and leaves out records out of scope', () => {
    const time = { now: 5_000_000 };
    const alice = clockOf(ALICE, time);
    const records = new RecordSet();
    for (let index = 0; index < 300; index += 1) {
      time.now += 10;
      const id = `t${index % 30}`;
      records.apply([{ kind: 'task', id, set: { title: `Task ${index}` }, at: alice.tick() }]);
    }
    records.apply([{ kind: 'task', id: 'hidden', set: { title: 'Local' }, at: alice.tick() }]);

    const entries = teamActivity(records.all(), (record) => record.id !== 'hidden', 50);
    expect(entries).toHaveLength(50);
    const stamps = entries.map((entry) => entry.at);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    // The newest 50 of the 300 changes: the changes numbered 250 to 299.
    expect(entries[0]?.title).toBe('Task 299');
    expect(entries.some((entry) => entry.id === 'hidden')).toBe(false);
    // Each record was made by its first change, which is older than the 50 kept.
    expect(entries.every((entry) => entry.action === 'changed')).toBe(true);
  });

  it('tells a record made from one brought back after a deletion', () => {
    const time = { now: 2_000_000 };
    const alice = clockOf(ALICE, time);
    const records = new RecordSet();
    const sets: Change['set'][] = [
      { $deleted: false, title: 'Draft' },
      { $deleted: true },
      { $deleted: false, title: 'Draft' },
    ];
    for (const set of sets) {
      time.now += 10;
      records.apply([{ kind: 'task', id: 't', set, at: alice.tick() }]);
    }
    const actions = teamActivity(records.all(), () => true).map((entry) => entry.action);
    expect(actions).toEqual(['restored', 'deleted', 'created']);
  });

  it('does not call a change "created" when the history was cut to its limit', () => {
    const time = { now: 9_000_000 };
    const alice = clockOf(ALICE, time);
    const records = new RecordSet();
    for (let index = 0; index < HISTORY_LIMIT + 5; index += 1) {
      time.now += 10;
      records.apply([{ kind: 'task', id: 't', set: { title: `v${index}` }, at: alice.tick() }]);
    }
    const entries = teamActivity(records.all(), () => true);
    expect(entries).toHaveLength(HISTORY_LIMIT);
    expect(entries.every((entry) => entry.action === 'changed')).toBe(true);
  });
});
