/**
 * The anchoring worker's message loop: collects a job's items (sent in parts, see listParts.ts),
 * then finds them all in the document's text within one document's work budget and answers with
 * one finding per item. It talks to a port, not to the worker global, so unit tests run it over
 * a real MessageChannel.
 */
import { findAll, type AnchorFinding, type AnchoringItem } from '../../../core/annotations';
import { WorkMeter } from '../../../core/annotations/anchoring/workMeter';
import { PartCollector, type ListPart } from '../../common/importWorker/listParts';

/** A job: the document's text and the annotations to find in it (`items` may come in parts). */
export interface AnchoringRequest {
  type: 'anchor';
  job: number;
  data: { text: string; items: AnchoringItem[] };
}

/** What the worker posts back: one finding per item, in order, and the work it cost. */
export interface AnchoringReply {
  job: number;
  findings: AnchorFinding[];
  spent: number;
}

/** The worker's end of the channel to the page. */
export interface AnchoringPort {
  postMessage(reply: AnchoringReply): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Starts answering anchoring jobs on `port`. */
export function serveAnchoring(port: AnchoringPort): void {
  const collector = new PartCollector();
  port.addEventListener('message', (event) => {
    // Only the page's own code can post to a dedicated worker, and it posts these types.
    const request = collector.receive(event.data as AnchoringRequest | ListPart);
    if (!request) return;
    const meter = new WorkMeter();
    const findings = findAll(request.data.text, request.data.items, meter);
    port.postMessage({ job: request.job, findings, spent: meter.spent });
  });
}
