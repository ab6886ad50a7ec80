/**
 * The pack import worker's entry (see packProtocol.ts), loaded as a module worker from the app's
 * own origin, as the other import worker is (CSP `worker-src 'self'`).
 */
import { servePackImport } from './packService';

// The DOM typings describe `self` as a window; in a dedicated worker these calls talk to the page.
servePackImport({
  postMessage: (message) => self.postMessage(message),
  addEventListener: (type, listener) => self.addEventListener(type, listener),
});
