import { describe, expect, it } from 'vitest';
import { HybridClock, type MemberId } from '../../../renderer/src/core/team/hlc';
import { RecordSet, stampWrites } from '../../../renderer/src/core/team/records';
import { materializeWorkshops } from '../../../renderer/src/core/team/workshopRecords';

const ME = 'aaaaaaaaaaaaaaaa' as MemberId;

/** A user workshop and a session as records written before workshops format 3 held them. */
const olderWorkshop = {
  id: 'w1',
  title: 'Our session',
  summary: '',
  audience: '',
  basedOn: null,
  targetMinutes: null,
  startTime: null,
  blocks: [
    {
      id: 'b1',
      title: 'Welcome',
      minutes: 10,
      purpose: '',
      facilitatorNotes: '',
      materials: [],
      activity: '',
      documents: [],
    },
  ],
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};
const olderSession = {
  id: 's1',
  workshop: { kind: 'user', id: 'w1' },
  workshopTitle: 'Our session',
  startedAt: '2026-11-26T14:05:00.000Z',
  notes: [
    { id: 'c1', text: 'Online permits', blockIndex: 0, createdAt: '2026-11-26T14:06:00.000Z' },
  ],
  votes: [],
  shared: true,
  sharedBy: ME,
};

describe('workshop records written before the room (format 3)', () => {
  it('are read upgraded, as the document migration would, so nothing is skipped', () => {
    const records = new RecordSet();
    const clock = new HybridClock(ME, () => Date.UTC(2026, 10, 26));
    records.apply(
      stampWrites(
        [
          { kind: 'workshop', id: 'w1', set: { value: olderWorkshop } },
          { kind: 'capture', id: 's1', set: { value: olderSession } },
        ],
        clock,
      ),
    );
    const { db, notices } = materializeWorkshops(records);
    expect(notices).toEqual([]);
    expect(db.workshops[0]?.blocks[0]?.questions).toEqual([]);
    expect(db.sessions[0]?.notes[0]).toEqual({
      ...olderSession.notes[0],
      author: null,
      upvotes: null,
    });
  });

  it('a value that is not valid even upgraded is still left out with a notice', () => {
    const records = new RecordSet();
    const clock = new HybridClock(ME, () => Date.UTC(2026, 10, 26));
    const broken = { ...olderSession, notes: [{ ...olderSession.notes[0], upvotes: -1 }] };
    records.apply(stampWrites([{ kind: 'capture', id: 's1', set: { value: broken } }], clock));
    const { db, notices } = materializeWorkshops(records);
    expect(db.sessions).toEqual([]);
    expect(notices).toEqual([
      { code: 'recordSkipped', kind: 'capture', recordId: 's1', field: 'value' },
    ]);
  });
});
