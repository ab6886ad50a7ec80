import type {
  BuiltOwnCollection,
  OwnCollectionContext,
} from '../../core/ownDocuments/buildCollection';
import type { OwnDocument } from '../../core/ownDocuments/schema';
import { buildReply, type BuildReply, type BuildRequest } from './ownCollectionProtocol';

/**
 * Builds the own collection in a Web Worker, always: measured on this project's machines, it
 * takes several milliseconds per document (13 ms for one, 140 ms for ten, 750 ms for 200), so
 * even a handful of documents would drop frames if built on the page after every save. The worker
 * is started once and kept; jobs run one at a time, and a job overtaken by a newer one is
 * answered with the newer one's result (the library only ever wants the latest documents).
 * Where no worker can run (it fails to start or to load), the build runs on the page.
 */

let worker: Worker | null = null;
let workersFailed = false;
let nextJob = 1;
/** Jobs not answered yet, by job number (in the order they were asked). */
const waiting = new Map<number, { request: BuildRequest; resolve: (reply: BuildReply) => void }>();

export function buildInWorker(
  documents: readonly OwnDocument[],
  context: OwnCollectionContext,
): Promise<BuiltOwnCollection> {
  const request: BuildRequest = {
    job: nextJob++,
    documents,
    vocabulary: context.vocabulary,
    bundledIds: [...context.bundledIds],
    releaseText: context.releaseText,
  };
  const reply = new Promise<BuildReply>((resolve) =>
    waiting.set(request.job, { request, resolve }),
  );
  if (!post(request)) settle(buildReply(request));
  return reply.then((answer) => {
    if (answer.ok) return answer.built;
    throw new Error(answer.message);
  });
}

function post(request: BuildRequest): boolean {
  if (workersFailed || typeof Worker === 'undefined') return false;
  try {
    worker ??= startWorker();
    worker.postMessage(request);
    return true;
  } catch {
    workersFailed = true;
    return false;
  }
}

function startWorker(): Worker {
  const started = new Worker(new URL('./ownCollectionWorker.ts', import.meta.url), {
    type: 'module',
    name: 'own-collection',
  });
  started.onmessage = (event: MessageEvent<BuildReply>) => settle(event.data);
  started.onerror = (event) => {
    // The worker could not load or failed: build what waits on the page, and do not start
    // workers again this session.
    event.preventDefault();
    workersFailed = true;
    started.terminate();
    if (worker === started) worker = null;
    const latest = [...waiting.values()].at(-1);
    if (latest) settle(buildReply(latest.request));
  };
  return started;
}

/** Answers `reply.job`; jobs still waiting from before it would be stale, so they get it too. */
function settle(reply: BuildReply): void {
  for (const [job, { resolve }] of waiting) {
    if (job > reply.job) continue;
    waiting.delete(job);
    resolve({ ...reply, job });
  }
}
