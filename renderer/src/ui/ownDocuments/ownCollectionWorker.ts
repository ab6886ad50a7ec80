/**
 * The own-collection worker: builds the user's own documents into the library's collection
 * (each parsed and checked as a pack's document, then all indexed) off the page's main thread.
 * That costs several milliseconds per document, which would hold up typing and scrolling after
 * every save. Started by ownCollectionClient.ts.
 */
import { buildReply, type BuildRequest } from './ownCollectionProtocol';

self.addEventListener('message', (event: MessageEvent<BuildRequest>) => {
  const reply = buildReply(event.data);
  const fragments = reply.ok ? reply.built.fragments : null;
  // The index bytes are handed over, not copied. (The DOM typings describe `self` as a window;
  // in a dedicated worker this talks to the page that created it.)
  self.postMessage(reply, {
    transfer: fragments
      ? [fragments.core.buffer, fragments.positions.buffer, fragments.lexicon.buffer]
      : [],
  });
});
