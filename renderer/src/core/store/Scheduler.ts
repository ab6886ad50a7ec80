/**
 * Runs work later. Stores take one instead of calling `setTimeout` themselves, so their tests can
 * move time on by hand and see every debounce step happen in order, without real waiting.
 */
export interface Scheduler {
  /** Runs `task` once after `ms` milliseconds; the returned function cancels it if not yet run. */
  after(ms: number, task: () => void): () => void;
}

/** The real clock: `setTimeout`, which both the browser and Node provide. */
export const timerScheduler: Scheduler = {
  after(ms, task) {
    const id = setTimeout(task, ms);
    return () => clearTimeout(id);
  },
};
