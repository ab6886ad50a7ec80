import type { StartWorker } from './importClient';

/**
 * Starts the real import worker. Written as Vite's worker pattern (`new Worker(new URL(...,
 * import.meta.url))`) so the build emits the worker as its own same-origin script.
 */
export const startImportWorker: StartWorker = (events) => {
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), {
    type: 'module',
    name: 'onmuni-import',
  });
  worker.addEventListener('message', (event) => events.message(event.data));
  worker.addEventListener('messageerror', () => events.failure('a message could not be read'));
  worker.addEventListener('error', (event) => {
    // Keeps the failure out of the console as an uncaught error: the caller reports it instead.
    event.preventDefault();
    events.failure(event.message || null);
  });
  return { post: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
};
