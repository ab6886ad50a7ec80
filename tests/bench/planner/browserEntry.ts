/**
 * Bundled (esbuild, IIFE) and evaluated in the served app's page, so the save loop runs in
 * Chromium's V8 against the real `window.localStorage`. Exposes one function on `window`.
 */
import { runSaves } from './saveLoop';

/**
 * Main-thread time of one save, in the page: a message posted just before the save is handled
 * only once the thread is free again, so the delay until it runs is the time the page could not
 * respond (the save's synchronous work and its microtasks).
 */
function busyProbe(run: () => Promise<void>): Promise<number> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const start = performance.now();
    channel.port1.onmessage = () => resolve(performance.now() - start);
    channel.port2.postMessage(null);
    run().catch(reject);
  });
}

(window as unknown as Record<string, unknown>).__plannerSaveBench = async (
  taskCount: number,
  saves: number,
  warmup: number,
) => {
  window.localStorage.clear();
  try {
    return {
      ok: true,
      result: await runSaves(window.localStorage, taskCount, saves, warmup, busyProbe),
    };
  } catch (error) {
    return {
      ok: false,
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  } finally {
    window.localStorage.clear();
  }
};
