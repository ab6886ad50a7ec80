/**
 * Joining the room over real HTTP on 127.0.0.1: the join code, the wrong-code limiter per
 * address, tokens, and the participant limit.
 */
import { describe, expect, it } from 'vitest';
import { JOIN_CODE_DIGITS, ROOM_LIMITS } from '../../../renderer/src/core/room/protocol';
import { request as httpRequest } from 'node:http';
import { join, openTestRoom, post, send, sleep, stateOf, type TestRoom } from './support';

/** A code that is not the room's (same length, one digit changed). */
function wrongCode(code: string): string {
  return `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;
}

/** A JSON POST whose headers go now and whose body goes on `finish()`. */
function startPost(room: TestRoom, path: string, body: string) {
  const req = httpRequest({
    host: '127.0.0.1',
    port: room.room.port,
    path,
    method: 'POST',
    headers: {
      Host: room.host,
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
    },
    agent: false,
  });
  const status = new Promise<number>((resolveStatus, reject) => {
    req.on('response', (res) => {
      res.resume();
      resolveStatus(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  return { status, finish: () => req.end(body) };
}

describe('room server: joining', () => {
  it('hands out a random join code of six digits and a random token per participant', async () => {
    const test = await openTestRoom();
    expect(test.room.joinCode).toMatch(new RegExp(`^\\d{${JOIN_CODE_DIGITS}}$`));
    const first = await post(test, '/api/join', { code: test.room.joinCode, name: 'Ann' });
    const second = await post(test, '/api/join', { code: test.room.joinCode, name: '' });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ name: 'Ann', number: 1 });
    expect(second.json).toMatchObject({ name: null, number: 2 });
    const tokens = [first, second].map((answer) => (answer.json as { token: string }).token);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(tokens[0]).not.toBe(tokens[1]);
  });

  it('refuses a wrong join code with 403', async () => {
    const test = await openTestRoom();
    const answer = await post(test, '/api/join', { code: wrongCode(test.room.joinCode), name: '' });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ error: 'wrong-code' });
  });

  it('makes an address that sent too many wrong codes wait (429), even with the right code', async () => {
    const test = await openTestRoom({ limits: { wrongCodesPerMinute: 3 } });
    const wrong = { code: wrongCode(test.room.joinCode), name: '' };
    for (let i = 0; i < 3; i += 1) {
      expect((await post(test, '/api/join', wrong)).status).toBe(403);
    }
    const blocked = await post(test, '/api/join', wrong);
    expect(blocked.status).toBe(429);
    expect(blocked.json).toEqual({ error: 'too-many-codes' });
    expect(blocked.headers['retry-after']).toBe('60');
    const right = await post(test, '/api/join', { code: test.room.joinCode, name: '' });
    expect(right.status).toBe(429);
  });

  it('cannot be raced: wrong codes whose bodies come late still get only the limit of tries', async () => {
    const test = await openTestRoom({ limits: { wrongCodesPerMinute: 3 } });
    const wrong = JSON.stringify({ code: wrongCode(test.room.joinCode), name: '' });
    // Thirty requests on their own connections send their headers; only then their bodies, so
    // every one is under way before any code is checked.
    const requests = Array.from({ length: 30 }, () => startPost(test, '/api/join', wrong));
    await sleep(100);
    for (const request of requests) request.finish();
    const statuses = await Promise.all(requests.map((request) => request.status));
    expect(statuses.filter((status) => status === 403)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(27);
    // Right codes arriving the same way are not counted against the address.
    const fresh = await openTestRoom({ limits: { wrongCodesPerMinute: 3 } });
    const right = JSON.stringify({ code: fresh.room.joinCode, name: '' });
    const joins = Array.from({ length: 5 }, () => startPost(fresh, '/api/join', right));
    await sleep(100);
    for (const request of joins) request.finish();
    expect(await Promise.all(joins.map((request) => request.status))).toEqual([
      200, 200, 200, 200, 200,
    ]);
    expect((await post(fresh, '/api/join', JSON.parse(right))).status).toBe(200);
  });

  it('counts the default of ten wrong codes per minute per address', async () => {
    const test = await openTestRoom();
    const wrong = { code: wrongCode(test.room.joinCode), name: '' };
    for (let i = 0; i < ROOM_LIMITS.wrongCodesPerMinute; i += 1) {
      expect((await post(test, '/api/join', wrong)).status).toBe(403);
    }
    expect((await post(test, '/api/join', wrong)).status).toBe(429);
  });

  it('refuses a participant beyond the room limit with 503', async () => {
    const test = await openTestRoom({ limits: { participants: 2 } });
    await join(test);
    await join(test);
    const full = await post(test, '/api/join', { code: test.room.joinCode, name: '' });
    expect(full.status).toBe(503);
    expect(full.json).toEqual({ error: 'room-full' });
  });

  it('takes at most its share of participants from one address (429), loopback exempt', async () => {
    expect(ROOM_LIMITS.participantsPerAddress).toBe(5);
    // The test runs on loopback, which the room exempts unless told otherwise.
    const limited = await openTestRoom({
      limits: { participantsPerAddress: 2 },
      connections: { loopbackExempt: false },
    });
    const together = await Promise.all(
      Array.from({ length: 4 }, () =>
        post(limited, '/api/join', { code: limited.room.joinCode, name: '' }),
      ),
    );
    expect(together.map((answer) => answer.status).sort()).toEqual([200, 200, 429, 429]);
    const refused = await post(limited, '/api/join', { code: limited.room.joinCode, name: '' });
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({ error: 'too-many-from-here' });
    // A wrong code is still a wrong code: the share tells nothing to an address without it.
    expect(
      (await post(limited, '/api/join', { code: wrongCode(limited.room.joinCode), name: '' }))
        .status,
    ).toBe(403);

    const exempt = await openTestRoom({ limits: { participantsPerAddress: 2 } });
    for (let i = 0; i < 4; i += 1) await join(exempt);
  });

  it('takes 300 participants by default and refuses the 301st', async () => {
    const test = await openTestRoom();
    expect(ROOM_LIMITS.participants).toBe(300);
    const joins = await Promise.all(
      Array.from({ length: 300 }, () =>
        post(test, '/api/join', { code: test.room.joinCode, name: '' }),
      ),
    );
    expect(joins.every((answer) => answer.status === 200)).toBe(true);
    expect((await post(test, '/api/join', { code: test.room.joinCode, name: '' })).status).toBe(
      503,
    );
  }, 20_000);

  it('refuses a request without a token, or with an unknown one, with 401', async () => {
    const test = await openTestRoom();
    const token = await join(test);
    expect((await stateOf(test, token)).question).toBeNull();
    const missing = await send(test, '/api/state');
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({ error: 'unauthorized' });
    const unknown = await post(
      test,
      '/api/vote',
      { questionId: 'q', optionIds: ['o1'] },
      'x'.repeat(43),
    );
    expect(unknown.status).toBe(401);
    const stream = await send(test, '/api/events?token=' + 'y'.repeat(43));
    expect(stream.status).toBe(401);
  });

  it('refuses a join body with a name over the limit or extra fields (400)', async () => {
    const test = await openTestRoom();
    const long = await post(test, '/api/join', {
      code: test.room.joinCode,
      name: 'x'.repeat(ROOM_LIMITS.name + 1),
    });
    expect(long.status).toBe(400);
    const extra = await post(test, '/api/join', { code: test.room.joinCode, name: '', admin: 1 });
    expect(extra.status).toBe(400);
    const letters = await post(test, '/api/join', { code: 'abcdef', name: '' });
    expect(letters.json).toEqual({ error: 'bad-request' });
  });
});
