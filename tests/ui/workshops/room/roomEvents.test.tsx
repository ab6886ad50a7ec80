// @vitest-environment jsdom
/**
 * The presenter's room state from a recorded sequence of RoomEvents (what the room sends: opened,
 * batched results, closed), and the polite announcement of results, said at most every few
 * seconds however often the room sends them.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  QuestionResults,
  RoomEvent,
  RoomQuestion,
} from '../../../../renderer/src/core/room/protocol';
import {
  ANNOUNCE_EVERY_MS,
  resultsSentence,
  RoomAnnouncer,
} from '../../../../renderer/src/ui/workshops/room/RoomAnnouncer';
import {
  CLOSED_ROOM,
  nextRoomState,
  type RoomState,
} from '../../../../renderer/src/ui/workshops/room/roomState';
import { render, unmountAll } from '../../support/dom';

afterEach(() => {
  unmountAll();
  vi.useRealTimers();
});

const poll: RoomQuestion = {
  id: 'b0-records',
  kind: 'poll',
  prompt: 'How are records kept?',
  options: [
    { id: 'o1', label: 'Paper' },
    { id: 'o2', label: 'Digital' },
  ],
  dots: 1,
};

const results = (tallies: number[], closed = false): QuestionResults => ({
  questionId: poll.id,
  closed,
  tallies: tallies.map((count, i) => ({ optionId: `o${i + 1}`, count })),
  voters: tallies.reduce((a, b) => a + b, 0),
  votes: [],
  notes: [],
});

const opened: RoomEvent = {
  type: 'opened',
  joinUrl: 'http://192.168.1.23:4180/',
  joinCode: '480213',
  address: '192.168.1.23',
  port: 4180,
};

const replay = (inputs: Parameters<typeof nextRoomState>[1][], from: RoomState = CLOSED_ROOM) =>
  inputs.reduce(nextRoomState, from);

describe('the room state from its events', () => {
  it('opens with the join address and code, then counts participants and keeps results', () => {
    const state = replay([
      { type: 'opening' },
      opened,
      { type: 'results', participants: 2, current: null },
      { type: 'asked', question: poll },
      { type: 'results', participants: 3, current: results([1, 2]) },
    ]);
    expect(state).toMatchObject({
      phase: 'open',
      joinUrl: 'http://192.168.1.23:4180/',
      joinCode: '480213',
      participants: 3,
      current: poll,
      stop: null,
    });
    expect(state.results[poll.id]?.voters).toBe(3);
    // Opened by this view's "Open room": the join panel takes focus.
    expect(state.openedHere).toBe(true);
  });

  it('a room already open when the view came (a reloaded page) was not opened here', () => {
    const state = replay([opened, { type: 'results', participants: 2, current: null }]);
    expect(state).toMatchObject({ phase: 'open', joinCode: '480213', openedHere: false });
    // Closed and opened again from this view, it was.
    const reopened = replay(
      [{ type: 'closed', reason: 'closed' }, { type: 'opening' }, opened],
      state,
    );
    expect(reopened.openedHere).toBe(true);
  });

  it('keeps the results of a question once another is current (the room sends only the current)', () => {
    const state = replay([
      opened,
      { type: 'asked', question: poll },
      { type: 'results', participants: 1, current: results([1, 0], true) },
      { type: 'asked', question: null },
      { type: 'results', participants: 1, current: null },
    ]);
    expect(state.current).toBeNull();
    expect(state.results[poll.id]?.closed).toBe(true);
  });

  it('closed by the presenter: no stop to report, results still listed; a late batch is ignored', () => {
    const state = replay([
      opened,
      { type: 'asked', question: poll },
      { type: 'results', participants: 4, current: results([2, 2]) },
      { type: 'phase', phase: 'closing' },
      { type: 'closed', reason: 'closed' },
      { type: 'results', participants: 9, current: results([9, 9]) },
    ]);
    expect(state).toMatchObject({ phase: 'closed', participants: 0, current: null, stop: null });
    expect(state.results[poll.id]?.voters).toBe(4);
  });

  it('reports a failure with its message, and a quit', () => {
    expect(
      replay([opened, { type: 'closed', reason: 'failed', message: 'EADDRINUSE' }]).stop,
    ).toEqual({ reason: 'failed', message: 'EADDRINUSE' });
    expect(replay([opened, { type: 'closed', reason: 'quit' }]).stop).toEqual({
      reason: 'quit',
      message: null,
    });
  });

  it('a new opening forgets the last room, its code and its stop', () => {
    const last = replay([opened, { type: 'closed', reason: 'failed' }]);
    const state = replay([{ type: 'opening' }], last);
    expect(state).toEqual({ ...CLOSED_ROOM, phase: 'opening' });
  });
});

describe('announcing results', () => {
  it('words the leading option and the voters, or the notes', () => {
    expect(resultsSentence(poll, results([1, 2]))).toBe(
      '3 people voted. Most chosen: Digital (2).',
    );
    expect(resultsSentence(poll, results([0, 0]))).toBe('0 people voted.');
    const notes: RoomQuestion = {
      id: 'b0-n',
      kind: 'notes',
      prompt: 'Worries?',
      options: [],
      dots: 0,
    };
    const note = { id: 'n1', text: 'x', author: null, upvotes: 0, hidden: false };
    expect(
      resultsSentence(notes, {
        ...results([]),
        questionId: notes.id,
        notes: [note, { ...note, id: 'n2', hidden: true }],
      }),
    ).toBe('1 note posted.');
  });

  it('says results at most every few seconds, then the latest', () => {
    vi.useFakeTimers();
    const state = (tallies: number[]): RoomState => ({
      ...replay([opened, { type: 'asked', question: poll }]),
      results: { [poll.id]: results(tallies) },
    });
    const { container, root } = render(<RoomAnnouncer state={state([1, 0])} />);
    const said = () => container.querySelector('[role="status"]')?.textContent;
    expect(said()).toBe('1 person voted. Most chosen: Paper (1).');
    for (const tallies of [
      [1, 1],
      [1, 2],
      [1, 3],
    ]) {
      act(() => root.render(<RoomAnnouncer state={state(tallies)} />));
      act(() => {
        vi.advanceTimersByTime(ANNOUNCE_EVERY_MS / 10);
      });
      expect(said()).toBe('1 person voted. Most chosen: Paper (1).');
    }
    act(() => {
      vi.advanceTimersByTime(ANNOUNCE_EVERY_MS);
    });
    expect(said()).toBe('4 people voted. Most chosen: Digital (3).');
  });
});
