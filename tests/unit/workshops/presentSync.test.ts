import { describe, expect, it } from 'vitest';
import {
  clampSlide,
  parsePresentMessage,
  presentChannelName,
} from '../../../renderer/src/ui/workshops/present/presentSync';

const state = {
  slide: 3,
  showCapture: true,
  showDocument: false,
  sessionId: 'session-1',
  startedAt: 1_764_000_000_000,
  blockStartedAt: 1_764_000_060_000,
};

const session = {
  id: 'session-1',
  workshop: { kind: 'bundled', docId: 'workshop-council-digital-awareness' },
  workshopTitle: 'Council awareness session',
  startedAt: '2026-11-26T14:05:00.000Z',
  notes: [
    {
      id: 'c-1',
      text: 'Online permits',
      blockIndex: 0,
      createdAt: '2026-11-26T14:06:00.000Z',
      author: null,
      upvotes: null,
    },
  ],
  votes: [],
  shared: false,
  sharedBy: null,
};

describe('presentation channel messages (untrusted input)', () => {
  it('names the channel after the workshop', () => {
    expect(presentChannelName('workshop-x')).toBe('onmuni-present-workshop-x');
  });

  it.each([
    ['hello', { v: 1, type: 'hello', from: 'w-1' }],
    ['state', { v: 1, type: 'state', from: 'w-1', state }],
    ['session', { v: 1, type: 'session', from: 'w-1', session }],
  ])('accepts a valid %s message', (_name, message) => {
    expect(parsePresentMessage(message)).toEqual(message);
  });

  it.each([
    ['not an object', 'next'],
    ['null', null],
    ['an unknown type', { v: 1, type: 'goto', from: 'w-1', slide: 2 }],
    ['another version', { v: 2, type: 'hello', from: 'w-1' }],
    ['a sender id with markup', { v: 1, type: 'hello', from: '<img src=x>' }],
    ['a negative slide', { v: 1, type: 'state', from: 'w-1', state: { ...state, slide: -1 } }],
    ['a fractional slide', { v: 1, type: 'state', from: 'w-1', state: { ...state, slide: 1.5 } }],
    ['a slide as text', { v: 1, type: 'state', from: 'w-1', state: { ...state, slide: '2' } }],
    ['an extra state field', { v: 1, type: 'state', from: 'w-1', state: { ...state, x: 1 } }],
    ['a missing state field', { v: 1, type: 'state', from: 'w-1', state: { slide: 1 } }],
    [
      'a session id that is not an id',
      { v: 1, type: 'state', from: 'w-1', state: { ...state, sessionId: '../x' } },
    ],
    [
      'a session with a blank note',
      {
        v: 1,
        type: 'session',
        from: 'w-1',
        session: { ...session, notes: [{ ...session.notes[0], text: '  ' }] },
      },
    ],
    ['an extra top-level field', { v: 1, type: 'hello', from: 'w-1', html: '<b>' }],
  ])('ignores %s', (_name, data) => {
    expect(parsePresentMessage(data)).toBeNull();
  });
});

describe('clampSlide', () => {
  it.each([
    [0, 10, 0],
    [9, 10, 9],
    [10, 10, 9],
    [-1, 10, 0],
    [3.7, 10, 3],
    [5, 0, 0],
  ])('slide %d of a deck of %d is %d', (slide, count, expected) => {
    expect(clampSlide(slide, count)).toBe(expected);
  });
});
