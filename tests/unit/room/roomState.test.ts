import { describe, expect, it } from 'vitest';
import { RoomState, type RoomLimits } from '../../../electron/room/roomState';
import { cleanName, cleanNoteText } from '../../../renderer/src/core/room/cleanText';
import { ROOM_LIMITS } from '../../../renderer/src/core/room/protocol';
import { dotVote, notes, poll, qa } from './support';

function room(limits: Partial<RoomLimits> = {}) {
  let changes = 0;
  const state = new RoomState(
    { ...ROOM_LIMITS, ...limits },
    (n) => `Anonymous ${n}`,
    () => {
      changes += 1;
    },
  );
  return { state, changes: () => changes };
}

function joined(state: RoomState, name = ''): string {
  const participant = state.join(name);
  if (participant === null) throw new Error('room full');
  return participant.id;
}

describe('room state', () => {
  it('names anonymous participants by their number and keeps typed names', () => {
    const { state } = room();
    expect(state.join('')?.shownName).toBe('Anonymous 1');
    expect(state.join('  Sam \u0007 Lee ')?.shownName).toBe('Sam Lee');
    expect(state.join('\u202e\u0000')?.shownName).toBe('Anonymous 3');
  });

  it("cleans the presenter's anonymous name as it cleans a typed name", () => {
    const state = new RoomState(ROOM_LIMITS, (n) => ` \u202eAnon\u0000\u001b\n ${n}\ud800 `);
    expect(state.join('')?.shownName).toBe('Anon 1');
  });

  it('refuses a participant beyond the room limit', () => {
    const { state } = room({ participants: 2 });
    expect(state.join('a')).not.toBeNull();
    expect(state.join('b')).not.toBeNull();
    expect(state.join('c')).toBeNull();
    expect(state.participantCount).toBe(2);
  });

  it('keeps one vote per participant per question: a second vote replaces the first', () => {
    const { state } = room();
    const sam = joined(state, 'Sam');
    state.setQuestion(poll);
    expect(state.vote(sam, { questionId: poll.id, optionIds: ['o1'] })).toEqual({ ok: true });
    expect(state.vote(sam, { questionId: poll.id, optionIds: ['o2'] })).toEqual({ ok: true });
    const results = state.results().current;
    expect(results?.voters).toBe(1);
    expect(results?.tallies).toEqual([
      { optionId: 'o1', count: 0 },
      { optionId: 'o2', count: 1 },
      { optionId: 'o3', count: 0 },
    ]);
    expect(results?.votes).toEqual([{ participant: 'Sam', optionIds: ['o2'] }]);
    expect(state.participantState(sam).myVote).toEqual(['o2']);
  });

  it('takes exactly one existing option in a poll', () => {
    const { state } = room();
    const id = joined(state);
    state.setQuestion(poll);
    const bad = { ok: false, refusal: 'bad-vote' };
    expect(state.vote(id, { questionId: poll.id, optionIds: ['o1', 'o2'] })).toEqual(bad);
    expect(state.vote(id, { questionId: poll.id, optionIds: ['o9'] })).toEqual(bad);
    expect(state.results().current?.voters).toBe(0);
  });

  it('lets a dot vote place up to its dots, several on one option, and no more', () => {
    const { state } = room();
    const id = joined(state);
    state.setQuestion(dotVote);
    expect(state.vote(id, { questionId: dotVote.id, optionIds: ['o1', 'o1', 'o3'] })).toEqual({
      ok: true,
    });
    expect(state.vote(id, { questionId: dotVote.id, optionIds: ['o1', 'o1', 'o1', 'o2'] })).toEqual(
      { ok: false, refusal: 'bad-vote' },
    );
    expect(state.results().current?.tallies.map((tally) => tally.count)).toEqual([2, 0, 1]);
  });

  it('refuses answers to a question that is not current, or closed', () => {
    const { state } = room();
    const id = joined(state);
    expect(state.vote(id, { questionId: poll.id, optionIds: ['o1'] })).toEqual({
      ok: false,
      refusal: 'question-moved',
    });
    state.setQuestion(poll);
    state.setQuestion(dotVote);
    expect(state.vote(id, { questionId: poll.id, optionIds: ['o1'] })).toEqual({
      ok: false,
      refusal: 'question-moved',
    });
    state.closeQuestion();
    expect(state.vote(id, { questionId: dotVote.id, optionIds: ['o1'] })).toEqual({
      ok: false,
      refusal: 'question-closed',
    });
    expect(state.participantState(id).closed).toBe(true);
    expect(state.results().current?.closed).toBe(true);
  });

  it('keeps earlier answers when a question becomes current again, reopened', () => {
    const { state } = room();
    const id = joined(state);
    state.setQuestion(poll);
    state.vote(id, { questionId: poll.id, optionIds: ['o3'] });
    state.closeQuestion();
    state.setQuestion(notes);
    state.setQuestion(poll);
    expect(state.participantState(id)).toMatchObject({ closed: false, myVote: ['o3'] });
    // Options it no longer has take their votes with them.
    state.setQuestion({ ...poll, options: poll.options.slice(0, 2) });
    expect(state.participantState(id).myVote).toEqual([]);
  });

  it('refuses votes on notes and notes on votes', () => {
    const { state } = room();
    const id = joined(state);
    state.setQuestion(notes);
    expect(state.vote(id, { questionId: notes.id, optionIds: ['o1'] })).toEqual({
      ok: false,
      refusal: 'wrong-kind',
    });
    state.setQuestion(poll);
    expect(state.note(id, { questionId: poll.id, text: 'Hi' })).toEqual({
      ok: false,
      refusal: 'wrong-kind',
    });
  });

  it('limits notes per participant per question and counts down what is left', () => {
    const { state } = room({ notesPerParticipant: 2 });
    const id = joined(state);
    state.setQuestion(notes);
    expect(state.participantState(id).notesLeft).toBe(2);
    expect(state.note(id, { questionId: notes.id, text: 'one' }).ok).toBe(true);
    expect(state.note(id, { questionId: notes.id, text: 'two' }).ok).toBe(true);
    expect(state.note(id, { questionId: notes.id, text: 'three' })).toEqual({
      ok: false,
      refusal: 'note-limit',
    });
    expect(state.participantState(id).notesLeft).toBe(0);
    state.setQuestion(qa);
    expect(state.note(id, { questionId: qa.id, text: 'another question' }).ok).toBe(true);
  });

  it('refuses a note of control characters only, and keeps line breaks', () => {
    const { state } = room();
    const id = joined(state);
    state.setQuestion(notes);
    expect(state.note(id, { questionId: notes.id, text: '\u0000\u0001' })).toEqual({
      ok: false,
      refusal: 'empty-text',
    });
    expect(cleanNoteText(' a\r\nb\u0008 ')).toBe('a\nb');
    expect(cleanName('a\n\tb')).toBe('a b');
  });

  it('limits notes per question from everyone together, and per question only', () => {
    const { state } = room({ notesPerQuestion: 2 });
    const ann = joined(state);
    const bo = joined(state);
    state.setQuestion(notes);
    expect(state.note(ann, { questionId: notes.id, text: 'one' }).ok).toBe(true);
    expect(state.note(bo, { questionId: notes.id, text: 'two' }).ok).toBe(true);
    expect(state.note(bo, { questionId: notes.id, text: 'three' })).toEqual({
      ok: false,
      refusal: 'question-full',
    });
    state.setQuestion(qa);
    expect(state.note(bo, { questionId: qa.id, text: 'another question' }).ok).toBe(true);
  });

  it('removes lone surrogates from notes and names, keeps whole characters', () => {
    expect(cleanNoteText('a\ud800b\udc00c\u{1F600}\ud83d')).toBe('abc\u{1F600}');
    expect(cleanName('\udfffAnn \u{1F600}')).toBe('Ann \u{1F600}');
    // Cut at the limit in the middle of a pair: the half left over goes too.
    expect(cleanName('ab\u{1F600}', 3)).toBe('ab');
    const { state } = room({ name: 3 });
    expect(state.join('ab\u{1F600}')?.shownName).toBe('ab');
    const id = joined(state);
    state.setQuestion(notes);
    expect(state.note(id, { questionId: notes.id, text: '\ud800\udc00'.slice(1) })).toEqual({
      ok: false,
      refusal: 'empty-text',
    });
    expect(state.note(id, { questionId: notes.id, text: 'ok\udbff' }).ok).toBe(true);
    expect(state.participantState(id).notes.map((note) => note.text)).toEqual(['ok']);
  });

  it('toggles one upvote per participant per note and sorts Q&A by upvotes', () => {
    const { state } = room();
    const ann = joined(state, 'Ann');
    const bo = joined(state);
    state.setQuestion(qa);
    state.note(ann, { questionId: qa.id, text: 'First' });
    state.note(bo, { questionId: qa.id, text: 'Second' });
    const [first, second] = state.participantState(ann).notes;
    expect(first?.text).toBe('First');
    expect(state.upvote(ann, { questionId: qa.id, noteId: second?.id ?? '' }).ok).toBe(true);
    expect(state.upvote(bo, { questionId: qa.id, noteId: second?.id ?? '' }).ok).toBe(true);
    expect(state.participantState(ann).notes.map((note) => [note.text, note.upvotes])).toEqual([
      ['Second', 2],
      ['First', 0],
    ]);
    expect(state.participantState(ann).myUpvotes).toEqual([second?.id]);
    // Again takes it back.
    state.upvote(ann, { questionId: qa.id, noteId: second?.id ?? '' });
    expect(state.participantState(ann).myUpvotes).toEqual([]);
    expect(state.participantState(bo).notes[0]).toMatchObject({ text: 'Second', upvotes: 1 });
    expect(state.participantState(bo).notes[1]?.author).toBe('Ann');
    expect(state.participantState(bo).notes[0]?.author).toBeNull();
  });

  it('lists a participant’s upvotes in the order posted, hidden ones left out, kept across questions', () => {
    const { state } = room({ notesPerParticipant: 2 });
    const ann = joined(state);
    const bo = joined(state);
    state.setQuestion(qa);
    for (const text of ['one', 'two', 'three']) {
      state.note(text === 'two' ? bo : ann, { questionId: qa.id, text });
    }
    const [one = '', two = '', three = ''] =
      state.results().current?.notes.map((note) => note.id) ?? [];
    for (const noteId of [three, one, two]) {
      expect(state.upvote(bo, { questionId: qa.id, noteId }).ok).toBe(true);
    }
    expect(state.participantState(bo).myUpvotes).toEqual([one, two, three]);
    state.upvote(bo, { questionId: qa.id, noteId: two });
    state.hideNote(one, true);
    expect(state.participantState(bo).myUpvotes).toEqual([three]);
    state.setQuestion(notes);
    expect(state.participantState(bo)).toMatchObject({ myUpvotes: [], notesLeft: 2 });
    state.setQuestion(qa);
    state.hideNote(one, false);
    expect(state.participantState(bo).myUpvotes).toEqual([one, three]);
    expect(state.participantState(ann).notesLeft).toBe(0);
    expect(state.participantState(bo).notesLeft).toBe(1);
  });

  it('allows upvotes on Q&A only', () => {
    const { state } = room();
    const id = joined(state);
    state.setQuestion(notes);
    state.note(id, { questionId: notes.id, text: 'A note' });
    const noteId = state.participantState(id).notes[0]?.id ?? '';
    expect(state.upvote(id, { questionId: notes.id, noteId })).toEqual({
      ok: false,
      refusal: 'wrong-kind',
    });
  });

  it('hides a hidden note from participants, not from the presenter, and refuses upvotes on it', () => {
    const { state } = room();
    const id = joined(state);
    state.setQuestion(qa);
    state.note(id, { questionId: qa.id, text: 'Rude' });
    const noteId = state.participantState(id).notes[0]?.id ?? '';
    expect(state.hideNote(noteId, true)).toBe(true);
    expect(state.participantState(id).notes).toEqual([]);
    expect(state.results().current?.notes).toEqual([
      { id: noteId, text: 'Rude', author: null, upvotes: 0, hidden: true },
    ]);
    expect(state.upvote(id, { questionId: qa.id, noteId })).toEqual({
      ok: false,
      refusal: 'unknown-note',
    });
    expect(state.hideNote('n999', true)).toBe(false);
    state.hideNote(noteId, false);
    expect(state.participantState(id).notes).toHaveLength(1);
  });

  it('shows a participant nothing when no question is current', () => {
    const { state } = room();
    const id = joined(state);
    expect(state.participantState(id)).toEqual({
      question: null,
      closed: false,
      myVote: [],
      notes: [],
      myUpvotes: [],
      notesLeft: 0,
    });
    expect(state.results()).toEqual({ participants: 1, current: null });
  });

  it('reports every visible change, and no change for a refused answer', () => {
    const { state, changes } = room();
    const id = joined(state);
    state.setQuestion(poll);
    const before = changes();
    state.vote(id, { questionId: poll.id, optionIds: ['o9'] });
    expect(changes()).toBe(before);
    state.vote(id, { questionId: poll.id, optionIds: ['o1'] });
    expect(changes()).toBe(before + 1);
  });
});
