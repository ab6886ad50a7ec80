/**
 * The heap of a page and all its dedicated workers together, read through the DevTools protocol
 * while an import runs. Each isolate is read with `Runtime.getHeapUsage`; "heap" here is the
 * JavaScript heap in use, plus the embedder's (DOM) heap, plus array-buffer and external-string
 * storage: a file read into an ArrayBuffer or a string handed to a worker counts too.
 *
 * Workers are reached by auto-attaching to them from a page session in the protocol's non-flat
 * mode (messages wrapped in `Target.sendMessageToTarget`): Playwright's own CDP session object
 * only speaks for its page, and drops messages addressed to child sessions it did not create.
 */
import type { CDPSession, Page } from 'playwright-core';
import { sleep, within } from './bounded';

/** How long one isolate may take to answer before its last reading stands in for it. */
const READ_LIMIT_MS = 1_000;

/** The parts of `Runtime.getHeapUsage`'s answer counted (the last two are newer fields). */
interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

interface WorkerTarget {
  url: string;
  /** Bytes at the last answer; stands in when the worker is too busy to answer in time. */
  lastBytes: number;
}

interface PendingCall {
  sessionId: string;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/** The heap at one moment, summed over the page and its workers. */
export interface HeapReading {
  bytes: number;
  /** Isolates read (the page plus live workers). */
  isolates: number;
  /** Isolates that did not answer in time; their previous reading was used. */
  stale: number;
}

/** What sampling saw between `start()` and `stop()`. */
export interface HeapSeries {
  maxBytes: number;
  samples: number;
  /** The longest time between two readings, in ms: a peak shorter than this may be missed. */
  largestGapMs: number;
  /** Readings where an isolate was too busy to answer and its previous value stood in. */
  staleReadings: number;
}

function bytesOf(usage: HeapUsage): number {
  return usage.usedSize + (usage.embedderHeapUsedSize ?? 0) + (usage.backingStorageSize ?? 0);
}

/** Samples the heap of one page and every dedicated worker it starts. */
export class HeapSampler {
  private readonly workers = new Map<string, WorkerTarget>();
  private readonly pending = new Map<number, PendingCall>();
  private nextId = 1;
  private pageBytes = 0;
  private sampling: Promise<HeapSeries> | null = null;
  private running = false;
  /** Workers seen since attaching, including those that have ended. */
  workersSeen = 0;
  /** Why workers cannot be counted, when the browser refused to auto-attach to them. */
  workerProblem: string | null = null;

  private constructor(private readonly cdp: CDPSession) {}

  /** Opens a DevTools session on the page and starts following its workers. */
  static async attach(page: Page): Promise<HeapSampler> {
    const sampler = new HeapSampler(await page.context().newCDPSession(page));
    await sampler.followWorkers();
    return sampler;
  }

  private async followWorkers(): Promise<void> {
    this.cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
      if (targetInfo.type !== 'worker') return;
      this.workers.set(sessionId, { url: targetInfo.url, lastBytes: 0 });
      this.workersSeen += 1;
    });
    this.cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
      this.workers.delete(sessionId);
      for (const [id, call] of this.pending) {
        if (call.sessionId !== sessionId) continue;
        this.pending.delete(id);
        call.reject(new Error('the worker ended'));
      }
    });
    this.cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
      const reply = JSON.parse(message) as { id?: number; result?: unknown; error?: unknown };
      const call = reply.id === undefined ? undefined : this.pending.get(reply.id);
      if (!call || reply.id === undefined) return;
      this.pending.delete(reply.id);
      if (reply.error) call.reject(new Error(JSON.stringify(reply.error)));
      else call.resolve(reply.result);
    });
    try {
      await this.cdp.send('Target.setAutoAttach', {
        autoAttach: true,
        waitForDebuggerOnStart: false,
        flatten: false,
      });
    } catch (error) {
      this.workerProblem = `workers not counted: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Sends one protocol command to a worker and waits for its answer. */
  private callWorker(sessionId: string, method: string): Promise<unknown> {
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { sessionId, resolve, reject });
      this.cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
        .catch((error: unknown) => {
          this.pending.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  }

  /** Forces a full garbage collection in the page and every worker, for a clean baseline. */
  async collectGarbage(): Promise<void> {
    await Promise.all([
      within(5_000, this.cdp.send('HeapProfiler.collectGarbage')),
      ...[...this.workers.keys()].map((sessionId) =>
        within(5_000, this.callWorker(sessionId, 'HeapProfiler.collectGarbage')),
      ),
    ]);
  }

  /** Reads every isolate at once; one that is too busy to answer counts with its last value. */
  async read(): Promise<HeapReading> {
    let stale = 0;
    const page = await within(READ_LIMIT_MS, this.cdp.send('Runtime.getHeapUsage'));
    if (page.ok) this.pageBytes = bytesOf(page.value);
    else stale += 1;
    const workers = await Promise.all(
      [...this.workers.entries()].map(async ([sessionId, worker]) => {
        const answer = await within(
          READ_LIMIT_MS,
          this.callWorker(sessionId, 'Runtime.getHeapUsage') as Promise<HeapUsage>,
        );
        if (answer.ok) worker.lastBytes = bytesOf(answer.value);
        else stale += 1;
        return worker.lastBytes;
      }),
    );
    return {
      bytes: this.pageBytes + workers.reduce((sum, bytes) => sum + bytes, 0),
      isolates: 1 + workers.length,
      stale,
    };
  }

  /** Starts reading every `intervalMs` (one reading at a time, never piling up). */
  start(intervalMs: number): void {
    if (this.sampling) throw new Error('HeapSampler is already sampling');
    this.running = true;
    this.sampling = (async () => {
      const series: HeapSeries = { maxBytes: 0, samples: 0, largestGapMs: 0, staleReadings: 0 };
      let previous = performance.now();
      while (this.running) {
        const reading = await this.read();
        const now = performance.now();
        series.maxBytes = Math.max(series.maxBytes, reading.bytes);
        series.samples += 1;
        series.largestGapMs = Math.max(series.largestGapMs, now - previous);
        if (reading.stale > 0) series.staleReadings += 1;
        previous = now;
        if (this.running) await sleep(intervalMs);
      }
      return series;
    })();
  }

  /** Stops sampling, takes one last reading, and returns what was seen. */
  async stop(): Promise<HeapSeries> {
    if (!this.sampling) throw new Error('HeapSampler.stop() before start()');
    this.running = false;
    const series = await this.sampling;
    this.sampling = null;
    const last = await this.read();
    return { ...series, maxBytes: Math.max(series.maxBytes, last.bytes) };
  }

  /** Closes the DevTools session (bounded: the page may be frozen). */
  async detach(): Promise<void> {
    await within(5_000, this.cdp.detach());
  }
}
