/**
 * The anchoring worker: finds annotations' passages in a document's text off the page's main
 * thread, within one document's work budget (see core/annotations/anchoring/workMeter.ts), so
 * a crafted annotations file can cost at most that budget, and never a frozen reader.
 * Started by anchoringClient.ts, which sends a job's items in slices, then its text; it keeps
 * nothing between jobs.
 */
import { findAll } from '../../../core/annotations/anchoring/anchorAll';
import { WorkMeter } from '../../../core/annotations/anchoring/workMeter';
import type { AnchoringItem } from '../../../core/annotations';
import type { AnchoringMessage, AnchoringReply } from './anchoringClient';

/** The part of a dedicated worker's global scope used here (the DOM typings describe a page). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<AnchoringMessage>) => void) | null;
  postMessage: (reply: AnchoringReply) => void;
}

const scope = self as unknown as WorkerScope;

/** The items of the job being received; the page sends one job at a time. */
let receiving: { job: number; items: AnchoringItem[] } | null = null;

scope.onmessage = (event) => {
  const message = event.data;
  if (receiving?.job !== message.job) receiving = { job: message.job, items: [] };
  if (message.kind === 'items') {
    for (const item of message.items) receiving.items.push(item);
    return;
  }
  const { items } = receiving;
  receiving = null;
  const meter = new WorkMeter();
  const findings = findAll(message.text, items, meter);
  scope.postMessage({ job: message.job, findings, spent: meter.spent });
};
