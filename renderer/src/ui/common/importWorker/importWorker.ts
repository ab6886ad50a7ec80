/**
 * The import worker's entry: parsing and checking imported files off the page's main thread.
 * Loaded by createImportWorker.ts as a module worker, from the same origin (CSP `worker-src
 * 'self'`) on both hosts: the browser edition's server and the desktop's app:// scheme serve the
 * same built files.
 */
import { serveImports } from './importService';

// The DOM typings describe `self` as a window; in a dedicated worker these two calls talk to the
// page that created it.
serveImports({
  postMessage: (message) => self.postMessage(message),
  addEventListener: (type, listener) => self.addEventListener(type, listener),
});
