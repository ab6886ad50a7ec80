/**
 * Property tests for the team merge (issue 16): folding changes into records is commutative,
 * associative and idempotent, with tombstones, undeletes and clocks skewed by up to a day, so
 * members converge whatever order files reach them in; and reading a team folder's files in any
 * order (conflict copies and duplicates included) gives the same records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, compareStrings } from '../../../renderer/src/core/common/canonicalJson';
import { formatHlc, HybridClock, type MemberId } from '../../../renderer/src/core/team/hlc';
import { decodeTeamFile, encodeLogFile } from '../../../renderer/src/core/team/logFiles';
import {
  DELETED_FIELD,
  RecordSet,
  isDeleted,
  type Change,
  type FieldValue,
} from '../../../renderer/src/core/team/records';
import { memberId } from './teamMembers';

const MEMBERS = ['alice', 'bob', 'carol'].map(memberId);
const BASE = Date.UTC(2026, 11, 6, 12);
const DAY = 24 * 60 * 60 * 1000;

const valueArb: fc.Arbitrary<FieldValue> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.record({ done: fc.boolean(), note: fc.string({ maxLength: 3 }) }),
);

/** Stamps of any of three members, walls a day either side (clocks skewed), counters colliding. */
const stampArb = fc
  .tuple(
    fc.integer({ min: BASE - DAY, max: BASE + DAY }),
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom(...MEMBERS),
  )
  .map(([wall, counter, member]) => formatHlc(wall, counter, member));

const changeArb: fc.Arbitrary<Change> = fc.record({
  kind: fc.constantFrom('task' as const, 'phase' as const),
  id: fc.constantFrom('a', 'b', 'c'),
  at: stampArb,
  set: fc.dictionary(fc.constantFrom('title', 'status', 'owner', DELETED_FIELD), valueArb, {
    minKeys: 1,
    maxKeys: 3,
  }),
});
const changesArb = fc.array(changeArb, { maxLength: 30 });

/** A record set as canonical text: equal sets give equal text. */
function stateOf(records: RecordSet): string {
  const all = [...records.all()].sort((a, b) =>
    compareStrings(`${a.kind}/${a.id}`, `${b.kind}/${b.id}`),
  );
  return canonicalJson(all);
}

function folded(...batches: readonly (readonly Change[])[]): RecordSet {
  const records = new RecordSet();
  for (const batch of batches) records.apply(batch);
  return records;
}

function merged(...sets: readonly RecordSet[]): RecordSet {
  const records = new RecordSet();
  for (const set of sets) records.merge(set.all());
  return records;
}

describe('team records merge (property-based)', () => {
  it('is commutative: any order of changes gives the same records', () => {
    fc.assert(
      fc.property(
        changesArb.chain((changes) =>
          fc.tuple(
            fc.constant(changes),
            fc.shuffledSubarray(changes, { minLength: changes.length }),
          ),
        ),
        ([changes, shuffled]) => {
          expect(stateOf(folded(shuffled))).toBe(stateOf(folded(changes)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is associative: merging record sets groups any way', () => {
    fc.assert(
      fc.property(changesArb, changesArb, changesArb, (a, b, c) => {
        const [x, y, z] = [folded(a), folded(b), folded(c)];
        const left = merged(merged(x, y), z);
        const right = merged(x, merged(y, z));
        expect(stateOf(left)).toBe(stateOf(right));
        // And merging record sets is the same as folding all the changes.
        expect(stateOf(left)).toBe(stateOf(folded(a, b, c)));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: changes or records taken in twice change nothing', () => {
    fc.assert(
      fc.property(changesArb, changesArb, (a, b) => {
        const once = folded(a, b);
        const twice = folded(a, b, a, b);
        expect(stateOf(twice)).toBe(stateOf(once));
        expect(once.apply([...a, ...b]).size).toBe(0);
        expect(once.merge([...folded(a).all()]).size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the latest word on deletion: a tombstone and its undo travel like edits', () => {
    fc.assert(
      fc.property(changesArb, stampArb, stampArb, (changes, first, second) => {
        fc.pre(first !== second);
        const [earlier, later] = first < second ? [first, second] : [second, first];
        const tombstone: Change = {
          kind: 'task',
          id: 'a',
          at: earlier,
          set: { [DELETED_FIELD]: true },
        };
        const undo: Change = { kind: 'task', id: 'a', at: later, set: { [DELETED_FIELD]: false } };
        const others = changes.filter((change) => !(DELETED_FIELD in change.set));
        // Whatever order, and whatever else: undone. Without the undo: deleted.
        const undone = folded([undo], others, [tombstone]).get('task', 'a');
        expect(undone && isDeleted(undone)).toBe(false);
        const deleted = folded(others, [tombstone]).get('task', 'a');
        expect(deleted && isDeleted(deleted)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('orders an edit made after seeing another after it, however skewed the clocks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -DAY, max: DAY }),
        fc.integer({ min: -DAY, max: DAY }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
        (skewA, skewB, turns) => {
          const [alice, bob] = MEMBERS as [MemberId, MemberId];
          let time = BASE;
          const clocks = [
            new HybridClock(alice, () => time + skewA),
            new HybridClock(bob, () => time + skewB),
          ];
          const records = new RecordSet();
          let last = '';
          // Members take turns editing one field, each after reading the other's last edit.
          for (const turn of turns) {
            time += 1000;
            const clock = clocks[turn ? 0 : 1] as HybridClock;
            const other = clocks[turn ? 1 : 0] as HybridClock;
            clock.observe(other.latest());
            last = `${clock.member}@${time}`;
            records.apply([{ kind: 'task', id: 'a', at: clock.tick(), set: { title: last } }]);
          }
          expect(records.get('task', 'a')?.fields.title?.value).toBe(last);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('converges whatever order the files of a folder are read in, copies and repeats included', async () => {
    const perMember = fc.tuple(
      ...MEMBERS.map((member) =>
        fc.array(
          changeArb.map((change) => ({ ...change, at: `${change.at.slice(0, 19)}${member}` })),
          {
            maxLength: 12,
          },
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        perMember,
        fc.integer({ min: 1, max: 5 }),
        fc.nat(),
        async (lists, size, seed) => {
          // Each member's changes in segments of `size`, as files.
          const files: { member: MemberId; bytes: Uint8Array }[] = [];
          for (const [index, list] of lists.entries()) {
            const member = MEMBERS[index] as MemberId;
            for (let start = 0, n = 1; start < list.length; start += size, n += 1) {
              const bytes = await encodeLogFile(
                member,
                n,
                list.slice(start, start + size) as Change[],
              );
              files.push({ member, bytes });
            }
          }
          const expected = stateOf(folded(...(lists as Change[][])));
          // Read in a shuffled order, some files twice (a conflict copy of an unchanged file).
          const order =
            fc.sample(fc.shuffledSubarray(files, { minLength: files.length }), {
              seed,
              numRuns: 1,
            })[0] ?? [];
          const withCopies = [...order, ...order.filter((_, i) => i % 3 === 0)];
          const records = new RecordSet();
          for (const file of withCopies) {
            const decoded = await decodeTeamFile(file.bytes, file.member);
            if (!decoded.ok || decoded.file.type !== 'log') throw new Error('unreadable file');
            records.apply(decoded.file.changes);
          }
          expect(stateOf(records)).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
