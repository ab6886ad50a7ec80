import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HybridClock, type MemberId } from '../../../renderer/src/core/team/hlc';
import { RecordSet, type Change, type FieldValue } from '../../../renderer/src/core/team/records';
import {
  encodeLog,
  encodeSnapshot,
  parseLog,
  parseSnapshot,
} from '../../../renderer/src/core/store/recordLogFormat';

const MEMBERS = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'] as MemberId[];

/** Edits by three members with their own clocks: few ids and fields, so edits overlap. */
const edits = fc.array(
  fc.record({
    member: fc.integer({ min: 0, max: 2 }),
    id: fc.constantFrom('t1', 't2', 't3'),
    set: fc.dictionary(
      fc.constantFrom('title', 'owner', 'status', '$deleted'),
      fc.oneof(fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(null), fc.array(fc.nat(9))),
      { minKeys: 1, maxKeys: 3 },
    ),
  }),
  { maxLength: 60 },
);

function recordsFrom(list: { member: number; id: string; set: Record<string, FieldValue> }[]) {
  let wall = 1_800_000_000_000;
  const clocks = MEMBERS.map((member) => new HybridClock(member, () => (wall += 1)));
  const changes: Change[] = list.map(({ member, id, set }) => ({
    kind: 'task',
    id,
    set,
    at: (clocks[member] as HybridClock).tick(),
  }));
  const records = new RecordSet();
  records.apply(changes);
  return { records, changes, clock: (clocks[0] as HybridClock).latest() };
}

describe('record-log documents', () => {
  it('a snapshot reads back exactly the records written, histories included', () => {
    fc.assert(
      fc.property(edits, (list) => {
        const { records, clock } = recordsFrom(list);
        const stored = JSON.parse(
          JSON.stringify(encodeSnapshot({ covers: 7, clock, records: [...records.all()] })),
        ) as unknown;
        const parsed = parseSnapshot(stored);
        expect(parsed.issues).toEqual([]);
        expect(parsed.data.covers).toBe(7);
        expect(parsed.data.records).toEqual([...records.all()]);
      }),
    );
  });

  it('a log reads back its changes', () => {
    fc.assert(
      fc.property(edits, (list) => {
        const { changes } = recordsFrom(list);
        const stored = JSON.parse(JSON.stringify(encodeLog({ seq: 3, changes }))) as unknown;
        expect(parseLog(stored)).toEqual({ data: { seq: 3, changes }, issues: [] });
      }),
    );
  });

  it('a log keeps the snapshot it was written on, and one written without reads as before', () => {
    const { changes } = recordsFrom([{ member: 0, id: 't1', set: { title: 'a' } }]);
    const stored = JSON.parse(JSON.stringify(encodeLog({ seq: 9, base: 8, changes }))) as {
      base?: unknown;
    };
    expect(parseLog(stored)).toEqual({ data: { seq: 9, base: 8, changes }, issues: [] });
    delete stored.base;
    expect(parseLog(stored).data).toEqual({ seq: 9, changes });
  });

  it('drops a record it cannot read and keeps the rest', () => {
    const { records, clock } = recordsFrom([
      { member: 0, id: 't1', set: { title: 'a' } },
      { member: 1, id: 't2', set: { title: 'b' } },
    ]);
    const stored = JSON.parse(
      JSON.stringify(encodeSnapshot({ covers: 0, clock, records: [...records.all()] })),
    ) as { records: unknown[] };
    stored.records[0] = ['task', 't1', [[99, 0, 'x']], []];
    const parsed = parseSnapshot(stored);
    expect(parsed.data.records.map((record) => record.id)).toEqual(['t2']);
    expect(parsed.issues.map((line) => line.path)).toEqual(['records.0']);
  });

  it('drops a record whose field list names __proto__ (a hand edit), never setting a prototype', () => {
    const stamp = new HybridClock(MEMBERS[0] as MemberId, () => 1_800_000_000_000).tick();
    const stored = JSON.parse(
      `{"format":"onmuni-records","version":1,"covers":0,"clock":null,"stamps":["${stamp}"],` +
        `"shapes":[["__proto__"]],"records":[["task","t1",[[0,0,{"polluted":true}]],[]]]}`,
    ) as unknown;
    const parsed = parseSnapshot(stored);
    expect(parsed.data.records).toEqual([]);
    expect(parsed.issues.map((line) => line.path)).toEqual(['records.0']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a snapshot from a newer version as a whole, saying so', () => {
    const parsed = parseSnapshot({ format: 'onmuni-records', version: 2, records: [] });
    expect(parsed.data.records).toEqual([]);
    expect(parsed.issues[0]?.ref.key).toBe('problems:version.newer.madeBy');
  });

  it('writes a record’s history without repeating the values its fields still hold', () => {
    const records = new RecordSet();
    const clock = new HybridClock(MEMBERS[0] as MemberId, () => 1_800_000_000_000);
    const set = { title: 'Review the permit workflow', status: 'done', notes: 'x'.repeat(100) };
    records.apply([
      { kind: 'task', id: 'task-1', set: { ...set, owner: 'Clerk' }, at: clock.tick() },
    ]);
    records.apply([{ kind: 'task', id: 'task-1', set: { owner: 'CAO' }, at: clock.tick() }]);
    const encoded = encodeSnapshot({
      covers: 0,
      clock: clock.latest(),
      records: [...records.all()],
    });
    // The record as stored: its values once, the overwritten owner once more, stamps and
    // field lists by index.
    expect(encoded).toMatchObject({
      stamps: [clock.latest(), expect.stringMatching(/-0000-/)],
      shapes: [['owner'], ['title', 'status', 'notes']],
      records: [
        [
          'task',
          'task-1',
          [
            [1, 1, set.title, set.status, set.notes],
            [0, 0, 'CAO'],
          ],
          [0, [0, 1, 0, 'Clerk']],
        ],
      ],
    });
  });
});
