import { describe, expect, it } from 'vitest';
import type { CaptureId } from '../../../renderer/src/core/workshops/ids';
import {
  dotsLeft,
  placeDot,
  removeDot,
  tallyVotes,
  type Dot,
  type DotVote,
} from '../../../renderer/src/core/workshops/votes';

const id = (s: string) => s as CaptureId;
const options = ['Leadership', 'Connectivity', 'Records', 'Cybersecurity'].map((label, i) => ({
  id: id(`o${i}`),
  label,
}));

function vote(dots: Array<[string, number]>, overrides: Partial<DotVote> = {}): DotVote {
  return {
    id: id('v1'),
    question: 'Which three priorities matter most?',
    options,
    dotsPerPerson: 3,
    maxDotsPerOption: null,
    dots: dots.map(([participant, o]): Dot => ({ participant, optionId: id(`o${o}`) })),
    ...overrides,
  };
}

interface Case {
  name: string;
  vote: DotVote;
  /** [label, votes, rank] in tally order. */
  rows: Array<[string, number, number]>;
  ignored: number;
  participants: number;
}

const cases: Case[] = [
  {
    name: 'no dots: options in their own order, all rank 1',
    vote: vote([]),
    rows: [
      ['Leadership', 0, 1],
      ['Connectivity', 0, 1],
      ['Records', 0, 1],
      ['Cybersecurity', 0, 1],
    ],
    ignored: 0,
    participants: 0,
  },
  {
    name: 'sorted by votes, most first',
    vote: vote([
      ['ana', 2],
      ['ana', 2],
      ['ben', 2],
      ['ben', 1],
      ['cy', 3],
    ]),
    rows: [
      ['Records', 3, 1],
      ['Connectivity', 1, 2],
      ['Cybersecurity', 1, 2],
      ['Leadership', 0, 4],
    ],
    ignored: 0,
    participants: 3,
  },
  {
    name: 'ties keep the options’ order (stable) and share a rank',
    vote: vote([
      ['ana', 3],
      ['ben', 1],
      ['cy', 3],
      ['dee', 1],
    ]),
    rows: [
      ['Connectivity', 2, 1],
      ['Cybersecurity', 2, 1],
      ['Leadership', 0, 3],
      ['Records', 0, 3],
    ],
    ignored: 0,
    participants: 4,
  },
  {
    name: 'dots beyond a participant’s allowance are not counted (names match without case)',
    vote: vote([
      ['Ana', 0],
      ['ana ', 0],
      ['ANA', 1],
      ['ana', 2],
      ['ana', 3],
    ]),
    rows: [
      ['Leadership', 2, 1],
      ['Connectivity', 1, 2],
      ['Records', 0, 3],
      ['Cybersecurity', 0, 3],
    ],
    ignored: 2,
    participants: 1,
  },
  {
    name: 'the per-option limit is applied when counting',
    vote: vote(
      [
        ['ana', 0],
        ['ana', 0],
        ['ana', 0],
        ['ben', 1],
      ],
      { maxDotsPerOption: 2 },
    ),
    rows: [
      ['Leadership', 2, 1],
      ['Connectivity', 1, 2],
      ['Records', 0, 3],
      ['Cybersecurity', 0, 3],
    ],
    ignored: 1,
    participants: 2,
  },
  {
    name: 'dots on a removed option are ignored',
    vote: vote(
      [
        ['ana', 9],
        ['ana', 0],
      ],
      {},
    ),
    rows: [
      ['Leadership', 1, 1],
      ['Connectivity', 0, 2],
      ['Records', 0, 2],
      ['Cybersecurity', 0, 2],
    ],
    ignored: 1,
    participants: 1,
  },
];

describe('dot vote tallies', () => {
  it.each(cases)('$name', ({ vote: v, rows, ignored, participants }) => {
    const tally = tallyVotes(v);
    expect(tally.rows.map((r) => [r.label, r.votes, r.rank])).toEqual(rows);
    expect(tally.ignoredDots).toBe(ignored);
    expect(tally.participants).toBe(participants);
    expect(tally.totalDots).toBe(rows.reduce((sum, [, n]) => sum + n, 0));
    const shares = tally.rows.reduce((sum, r) => sum + r.share, 0);
    expect(shares).toBeCloseTo(tally.totalDots === 0 ? 0 : 1);
  });

  it('placeDot caps dots per person and per option, and says why it refuses', () => {
    let v = vote([], { dotsPerPerson: 3, maxDotsPerOption: 2 });
    const place = (who: string, option: number) => {
      const result = placeDot(v, who, id(`o${option}`));
      v = result.vote;
      return result.ok ? 'ok' : result.reason;
    };
    expect(place('ana', 0)).toBe('ok');
    expect(place('ana', 0)).toBe('ok');
    expect(place('Ana', 0)).toBe('option-limit');
    expect(dotsLeft(v, 'ANA')).toBe(1);
    expect(place('ana', 1)).toBe('ok');
    expect(place('ana', 2)).toBe('no-dots-left');
    expect(place('  ', 2)).toBe('no-participant');
    expect(place('ben', 9)).toBe('unknown-option');
    expect(v.dots).toHaveLength(3);
    v = removeDot(v, 'ana', id('o0'));
    expect(dotsLeft(v, 'ana')).toBe(1);
    expect(removeDot(v, 'nobody', id('o0'))).toBe(v);
    expect(tallyVotes(v).rows[0]).toMatchObject({ label: 'Leadership', votes: 1 });
  });
});
