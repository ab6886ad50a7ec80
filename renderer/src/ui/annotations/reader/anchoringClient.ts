import { findAll, type AnchorFinding, type AnchoringItem } from '../../../core/annotations';
import { WorkMeter } from '../../../core/annotations/anchoring/workMeter';

/** A job: the document's text and the annotations to find in it. */
export interface AnchoringRequest {
  job: number;
  text: string;
  items: AnchoringItem[];
}

/**
 * What the page posts to the anchoring worker: a job's items in slices, then the text, which
 * starts the work. Copying 2,900 near-miss quotes of 6,000 characters to the worker in one message
 * held the page's main thread for about 420 ms (Chromium, this project's 2-core machine); in
 * slices of `SLICE_CHARACTERS`, each copy is a few milliseconds and the page answers in between.
 */
export type AnchoringMessage =
  | { job: number; kind: 'items'; items: AnchoringItem[] }
  | { job: number; kind: 'run'; text: string };

/** Characters of selector text per slice of items (about 5 ms to copy). */
export const SLICE_CHARACTERS = 200_000;

/** What the worker posts back: one finding per item, in order, and the work it cost. */
export interface AnchoringReply {
  job: number;
  findings: AnchorFinding[];
  spent: number;
}

/** A job under way; `done` gives null if the job was cancelled or overtaken by a newer one. */
export interface AnchoringJob {
  done: Promise<AnchorFinding[] | null>;
  cancel: () => void;
}

/**
 * Work allowed on the page itself where no worker can run (one is refused or fails to start):
 * a few tens of milliseconds, so the page never freezes. What does not fit is listed as not
 * searched and can be looked for again, one more slice at a time.
 */
export const MAIN_THREAD_BUDGET = 1_000_000;

interface Running {
  request: AnchoringRequest;
  settle: (findings: AnchorFinding[] | null) => void;
}

let worker: Worker | null = null;
let running: Running | null = null;
let nextJob = 1;
let workersFailed = false;

/**
 * Finds the items' passages in `text` in a Web Worker, with one document's work budget. One job
 * runs at a time: a new one stops the worker running an older one (whose answer would be stale,
 * and might be a crafted file's full budget of work) and starts a fresh worker.
 */
export function findInWorker(text: string, items: AnchoringItem[]): AnchoringJob {
  if (running) stopRunning();
  const request: AnchoringRequest = { job: nextJob++, text, items };
  const done = new Promise<AnchorFinding[] | null>((settle) => {
    running = { request, settle };
  });
  if (!post(request)) runOnPage(request);
  return {
    done,
    cancel: () => {
      if (running?.request.job === request.job) stopRunning();
    },
  };
}

/** Starts sending to the worker, starting it if needed; false when no worker can run here. */
function post(request: AnchoringRequest): boolean {
  if (workersFailed || typeof Worker === 'undefined') return false;
  try {
    worker ??= startWorker();
  } catch {
    workersFailed = true;
    return false;
  }
  void sendInSlices(worker, request);
  return true;
}

/** Sends the job's items in slices with a pause after each, then the text; stops if overtaken. */
async function sendInSlices(target: Worker, request: AnchoringRequest): Promise<void> {
  const { job } = request;
  const stillRunning = () => running?.request.job === job && worker === target;
  try {
    for (const items of slicesOf(request.items, SLICE_CHARACTERS)) {
      if (!stillRunning()) return;
      target.postMessage({ job, kind: 'items', items } satisfies AnchoringMessage);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (stillRunning())
      target.postMessage({ job, kind: 'run', text: request.text } satisfies AnchoringMessage);
  } catch {
    // A value that cannot be copied: finish on the page, as when the worker fails.
    workersFailed = true;
    if (stillRunning()) runOnPage(request);
  }
}

/** Consecutive slices of `items`, each holding about `maxCharacters` of selector text. */
export function slicesOf(
  items: readonly AnchoringItem[],
  maxCharacters: number,
): AnchoringItem[][] {
  const slices: AnchoringItem[][] = [];
  let slice: AnchoringItem[] = [];
  let characters = 0;
  for (const item of items) {
    slice.push(item);
    characters += selectorCharacters(item);
    if (characters >= maxCharacters) {
      slices.push(slice);
      slice = [];
      characters = 0;
    }
  }
  if (slice.length > 0 || slices.length === 0) slices.push(slice);
  return slices;
}

/** The text an item carries: its quotes, prefixes and suffixes (the rest is a few numbers). */
function selectorCharacters(item: AnchoringItem): number {
  let characters = 0;
  for (const selector of item.selectors) {
    if (selector.type === 'TextQuoteSelector') {
      characters +=
        selector.exact.length + (selector.prefix?.length ?? 0) + (selector.suffix?.length ?? 0);
    }
  }
  return characters + 100;
}

function startWorker(): Worker {
  const started = new Worker(new URL('./anchoringWorker.ts', import.meta.url), {
    type: 'module',
    name: 'anchoring',
  });
  started.onmessage = (event: MessageEvent<AnchoringReply>) => {
    const reply = event.data;
    if (running?.request.job !== reply.job) return;
    finish(reply.findings);
  };
  started.onerror = (event) => {
    // The worker could not load or failed: finish its job on the page, in a bounded slice, and
    // do not start workers again this session.
    event.preventDefault();
    workersFailed = true;
    started.terminate();
    if (worker === started) worker = null;
    if (running) runOnPage(running.request);
  };
  return started;
}

function runOnPage(request: AnchoringRequest): void {
  // In a task of its own, after the page has shown the document.
  window.setTimeout(() => {
    if (running?.request.job !== request.job) return;
    finish(findAll(request.text, request.items, new WorkMeter(MAIN_THREAD_BUDGET)));
  }, 0);
}

function finish(findings: AnchorFinding[] | null): void {
  const done = running;
  running = null;
  done?.settle(findings);
}

function stopRunning(): void {
  worker?.terminate();
  worker = null;
  finish(null);
}
