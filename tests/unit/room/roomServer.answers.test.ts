/**
 * Answers over HTTP: each refusal of the room's rules arrives as its status and error code.
 * The rules themselves are tested in roomState.test.ts; this proves the server applies them.
 */
import { describe, expect, it } from 'vitest';
import { ROOM_LIMITS } from '../../../renderer/src/core/room/protocol';
import { dotVote, join, notes, openTestRoom, poll, post, qa, stateOf } from './support';

describe('room server: answers', () => {
  it('keeps one vote per participant: a second vote replaces the first', async () => {
    const test = await openTestRoom();
    const token = await join(test);
    test.room.command({ type: 'question', question: poll });
    expect(
      (await post(test, '/api/vote', { questionId: poll.id, optionIds: ['o1'] }, token)).status,
    ).toBe(204);
    expect(
      (await post(test, '/api/vote', { questionId: poll.id, optionIds: ['o3'] }, token)).status,
    ).toBe(204);
    expect((await stateOf(test, token)).myVote).toEqual(['o3']);
  });

  it('refuses two options in a poll and more dots than a dot vote allows (400)', async () => {
    const test = await openTestRoom();
    const token = await join(test);
    test.room.command({ type: 'question', question: poll });
    const two = await post(
      test,
      '/api/vote',
      { questionId: poll.id, optionIds: ['o1', 'o2'] },
      token,
    );
    expect(two.status).toBe(400);
    expect(two.json).toEqual({ error: 'bad-vote' });
    test.room.command({ type: 'question', question: dotVote });
    const dots = { questionId: dotVote.id, optionIds: ['o1', 'o1', 'o2', 'o3'] };
    expect((await post(test, '/api/vote', dots, token)).status).toBe(400);
    const three = { questionId: dotVote.id, optionIds: ['o1', 'o1', 'o2'] };
    expect((await post(test, '/api/vote', three, token)).status).toBe(204);
  });

  it('refuses answers to a closed or not-current question (409)', async () => {
    const test = await openTestRoom();
    const token = await join(test);
    test.room.command({ type: 'question', question: poll });
    test.room.command({ type: 'close-question' });
    const closed = await post(test, '/api/vote', { questionId: poll.id, optionIds: ['o1'] }, token);
    expect(closed.status).toBe(409);
    expect(closed.json).toEqual({ error: 'question-closed' });
    test.room.command({ type: 'question', question: notes });
    const moved = await post(test, '/api/vote', { questionId: poll.id, optionIds: ['o1'] }, token);
    expect(moved.status).toBe(409);
    expect(moved.json).toEqual({ error: 'question-moved' });
    const wrongKind = await post(
      test,
      '/api/vote',
      { questionId: notes.id, optionIds: ['o1'] },
      token,
    );
    expect(wrongKind.json).toEqual({ error: 'wrong-kind' });
  });

  it('limits notes per participant (409 note-limit)', async () => {
    const test = await openTestRoom({ limits: { notesPerParticipant: 2 } });
    const token = await join(test);
    test.room.command({ type: 'question', question: notes });
    const note = { questionId: notes.id, text: 'More buses' };
    expect((await post(test, '/api/note', note, token)).status).toBe(204);
    expect((await post(test, '/api/note', note, token)).status).toBe(204);
    const third = await post(test, '/api/note', note, token);
    expect(third.status).toBe(409);
    expect(third.json).toEqual({ error: 'note-limit' });
    expect((await stateOf(test, token)).notesLeft).toBe(0);
  });

  it('limits notes per question, from everyone together (409 question-full)', async () => {
    expect(ROOM_LIMITS.notesPerQuestion).toBe(500);
    const test = await openTestRoom({ limits: { notesPerQuestion: 3 } });
    const ann = await join(test);
    const bo = await join(test);
    test.room.command({ type: 'question', question: notes });
    const note = { questionId: notes.id, text: 'More buses' };
    expect((await post(test, '/api/note', note, ann)).status).toBe(204);
    expect((await post(test, '/api/note', note, ann)).status).toBe(204);
    expect((await post(test, '/api/note', note, bo)).status).toBe(204);
    const fourth = await post(test, '/api/note', note, bo);
    expect(fourth.status).toBe(409);
    expect(fourth.json).toEqual({ error: 'question-full' });
    expect((await stateOf(test, ann)).notes).toHaveLength(3);
  });

  it('counts one upvote per participant per question and takes it back on a second upvote', async () => {
    const test = await openTestRoom();
    const asker = await join(test, 'Asker');
    const voter = await join(test);
    test.room.command({ type: 'question', question: qa });
    await post(test, '/api/note', { questionId: qa.id, text: 'When is budget day?' }, asker);
    const noteId = (await stateOf(test, voter)).notes[0]?.id ?? '';
    const upvote = { questionId: qa.id, noteId };
    expect((await post(test, '/api/upvote', upvote, voter)).status).toBe(204);
    expect((await stateOf(test, asker)).notes[0]?.upvotes).toBe(1);
    expect((await stateOf(test, voter)).myUpvotes).toEqual([noteId]);
    await post(test, '/api/upvote', upvote, voter);
    expect((await stateOf(test, asker)).notes[0]?.upvotes).toBe(0);
    const unknown = await post(test, '/api/upvote', { questionId: qa.id, noteId: 'n99' }, voter);
    expect(unknown.status).toBe(404);
  });

  it('never sends a hidden note to participants', async () => {
    const test = await openTestRoom();
    const token = await join(test);
    test.room.command({ type: 'question', question: notes });
    await post(test, '/api/note', { questionId: notes.id, text: 'Something rude' }, token);
    const noteId = (await stateOf(test, token)).notes[0]?.id ?? '';
    test.room.command({ type: 'hide-note', noteId, hidden: true });
    const state = await stateOf(test, token);
    expect(state.notes).toEqual([]);
    expect(JSON.stringify(state)).not.toContain('Something rude');
    expect(() => test.room.command({ type: 'hide-note', noteId: 'n404', hidden: true })).toThrow();
  });

  it('refuses presenter commands that are invalid or come too late', async () => {
    const test = await openTestRoom();
    expect(() =>
      test.room.command({ type: 'question', question: { ...poll, options: [] } }),
    ).toThrow();
    expect(() => test.room.command({ type: 'open', address: '127.0.0.1' })).toThrow();
    await test.room.close();
    expect(() => test.room.command({ type: 'close-question' })).toThrow();
  });
});
