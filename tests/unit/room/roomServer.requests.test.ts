/**
 * What the room server refuses before the room's own rules: wrong Host, oversized bodies, wrong
 * content types, bad JSON, bodies that do not match the protocol's schemas, and too many actions
 * from one participant.
 */
import { describe, expect, it } from 'vitest';
import { ROOM_LIMITS } from '../../../renderer/src/core/room/protocol';
import { join, notes, openTestRoom, poll, post, send } from './support';

describe('room server: requests', () => {
  it('answers only to its own Host (421 otherwise, also for a DNS-rebound name)', async () => {
    const test = await openTestRoom();
    for (const host of [
      `evil.example:${test.room.port}`,
      `127.0.0.1:${test.room.port + 1}`,
      '127.0.0.1',
      `[::1]:${test.room.port}`,
    ]) {
      const answer = await send(test, '/', { headers: { Host: host } });
      expect(answer.status, host).toBe(421);
      expect(answer.text).toBe('');
    }
    const api = await post(test, '/api/join', { code: test.room.joinCode, name: '' }, undefined, {
      Host: `attacker.test:${test.room.port}`,
    });
    expect(api.status).toBe(421);
    expect(
      (await send(test, '/', { headers: { Host: `localhost:${test.room.port}` } })).status,
    ).toBe(200);
    expect((await send(test, '/')).status).toBe(200);
  });

  it('refuses a body over the limit before parsing it (413), declared or not', async () => {
    const test = await openTestRoom();
    const token = await join(test);
    const big = JSON.stringify({ questionId: 'q', text: 'x'.repeat(ROOM_LIMITS.bodyBytes) });
    const declared = await send(test, '/api/note', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(declared.json).toEqual({ error: 'too-large' });
    // Chunked, with no Content-Length: counted as it arrives.
    const chunked = await send(test, '/api/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: JSON.stringify({ code: '123456', name: 'x'.repeat(ROOM_LIMITS.bodyBytes * 4) }),
    });
    expect(chunked.status).toBe(413);
  });

  it('refuses a body that is not JSON by content type (415)', async () => {
    const test = await openTestRoom();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
    ]) {
      const answer = await send(test, '/api/join', {
        method: 'POST',
        headers: { 'Content-Type': type },
        body: JSON.stringify({ code: test.room.joinCode, name: '' }),
      });
      expect(answer.status, type).toBe(415);
      expect(answer.json).toEqual({ error: 'unsupported-type' });
    }
    const missing = await send(test, '/api/join', { method: 'POST', body: '{}' });
    expect(missing.status).toBe(415);
  });

  it('refuses malformed JSON (400)', async () => {
    const test = await openTestRoom();
    const answer = await send(test, '/api/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: '{"code": "123456", ',
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: 'bad-json' });
  });

  it('refuses bodies that break the protocol schemas (400)', async () => {
    const test = await openTestRoom();
    const token = await join(test);
    test.room.command({ type: 'question', question: notes });
    const bodies: Array<[string, unknown]> = [
      ['/api/vote', { questionId: poll.id, optionIds: ['o1'], weight: 5 }],
      ['/api/vote', { questionId: poll.id, optionIds: 'o1' }],
      ['/api/vote', { questionId: poll.id, optionIds: [] }],
      ['/api/vote', { questionId: 'Bad Id!', optionIds: ['o1'] }],
      [
        '/api/vote',
        { questionId: poll.id, optionIds: Array(ROOM_LIMITS.dotsPerPerson + 1).fill('o1') },
      ],
      ['/api/note', { questionId: notes.id, text: 'x'.repeat(ROOM_LIMITS.noteText + 1) }],
      ['/api/note', { questionId: notes.id, text: '   ' }],
      ['/api/note', { questionId: notes.id, text: 42 }],
      ['/api/note', { questionId: notes.id }],
      ['/api/upvote', { questionId: notes.id, noteId: 'n1', again: true }],
      ['/api/upvote', [notes.id, 'n1']],
      ['/api/note', null],
    ];
    for (const [path, body] of bodies) {
      const answer = await post(test, path, body, token);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json).toEqual({ error: 'bad-request' });
    }
  });

  it('limits actions per participant per 10 seconds (429), not other participants', async () => {
    const test = await openTestRoom({ limits: { actionsPer10s: 5 } });
    const busy = await join(test);
    const calm = await join(test);
    test.room.command({ type: 'question', question: poll });
    const vote = { questionId: poll.id, optionIds: ['o1'] };
    for (let i = 0; i < 5; i += 1)
      expect((await post(test, '/api/vote', vote, busy)).status).toBe(204);
    const limited = await post(test, '/api/vote', vote, busy);
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ error: 'too-many-actions' });
    expect(limited.headers['retry-after']).toBe('10');
    expect((await post(test, '/api/vote', vote, calm)).status).toBe(204);
  });

  it('counts asking for the state as an action (429 past the limit)', async () => {
    const test = await openTestRoom({ limits: { actionsPer10s: 3 } });
    const token = await join(test);
    const other = await join(test);
    test.room.command({ type: 'question', question: poll });
    const auth = { Authorization: `Bearer ${token}` };
    for (let i = 0; i < 3; i += 1) {
      expect((await send(test, '/api/state', { headers: auth })).status).toBe(200);
    }
    const limited = await send(test, '/api/state', { headers: auth });
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ error: 'too-many-actions' });
    // One limit for all of a participant's requests: no vote either, but others are unaffected.
    const vote = { questionId: poll.id, optionIds: ['o1'] };
    expect((await post(test, '/api/vote', vote, token)).status).toBe(429);
    expect(
      (await send(test, '/api/state', { headers: { Authorization: `Bearer ${other}` } })).status,
    ).toBe(200);
  });

  it('answers 404 to unknown API paths and 405 to the wrong method', async () => {
    const test = await openTestRoom();
    expect((await send(test, '/api/results')).status).toBe(404);
    expect((await send(test, '/api/__proto__')).status).toBe(404);
    const get = await send(test, '/api/join');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await send(test, '/', { method: 'POST', body: 'x' })).status).toBe(405);
  });
});
