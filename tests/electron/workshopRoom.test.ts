/**
 * The workshop room in the real desktop app (issue 17), run by `npm run test:electron` after the
 * smoke test: the page opens a room over IPC (`window.onmuni.room`, the bridge the presenter's
 * room controls use), main forks the room's utilityProcess (out/main/room.js) serving the built
 * participant page, a participant joins and votes with Node's fetch on loopback, and the room
 * closes on 'close' and again when the app quits.
 *
 * An app of its own (not the smoke test's), since the smoke test proves that its app never
 * touches the network, and a room is a server on it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { OnmuniBridge } from '../../electron/shared/ipcContract';
import type { JoinAnswer, RoomEvent, RoomQuestion } from '../../renderer/src/core/room/protocol';
import {
  STEP_TIMEOUT_MS,
  connect,
  findAppPage,
  hasExited,
  keepForInspection,
  launch,
  launchSettings,
  quit,
  sleep,
  type RunningApp,
} from './desktopApp';

const POLL: RoomQuestion = {
  id: 'b1-first-step',
  kind: 'poll',
  prompt: 'Which step comes first?',
  options: [
    { id: 'o1', label: 'An inventory of our records' },
    { id: 'o2', label: 'A council briefing' },
  ],
  dots: 1,
};

let app: RunningApp | undefined;
let anyFailed = false;

function page(): Page {
  if (app?.page === undefined) throw new Error('The app did not start; see the first failure.');
  return app.page;
}

/** In the page: starts keeping the room's events, as the presenter's room controls listen. */
function listen(target: Page): Promise<void> {
  return target.evaluate(() => {
    const scope = globalThis as unknown as { onmuni: OnmuniBridge; roomEvents: RoomEvent[] };
    scope.roomEvents = [];
    scope.onmuni.room.onEvent((event) => scope.roomEvents.push(event));
  });
}

/** In the page: sends a command over the `room:command` channel and returns main's answer. */
function command(target: Page, body: unknown) {
  return target.evaluate(
    (input) =>
      (globalThis as unknown as { onmuni: OnmuniBridge }).onmuni.room.command(input as never),
    body,
  );
}

/** Waits until the page has heard an event of `type` that passes `test`, and returns it. */
async function heard<T extends RoomEvent['type']>(
  target: Page,
  type: T,
  test: (event: Extract<RoomEvent, { type: T }>) => boolean = () => true,
): Promise<Extract<RoomEvent, { type: T }>> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const events = await target.evaluate(
      () => (globalThis as unknown as { roomEvents: RoomEvent[] }).roomEvents,
    );
    const found = events.find(
      (event): event is Extract<RoomEvent, { type: T }> =>
        event.type === type && test(event as Extract<RoomEvent, { type: T }>),
    );
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no ${type} event; heard ${JSON.stringify(events)}`);
    await sleep(100);
  }
}

async function unreachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(3_000) });
    return false;
  } catch {
    return true;
  }
}

function post(url: string, body: unknown, token?: string) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
}

describe('the workshop room in the desktop app', () => {
  beforeAll(async () => {
    anyFailed = true;
    app = await launch(launchSettings());
    app.browser = await connect(app);
    app.page = await findAppPage(app, app.browser);
    app.context = app.page.context();
    app.context.setDefaultTimeout(STEP_TIMEOUT_MS);
    anyFailed = false;
  });

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      anyFailed = true;
    });
  });

  afterAll(async () => {
    if (app === undefined) return;
    await quit(app);
    app.child.stdout?.destroy();
    app.child.stderr?.destroy();
    if (anyFailed) keepForInspection(app);
  });

  test('opens a room over IPC; a participant joins and votes on loopback; it closes', async () => {
    const target = page();
    await listen(target);
    const interfaces = await target.evaluate(() =>
      (globalThis as unknown as { onmuni: OnmuniBridge }).onmuni.room.interfaces({}),
    );
    expect(interfaces[0]).toEqual({ address: '127.0.0.1', name: 'loopback', loopback: true });

    expect(await command(target, { type: 'open', address: '127.0.0.1' })).toEqual({ ok: true });
    const opened = await heard(target, 'opened');
    expect(opened.joinUrl).toBe(`http://127.0.0.1:${opened.port}/`);
    expect(opened.joinCode).toMatch(/^\d{6}$/);

    // The built participant page (out/renderer/room.html), read by the utility process.
    const participantPage = await fetch(opened.joinUrl);
    expect(participantPage.status).toBe(200);
    expect(participantPage.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await participantPage.text()).toMatch(/<script[^>]+src="[^"]*assets\//);

    const wrong = opened.joinCode === '000000' ? '111111' : '000000';
    expect(
      (await post(new URL('/api/join', opened.joinUrl).href, { code: wrong, name: 'Eve' })).status,
    ).toBe(403);
    const joined = await post(new URL('/api/join', opened.joinUrl).href, {
      code: opened.joinCode,
      name: 'Ada',
    });
    expect(joined.status).toBe(200);
    const { token } = (await joined.json()) as JoinAnswer;

    expect(await command(target, { type: 'question', question: POLL })).toEqual({ ok: true });
    const vote = await post(
      new URL('/api/vote', opened.joinUrl).href,
      { questionId: POLL.id, optionIds: ['o2'] },
      token,
    );
    expect(vote.status).toBe(204);
    const results = await heard(target, 'results', (event) => event.current?.voters === 1);
    expect(results.current?.votes).toEqual([{ participant: 'Ada', optionIds: ['o2'] }]);

    expect(await command(target, { type: 'close' })).toEqual({ ok: true });
    expect(await heard(target, 'closed')).toEqual({ type: 'closed', reason: 'closed' });
    expect(await unreachable(opened.joinUrl)).toBe(true);
  });

  test('a room still open when the app quits stops with it', async () => {
    const target = page();
    await listen(target);
    expect(await command(target, { type: 'open', address: '127.0.0.1' })).toEqual({ ok: true });
    const opened = await heard(target, 'opened');
    expect((await fetch(opened.joinUrl)).status).toBe(200);
    const current = app;
    if (current === undefined) throw new Error('no app');
    await quit(current);
    expect(hasExited(current.child), 'the app is still running').toBe(true);
    expect(await unreachable(opened.joinUrl)).toBe(true);
  });
});
