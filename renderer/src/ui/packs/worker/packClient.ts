/**
 * The page's end of one pack import worker: sends a request, passes progress on, answers the
 * worker's question about the installed version, and resolves with the one answer. Terminating
 * it (Cancel, another file, leaving the page) stops the worker at once and answers `cancelled`.
 */
import type { PackProgress, PackReply, PackRequest } from './packProtocol';

/** What the client hears from the worker. */
export interface PackWorkerEvents {
  message(data: PackReply): void;
  /** The worker failed (an uncaught error, an unreadable message); `detail` says what, if known. */
  failure(detail: string | null): void;
}

/** The worker as the client drives it: a real Worker in the app, a MessageChannel in tests. */
export interface PackWorkerChannel {
  post(message: PackRequest): void;
  terminate(): void;
}

/** Starts a worker wired to `events`. May throw (for example when workers are not allowed). */
export type StartPackWorker = (events: PackWorkerEvents) => PackWorkerChannel;

/** The real worker, written as Vite's worker pattern so the build emits it as its own script. */
export const startPackWorker: StartPackWorker = (events) => {
  const worker = new Worker(new URL('./packWorker.ts', import.meta.url), {
    type: 'module',
    name: 'onmuni-packs',
  });
  worker.addEventListener('message', (event: MessageEvent<PackReply>) =>
    events.message(event.data),
  );
  worker.addEventListener('messageerror', () => events.failure('a message could not be read'));
  worker.addEventListener('error', (event) => {
    // Keeps the failure out of the console as an uncaught error: the page reports it instead.
    event.preventDefault();
    events.failure(event.message || null);
  });
  return { post: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
};

/** A final answer, or `cancelled` when the client was terminated first. */
export type PackOutcome =
  Exclude<PackReply, { type: 'progress' } | { type: 'need-installed' }> | { type: 'cancelled' };

/** Reads the documents.json of an installed version for the worker's comparison, or null. */
export type ReadInstalledDocuments = (id: string, version: string) => Promise<Uint8Array | null>;

/** One worker for one chosen pack, from its check to Install or Cancel. */
export class PackImportClient {
  private channel: PackWorkerChannel | null = null;
  private failure: PackOutcome | null = null;
  private pending: ((outcome: PackOutcome) => void) | null = null;
  private onProgress: ((progress: PackProgress) => void) | null = null;

  constructor(
    start: StartPackWorker,
    private readonly readInstalled: ReadInstalledDocuments,
  ) {
    try {
      this.channel = start({
        message: (data) => this.onMessage(data),
        failure: (detail) => this.fail(detail),
      });
    } catch (error) {
      this.failure = { type: 'failed', detail: error instanceof Error ? error.message : '' };
    }
  }

  /** Sends `request`; resolves with the worker's answer. One request at a time. */
  request(
    request: PackRequest,
    onProgress?: (progress: PackProgress) => void,
  ): Promise<PackOutcome> {
    if (this.failure) return Promise.resolve(this.failure);
    const channel = this.channel;
    if (!channel) return Promise.resolve({ type: 'cancelled' });
    this.onProgress = onProgress ?? null;
    const answer = new Promise<PackOutcome>((resolve) => (this.pending = resolve));
    channel.post(request);
    return answer;
  }

  /** Stops the worker at once; the pending request is answered `cancelled`. Idempotent. */
  terminate(): void {
    this.channel?.terminate();
    this.channel = null;
    this.settle({ type: 'cancelled' });
  }

  private onMessage(reply: PackReply): void {
    if (!this.channel) return;
    if (reply.type === 'progress') return this.onProgress?.(reply);
    if (reply.type === 'need-installed') {
      const answer = (bytes: Uint8Array | null) =>
        this.channel?.post({ type: 'installed-documents', bytes });
      this.readInstalled(reply.id, reply.version).then(answer, () => answer(null));
      return;
    }
    this.settle(reply);
  }

  private fail(detail: string | null): void {
    this.failure = { type: 'failed', detail: detail ?? '' };
    this.channel?.terminate();
    this.channel = null;
    this.settle(this.failure);
  }

  private settle(outcome: PackOutcome): void {
    const resolve = this.pending;
    this.pending = null;
    this.onProgress = null;
    resolve?.(outcome);
  }
}
