/**
 * The workshop room benchmark (issue 17, "Performance"): 300 participants, Node HTTP clients on
 * loopback with a bounded agent, each with an open event stream, answer at once, round after
 * round (polls and dot votes, then a Q&A round of questions and upvotes). Measured: how long
 * until the presenter's results include each answer (from the moment it was sent), how long
 * each participant request takes, and how much the room process's heap grows. Goals: results
 * p95 ≤ 250 ms, requests p95 < 100 ms, heap growth < 100 MB.
 *
 * The room runs in a child process (roomChild.ts), as the desktop runs it in a utilityProcess,
 * so its heap is its own; its events reach this process over Node's IPC channel, as they reach
 * the desktop's main process. Registered in tests/bench/benchmarks.ts (`npm run bench -- room`);
 * runs alone with `npx tsx tests/bench/room/index.ts`. The raw result goes to
 * tests/bench/results/room.json, from which `readme.ts` rewrites the README's room figures.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type {
  PresenterCommand,
  RoomEvent,
  RoomQuestion,
} from '../../../renderer/src/core/room/protocol';
import { percentile } from '../planner/report';
import type { BenchRow } from '../support/types';
import { ACTION_SOCKETS, RoomClients } from './participants';
import type { FromChild, ToChild } from './roomChild';

export const RESULT_FILE = path.join(import.meta.dirname, '..', 'results', 'room.json');

export const PARTICIPANTS = 300;
/** Rounds of everyone voting at once (alternately a poll and a dot vote). */
export const VOTE_ROUNDS = 6;
const ROUND_TIMEOUT_MS = 15_000;
const GOALS = { resultsP95Ms: 250, requestP95Ms: 100, heapGrowthMB: 100 };

export interface Spread {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

export interface RoomBenchResult {
  date: string;
  load: { start: number[]; end: number[] };
  participants: number;
  voteRounds: number;
  actionSockets: number;
  joinMs: number;
  results: Spread;
  requests: Spread;
  ownState: Spread;
  resultEvents: number;
  answers: number;
  heap: { baselineMB: number; peakMB: number; endMB: number; growthMB: number };
  failures: string[];
}

function spread(values: number[]): Spread {
  return {
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: Math.max(...values),
    n: values.length,
  };
}

function question(round: number): RoomQuestion {
  const options = ['Permits', 'Taxes', 'Recreation', 'Transit', 'Water'].map((label, index) => ({
    id: `o${index + 1}`,
    label,
  }));
  return round % 2 === 0
    ? { id: `bench-${round}`, kind: 'poll', prompt: `Round ${round}`, options, dots: 1 }
    : { id: `bench-${round}`, kind: 'dot-vote', prompt: `Round ${round}`, options, dots: 3 };
}

/** What participant `index` answers in a round (varied, and different from the last round). */
function choice(q: RoomQuestion, index: number, round: number): string[] {
  const pick = (k: number) => `o${((index + round + k) % q.options.length) + 1}`;
  return q.kind === 'poll' ? [pick(0)] : [pick(0), pick(0), pick(2)];
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

export default async function runRoomBenchmark(): Promise<BenchRow[]> {
  const start = loadavg();
  const failures: string[] = [];
  const child = fork(path.join(import.meta.dirname, 'roomChild.ts'), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const command = (c: PresenterCommand) =>
    child.send({ type: 'command', command: c } satisfies ToChild);
  const resultListeners = new Set<
    (event: Extract<RoomEvent, { type: 'results' }>, at: number) => void
  >();
  let resultEvents = 0;
  let heapMessage: Extract<FromChild, { type: 'heap' }> | null = null;
  const opened = new Promise<Extract<RoomEvent, { type: 'opened' }>>((resolveOpened, reject) => {
    child.on('message', (message: FromChild) => {
      const at = performance.now();
      if (message.type === 'heap') {
        heapMessage = message;
      } else if (message.event.type === 'opened') {
        resolveOpened(message.event);
      } else if (message.event.type === 'results') {
        resultEvents += 1;
        for (const listener of resultListeners) listener(message.event, at);
      }
    });
    child.once('exit', (code) => reject(new Error(`the room process ended (${code})`)));
  });
  const room = await opened;
  const clients = new RoomClients(room.port);
  const resultLatencies: number[] = [];
  const requestLatencies: number[] = [];
  const stateLatencies: number[] = [];
  let answers = 0;

  try {
    console.log(`bench: ${PARTICIPANTS} participants join…`);
    const joinStarted = performance.now();
    const tokens = await Promise.all(
      Array.from({ length: PARTICIPANTS }, async (_, index) => {
        const answer = await clients.call('/api/join', { code: room.joinCode, name: `p${index}` });
        if (answer.status !== 200) throw new Error(`join answered ${answer.status}`);
        return (JSON.parse(answer.text) as { token: string }).token;
      }),
    );
    const joinMs = performance.now() - joinStarted;

    // Each participant's stream: the question they see, and when their own answer comes back.
    const seen: Array<string | null> = Array.from({ length: PARTICIPANTS }, () => null);
    /** The question every participant should be shown next. */
    let expected: string | null = null;
    const waitingState = new Map<
      number,
      { sentAt: number; questionId: string; optionIds: string[] }
    >();
    await Promise.all(
      tokens.map((token, index) =>
        clients.stream(
          token,
          (state) => {
            seen[index] = state.question?.id ?? null;
            const waiting = waitingState.get(index);
            if (
              waiting &&
              state.question?.id === waiting.questionId &&
              sameIds(state.myVote, waiting.optionIds)
            ) {
              stateLatencies.push(performance.now() - waiting.sentAt);
              waitingState.delete(index);
            }
          },
          () => seen[index] !== expected || waitingState.has(index),
        ),
      ),
    );

    const waitUntil = async (done: () => boolean, what: string): Promise<void> => {
      const started = performance.now();
      while (!done()) {
        if (performance.now() - started > ROUND_TIMEOUT_MS) throw new Error(`timed out: ${what}`);
        await new Promise((resolveWait) => setTimeout(resolveWait, 5));
      }
    };

    for (let round = 0; round < VOTE_ROUNDS; round += 1) {
      const q = question(round);
      expected = q.id;
      command({ type: 'question', question: q });
      await waitUntil(() => seen.every((id) => id === q.id), `round ${round}: question shown`);
      console.log(`bench: round ${round + 1} of ${VOTE_ROUNDS} (${q.kind}), everyone at once…`);
      const pending = new Map<string, { sentAt: number; optionIds: string[] }>();
      const listener = (event: Extract<RoomEvent, { type: 'results' }>, at: number): void => {
        if (event.current?.questionId !== q.id) return;
        for (const vote of event.current.votes) {
          const entry = pending.get(vote.participant);
          if (entry && sameIds(vote.optionIds, entry.optionIds)) {
            resultLatencies.push(at - entry.sentAt);
            pending.delete(vote.participant);
          }
        }
      };
      resultListeners.add(listener);
      await Promise.all(
        tokens.map(async (token, index) => {
          const optionIds = choice(q, index, round);
          const sentAt = performance.now();
          pending.set(`p${index}`, { sentAt, optionIds });
          waitingState.set(index, { sentAt, questionId: q.id, optionIds });
          const answer = await clients.call('/api/vote', { questionId: q.id, optionIds }, token);
          requestLatencies.push(performance.now() - sentAt);
          answers += 1;
          if (answer.status !== 204)
            failures.push(`vote answered ${answer.status}: ${answer.text}`);
        }),
      );
      await waitUntil(() => pending.size === 0, `round ${round}: results include every vote`);
      await waitUntil(
        () => waitingState.size === 0,
        `round ${round}: every own vote streamed back`,
      );
      resultListeners.delete(listener);
    }

    // Q&A: everyone asks at once (the results must include each question), then upvotes.
    const qa: RoomQuestion = {
      id: 'bench-qa',
      kind: 'qa',
      prompt: 'Questions?',
      options: [],
      dots: 0,
    };
    expected = qa.id;
    command({ type: 'question', question: qa });
    await waitUntil(() => seen.every((id) => id === qa.id), 'Q&A shown');
    console.log('bench: Q&A round, everyone asks, then everyone upvotes…');
    const asked = new Map<string, number>();
    const noteIds: string[] = [];
    const qaListener = (event: Extract<RoomEvent, { type: 'results' }>, at: number): void => {
      for (const note of event.current?.notes ?? []) {
        const sentAt = asked.get(note.text);
        if (sentAt !== undefined) {
          resultLatencies.push(at - sentAt);
          asked.delete(note.text);
          noteIds.push(note.id);
        }
      }
    };
    resultListeners.add(qaListener);
    await Promise.all(
      tokens.map(async (token, index) => {
        const text = `Question ${index}: when will this be ready?`;
        const sentAt = performance.now();
        asked.set(text, sentAt);
        const answer = await clients.call('/api/note', { questionId: qa.id, text }, token);
        requestLatencies.push(performance.now() - sentAt);
        answers += 1;
        if (answer.status !== 204) failures.push(`note answered ${answer.status}`);
      }),
    );
    await waitUntil(() => asked.size === 0, 'Q&A: results include every question');
    resultListeners.delete(qaListener);
    await Promise.all(
      tokens.map(async (token, index) => {
        const noteId = noteIds[(index * 7) % noteIds.length] ?? '';
        const sentAt = performance.now();
        const answer = await clients.call('/api/upvote', { questionId: qa.id, noteId }, token);
        requestLatencies.push(performance.now() - sentAt);
        answers += 1;
        if (answer.status !== 204) failures.push(`upvote answered ${answer.status}`);
      }),
    );

    clients.close();
    const finished = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    child.send({ type: 'finish' } satisfies ToChild);
    await finished;
    const heap = heapMessage as Extract<FromChild, { type: 'heap' }> | null;
    if (heap === null) throw new Error('the room process did not report its heap');
    const mb = (bytes: number) => bytes / 2 ** 20;
    const result: RoomBenchResult = {
      date: new Date().toISOString(),
      load: { start, end: loadavg() },
      participants: PARTICIPANTS,
      voteRounds: VOTE_ROUNDS,
      actionSockets: ACTION_SOCKETS,
      joinMs,
      results: spread(resultLatencies),
      requests: spread(requestLatencies),
      ownState: spread(stateLatencies),
      resultEvents,
      answers,
      heap: {
        baselineMB: mb(heap.baseline),
        peakMB: mb(heap.peak),
        endMB: mb(heap.end),
        growthMB: mb(heap.peak - heap.baseline),
      },
      failures: failures.slice(0, 20),
    };
    mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
    writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(formatReport(result));
    if (failures.length > 0) throw new Error(`${failures.length} answers failed: ${failures[0]}`);
    return toBenchRows(result);
  } finally {
    clients.close();
    if (child.exitCode === null) child.kill();
  }
}

const ms = (value: number) => Math.round(value * 10) / 10;

/** The run in a few lines, for the console. */
export function formatReport(result: RoomBenchResult): string {
  const line = (name: string, s: Spread) =>
    `${name}: p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, max ${ms(s.max)} ms (n=${s.n})`;
  return [
    `Room bench: ${result.participants} participants, ${result.voteRounds} vote rounds and a Q&A round, ${result.answers} answers, ${result.resultEvents} results events; joining took ${Math.round(result.joinMs)} ms.`,
    line('Presenter results', result.results),
    line('Participant requests', result.requests),
    line('Own answer back on the stream', result.ownState),
    `Room process heap: ${result.heap.baselineMB.toFixed(1)} MB at start, peak ${result.heap.peakMB.toFixed(1)} MB, ${result.heap.endMB.toFixed(1)} MB after (growth ${result.heap.growthMB.toFixed(1)} MB).`,
  ].join('\n');
}

export function toBenchRows(result: RoomBenchResult): BenchRow[] {
  const detail = (s: Spread) => `p50 ${ms(s.p50)}, max ${ms(s.max)}, n=${s.n}`;
  const who = `${result.participants} participants at once`;
  return [
    {
      metric: `Presenter results p95, ${who}`,
      value: ms(result.results.p95),
      unit: 'ms',
      detail: `${detail(result.results)}; ${result.resultEvents} results events`,
      goal: { kind: 'atMost', limit: GOALS.resultsP95Ms },
    },
    {
      metric: `Participant request p95, ${who}`,
      value: ms(result.requests.p95),
      unit: 'ms',
      detail: `${detail(result.requests)}; ${result.actionSockets} sockets`,
      goal: { kind: 'below', limit: GOALS.requestP95Ms },
    },
    {
      metric: `Own answer back on the participant's stream p95`,
      value: ms(result.ownState.p95),
      unit: 'ms',
      detail: detail(result.ownState),
    },
    {
      metric: 'Room process heap growth (peak over start)',
      value: Math.round(result.heap.growthMB * 10) / 10,
      unit: 'MB',
      detail: `start ${result.heap.baselineMB.toFixed(1)}, peak ${result.heap.peakMB.toFixed(1)}, after ${result.heap.endMB.toFixed(1)} MB`,
      goal: { kind: 'below', limit: GOALS.heapGrowthMB },
    },
  ];
}

if (process.argv[1] === import.meta.filename) await runRoomBenchmark();
