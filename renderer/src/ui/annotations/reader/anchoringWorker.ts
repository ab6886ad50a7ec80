/**
 * The anchoring worker: finds annotations' passages in a document's text off the page's main
 * thread, within one document's work budget (see core/annotations/anchoring/workMeter.ts), so
 * a crafted annotations file can cost at most that budget, and never a frozen reader.
 * Started by anchoringClient.ts; the loop itself is in anchoringService.ts.
 */
import { serveAnchoring } from './anchoringService';

// The DOM typings describe `self` as a window; in a dedicated worker these two calls talk to the
// page that created it.
serveAnchoring({
  postMessage: (reply) => self.postMessage(reply),
  addEventListener: (type, listener) => self.addEventListener(type, listener),
});
