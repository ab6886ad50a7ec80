/**
 * Core's routing of the shared record stores (teamRouting.ts), over record sets standing in for
 * the stores: the app's window and the Syncthing test's app instance both merge through it.
 */
import { describe, expect, it } from 'vitest';
import { formatHlc, type MemberId } from '../../../renderer/src/core/team/hlc';
import { RecordSet, type Change } from '../../../renderer/src/core/team/records';
import {
  MERGE_BATCH,
  teamRouting,
  type RecordStorePort,
  type ShareChoices,
} from '../../../renderer/src/core/team/teamRouting';
import { memberId } from './teamMembers';

const ME = memberId('me');
const SAM = memberId('sam');
const BOB = memberId('bob');

const CHOICES: ShareChoices = {
  shareAssessments: false,
  joinedAt: formatHlc(1, 0, ME),
  annotationsConfirmed: false,
};

/** A store that is only its records, and the batches merged into it. */
function store(): RecordStorePort & { readonly set: RecordSet; readonly merged: Change[][] } {
  const set = new RecordSet();
  const merged: Change[][] = [];
  return {
    set,
    merged,
    records: () => set,
    mergeRemote: (changes) => {
      merged.push([...changes]);
      return Promise.resolve(set.apply(changes).size > 0);
    },
  };
}

function stores() {
  const all = { planner: store(), annotations: store(), workshops: store(), ownDocuments: store() };
  return { ...all, routing: teamRouting(ME, all) };
}

const at = (wall: number, member: MemberId) => formatHlc(wall, 0, member);

describe('team routing', () => {
  it('merges a large read in batches, with the same result as all at once', async () => {
    const { planner, routing } = stores();
    const count = MERGE_BATCH * 2 + 7;
    const changes: Change[] = Array.from({ length: count }, (_, index) => ({
      kind: 'task',
      id: `t${index}`,
      at: at(100 + index, BOB),
      set: { title: `Task ${index}` },
    }));
    expect(await routing.mergeRemote(changes)).toBe(true);
    expect(planner.merged.map((batch) => batch.length)).toEqual([MERGE_BATCH, MERGE_BATCH, 7]);
    const whole = new RecordSet();
    whole.apply(changes);
    expect([...planner.set.all()]).toEqual([...whole.all()]);
  });

  it('sends each change to the store of its kind, without the fields kept on one device', async () => {
    const { planner, annotations, workshops, ownDocuments, routing } = stores();
    const doc = { shared: true, sharedBy: BOB, title: 'Roads' };
    const changes: Change[] = [
      { kind: 'task', id: 't1', at: at(10, BOB), set: { title: 'Count culverts' } },
      { kind: 'annotation', id: 'n1', at: at(11, BOB), set: { note: 'x' } },
      { kind: 'capture', id: 's1', at: at(12, BOB), set: { value: 'v' } },
      { kind: 'document', id: 'd1', at: at(13, BOB), set: { value: doc, versions: ['theirs'] } },
      { kind: 'document', id: 'd2', at: at(14, BOB), set: { versions: ['only local'] } },
    ];
    expect(await routing.mergeRemote(changes)).toBe(true);
    expect(planner.merged).toEqual([[changes[0]]]);
    expect(annotations.merged).toEqual([[changes[1]]]);
    expect(workshops.merged).toEqual([[changes[2]]]);
    expect(ownDocuments.merged).toEqual([[{ ...changes[3], set: { value: doc } }]]);
    expect(routing.record('document', 'd1')?.fields.versions).toBeUndefined();
    expect(await routing.mergeRemote(changes)).toBe(false);
  });

  it("publishes this member's shared changes from every store, versions left home", () => {
    const { planner, ownDocuments, routing } = stores();
    planner.set.apply([
      { kind: 'plan', id: 'p1', at: at(20, ME), set: { shared: true, sharedBy: ME } },
      { kind: 'plan', id: 'p2', at: at(21, ME), set: { title: 'Private' } },
    ]);
    ownDocuments.set.apply([
      {
        kind: 'document',
        id: 'd1',
        at: at(22, ME),
        set: { value: { shared: true, sharedBy: ME }, versions: ['mine'] },
      },
    ]);
    expect(routing.ownShared(CHOICES).map((change) => [change.id, change.set])).toEqual([
      ['p1', { shared: true, sharedBy: ME }],
      ['d1', { value: { shared: true, sharedBy: ME } }],
    ]);
  });

  it('publishes nothing of a plan a teammate withdrew, so deleting my copy stays here', () => {
    const { planner, routing } = stores();
    planner.set.apply([
      { kind: 'plan', id: 'p1', at: at(20, BOB), set: { shared: true, sharedBy: BOB } },
      { kind: 'plan', id: 'p1', at: at(21, BOB), set: { shared: false } },
      { kind: 'plan', id: 'p1', at: at(22, ME), set: { $deleted: true } },
      { kind: 'plan', id: 'p2', at: at(23, ME), set: { shared: true, sharedBy: ME } },
      { kind: 'plan', id: 'p2', at: at(24, ME), set: { shared: false } },
    ]);
    expect(routing.ownShared(CHOICES).map((change) => [change.id, change.set])).toEqual([
      ['p2', { sharedBy: ME }],
      ['p2', { shared: false }],
    ]);
  });

  it("merges a removed member's changes, those stamped after the removal too", async () => {
    const { planner, routing } = stores();
    const removal = at(2000, BOB);
    const before: Change = { kind: 'task', id: 't1', at: at(1000, SAM), set: { title: 'a' } };
    const after: Change = { kind: 'task', id: 't1', at: at(3000, SAM), set: { title: 'b' } };
    const member: Change = { kind: 'member', id: SAM, at: removal, set: { removedAt: removal } };
    await routing.mergeRemote([before, after, member]);
    // Every machine takes in the same changes, so a member who saw `after` first never differs.
    expect(planner.merged).toEqual([[before, after, member]]);
    expect(routing.record('task', 't1')?.fields.title?.value).toBe('b');
  });
});
