/**
 * The page's end of one import worker: sends a request (its large lists in parts, with a pause
 * between parts so the page keeps answering), waits for the one answer, and turns everything that
 * can go wrong with the worker into a refusal the panel can show: a worker that cannot start, one
 * that stops with an error, a message that cannot be read, or no answer for too long.
 */
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/i18n';
import { wordError, wordMessage, wordProblems } from '../i18n/wordMessage';
import type { ImportReply, ImportRequest, WorkerReply } from './importProtocol';
import { PART_WEIGHT, PartCollector, splitIntoParts, type ListPart } from './listParts';

/**
 * How long a request may go without a word from the worker. Far above the 3-second goal for a
 * 20 MB file, so only a runaway worker reaches it; terminating it then frees its memory before it
 * can grow to the engine's limit (in Chromium an out-of-memory worker takes the page down with it,
 * which no error handler can catch).
 */
export const WORKER_SILENCE_LIMIT_MS = 20_000;

/** The worker as the client drives it: a real Worker in the app, a MessageChannel in tests. */
export interface WorkerChannel {
  post(message: ImportRequest | ListPart): void;
  terminate(): void;
}

/** What the client hears from the worker. */
export interface WorkerEvents {
  /** A message from the worker. */
  message(data: unknown): void;
  /** The worker failed (an uncaught error, an unreadable message); `detail` says what, if known. */
  failure(detail: string | null): void;
}

/** Starts a worker wired to `events`. May throw (for example when workers are not allowed). */
export type StartWorker = (events: WorkerEvents) => WorkerChannel;

/** The answer to a request, or `cancelled` when the client was terminated before it came. */
export type ImportOutcome = ImportReply | { type: 'cancelled' };

export interface ImportClientOptions {
  /** Defaults to `WORKER_SILENCE_LIMIT_MS`. */
  silenceLimitMs?: number;
  /** The weight of a part of a long list. Defaults to `PART_WEIGHT`. */
  partWeight?: number;
}

/** One worker for one imported file, from its check to the user's choice. */
export class ImportWorkerClient {
  private readonly collector = new PartCollector();
  private readonly silenceLimitMs: number;
  private readonly partWeight: number;
  private channel: WorkerChannel | null = null;
  /** Set once the worker is gone: every later request is answered with this refusal. */
  private broken: ImportReply | null = null;
  private terminated = false;
  private pending: ((outcome: ImportOutcome) => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(startWorker: StartWorker, options: ImportClientOptions = {}) {
    this.silenceLimitMs = options.silenceLimitMs ?? WORKER_SILENCE_LIMIT_MS;
    this.partWeight = options.partWeight ?? PART_WEIGHT;
    try {
      this.channel = startWorker({
        message: (data) => this.onMessage(data),
        failure: (detail) => this.fail(workerStopped(detail)),
      });
    } catch (error) {
      this.broken = workerStopped(wordError(error));
    }
  }

  /**
   * Sends one request and resolves with the worker's answer. One request at a time: the panels
   * wait for each answer before sending the next.
   */
  async request(request: ImportRequest): Promise<ImportOutcome> {
    if (this.terminated) return { type: 'cancelled' };
    if (this.broken || !this.channel) return this.broken ?? workerStopped(null);
    const answer = new Promise<ImportOutcome>((resolve) => {
      this.pending = resolve;
    });
    for (const message of splitIntoParts(request, this.partWeight)) {
      if (this.terminated || this.broken || !this.channel) break;
      try {
        this.channel.post(message);
      } catch (error) {
        // A value that cannot be copied to the worker: a bug, reported like a failed worker.
        this.fail(workerStopped(wordError(error)));
        break;
      }
      // A part costs the page some milliseconds to serialise; yielding after each lets a click
      // or a key press in between.
      if (message.type === 'part') await yieldToPage();
    }
    this.watch();
    return answer;
  }

  /** Stops the worker at once (a new file was chosen, or the panel closed). Idempotent. */
  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.stopWatching();
    this.channel?.terminate();
    this.channel = null;
    this.settle({ type: 'cancelled' });
  }

  private onMessage(data: unknown): void {
    if (this.terminated) return;
    // Our own worker posts only replies and parts of them.
    const reply = this.collector.receive(data as WorkerReply | ListPart);
    if (!reply) {
      this.watch(); // a part: the worker is alive and working
      return;
    }
    this.stopWatching();
    this.settle(
      reply.type === 'refused-named'
        ? {
            type: 'refused',
            message: reply.message && wordMessage(reply.message),
            problems: wordProblems(reply.problems),
          }
        : reply,
    );
  }

  private fail(refusal: ImportReply): void {
    if (this.terminated || this.broken) return;
    this.broken = refusal;
    this.stopWatching();
    this.collector.clear();
    this.channel?.terminate();
    this.channel = null;
    this.settle(refusal);
  }

  private settle(outcome: ImportOutcome): void {
    const resolve = this.pending;
    this.pending = null;
    resolve?.(outcome);
  }

  /** (Re)starts the silence watchdog while an answer is awaited. */
  private watch(): void {
    this.stopWatching();
    if (!this.pending) return;
    this.timer = setTimeout(() => this.fail(tooSlow(this.silenceLimitMs)), this.silenceLimitMs);
  }

  private stopWatching(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function refusedFor(problem: string): ImportReply {
  return { type: 'refused', message: null, problems: [problem] };
}

function workerStopped(detail: string | null): ImportReply {
  const why = detail ? t('common:importWorker.stoppedWhy', { detail: detail.slice(0, 160) }) : '';
  return refusedFor(t('common:importWorker.stopped', { why }));
}

function tooSlow(limitMs: number): ImportReply {
  const count = Math.round(limitMs / 1000);
  return refusedFor(t('common:importWorker.tooSlow', { count, seconds: formatNumber(count) }));
}
