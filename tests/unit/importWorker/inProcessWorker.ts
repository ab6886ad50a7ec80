import { MessageChannel } from 'node:worker_threads';
import type { StartWorker } from '../../../renderer/src/ui/common/importWorker/importClient';
import type { ImportRequest } from '../../../renderer/src/ui/common/importWorker/importProtocol';
import { serveImports } from '../../../renderer/src/ui/common/importWorker/importService';
import type { ListPart } from '../../../renderer/src/ui/common/importWorker/listParts';

/** The import worker's real message loop on the far end of a real MessageChannel. */
export interface InProcessWorker {
  start: StartWorker;
  /** Every message the page side posted, in order (parts included). */
  readonly sent: (ImportRequest | ListPart)[];
  /** Every message the worker side posted, in order (parts included). */
  readonly received: unknown[];
  /** How many channels were opened and are still open. */
  open(): number;
}

/**
 * Runs `serveImports` in this thread over a MessageChannel: messages are structured-cloned as
 * between a page and its worker (Blobs included), so the protocol, the parts and the core
 * functions all run for real; only the thread is the same. Node has no Web Worker to run instead.
 */
export function inProcessWorker(partWeight?: number): InProcessWorker {
  const sent: (ImportRequest | ListPart)[] = [];
  const received: unknown[] = [];
  let open = 0;
  const start: StartWorker = (events) => {
    const { port1: page, port2: worker } = new MessageChannel();
    serveImports(
      {
        postMessage: (message) => worker.postMessage(message),
        addEventListener: (_type, listener) => worker.on('message', (data) => listener({ data })),
      },
      partWeight,
    );
    page.on('message', (data: unknown) => {
      received.push(data);
      events.message(data);
    });
    open++;
    let closed = false;
    return {
      post: (message) => {
        sent.push(message);
        page.postMessage(message);
      },
      terminate: () => {
        if (closed) return;
        closed = true;
        open--;
        page.close();
        worker.close();
      },
    };
  };
  return { start, sent, received, open: () => open };
}
