/**
 * The anchoring worker: finds annotations' passages in a document's text off the page's main
 * thread, within one document's work budget (see core/annotations/anchoring/workMeter.ts), so
 * a crafted annotations file can cost at most that budget, and never a frozen reader.
 * Started by anchoringClient.ts; it keeps nothing between jobs.
 */
import { findAll } from '../../../core/annotations/anchoring/anchorAll';
import { WorkMeter } from '../../../core/annotations/anchoring/workMeter';
import type { AnchoringReply, AnchoringRequest } from './anchoringClient';

/** The part of a dedicated worker's global scope used here (the DOM typings describe a page). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<AnchoringRequest>) => void) | null;
  postMessage: (reply: AnchoringReply) => void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { job, text, items } = event.data;
  const meter = new WorkMeter();
  const findings = findAll(text, items, meter);
  scope.postMessage({ job, findings, spent: meter.spent });
};
