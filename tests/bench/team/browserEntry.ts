/**
 * Bundled (esbuild, IIFE) and evaluated in the served app's page, so both planner stores run in
 * Chromium's V8 over the browser host's real storage code and the real `window.localStorage`.
 */
import { createWebStorageDocuments } from '../../../renderer/src/host/webStorageHost';
import { plannerStoreOf, runStoreSaves, type StoreKind } from './saveLoop';

/**
 * Main-thread time of one save, in the page: a message posted just before the save is handled
 * only once the thread is free again (the save's synchronous work and its microtasks).
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

/** What the planner's documents take in localStorage, in UTF-16 units (backups not counted). */
function storedUnits(): number {
  let units = 0;
  for (let i = 0; i < window.localStorage.length; i++) {
    const key = window.localStorage.key(i) ?? '';
    if (key.startsWith('onmuni:planner') && !key.endsWith(':bak')) {
      units += key.length + (window.localStorage.getItem(key)?.length ?? 0);
    }
  }
  return units;
}

(window as unknown as Record<string, unknown>).__teamSaveBench = async (
  kind: StoreKind,
  taskCount: number,
  saves: number,
  warmup: number,
) => {
  window.localStorage.clear();
  try {
    const store = plannerStoreOf(kind, createWebStorageDocuments(window.localStorage));
    const result = await runStoreSaves(store, kind, taskCount, saves, warmup, busyProbe);
    return { ok: true, result, storedBytes: storedUnits() };
  } catch (error) {
    return {
      ok: false,
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  } finally {
    window.localStorage.clear();
  }
};
