import { findAll, type AnchorFinding, type AnchoringItem } from '../../../core/annotations';
import { WorkMeter } from '../../../core/annotations/anchoring/workMeter';
import { splitIntoParts } from '../../common/importWorker/listParts';
import type { AnchoringReply, AnchoringRequest } from './anchoringService';

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
  const request: AnchoringRequest = { type: 'anchor', job: nextJob++, data: { text, items } };
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
  void sendInParts(worker, request);
  return true;
}

/**
 * Sends the job, its items in parts with a pause after each (copying 2,900 near-miss quotes of
 * 6,000 characters in one message held the page for about 420 ms), then the rest, which starts
 * the work. Stops if a newer job took over; a job that cannot be copied finishes on the page.
 */
async function sendInParts(target: Worker, request: AnchoringRequest): Promise<void> {
  const stillRunning = () => running?.request.job === request.job && worker === target;
  try {
    for (const message of splitIntoParts(request)) {
      if (!stillRunning()) return;
      target.postMessage(message);
      if (message.type === 'part') await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } catch {
    // The worker holds part of a job it will never finish: let it go with the job.
    workersFailed = true;
    target.terminate();
    if (worker === target) worker = null;
    if (running?.request.job === request.job) runOnPage(request);
  }
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
    finish(findAll(request.data.text, request.data.items, new WorkMeter(MAIN_THREAD_BUDGET)));
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
