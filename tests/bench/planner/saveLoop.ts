/**
 * The measured loop, shared by the Node and the Chromium runs: the real planner store (records
 * over the browser host's storage logic; tests/bench/team compares it with the old whole
 * document), one realistic edit per save (a task's owner, through the same `updateTask`
 * operation the task editor uses), then `await store.save(next)`, the call the UI's StoreSession
 * makes. Pure: no node:* and no DOM.
 */
import type { TaskId } from '../../../renderer/src/core/planner/ids';
import { updateTask } from '../../../renderer/src/core/planner/operations/tasks';
import { PLANNER_KEY, createPlannerStore } from '../../../renderer/src/core/planner/plannerStore';
import { recordLogKeys } from '../../../renderer/src/core/store/recordLogBackend';
import {
  createWebStorageDocuments,
  type StorageLike,
} from '../../../renderer/src/host/webStorageHost';
import { generatePlanner } from './generate';

/** Timings of one save, in ms. */
export interface SaveSample {
  /** The edit operation (updateTask) alone. */
  editMs: number;
  /** From `save()` to the host having stored the text. */
  saveMs: number;
  /**
   * How long the main thread was busy for this save: measured by the caller's `busyProbe`
   * (event-loop utilisation in Node, a posted-message probe in Chromium).
   */
  mainThreadMs: number;
}

export interface SaveRunResult {
  tasks: number;
  storedBytes: number;
  samples: SaveSample[];
}

/**
 * Measures `saves` saves after `warmup` unmeasured ones. `busyProbe(run)` runs `run` and resolves
 * with the main-thread time it took.
 */
export async function runSaves(
  storage: StorageLike,
  taskCount: number,
  saves: number,
  warmup: number,
  busyProbe: (run: () => Promise<void>) => Promise<number>,
): Promise<SaveRunResult> {
  const store = createPlannerStore(createWebStorageDocuments(storage));
  await store.load();
  let db = generatePlanner(taskCount);
  await store.save(db);
  const samples: SaveSample[] = [];
  for (let i = 0; i < warmup + saves; i++) {
    const taskId = `task-${(i * 7919) % taskCount}` as TaskId;
    const editStart = performance.now();
    db = updateTask(db, taskId, { owner: `Owner ${i}` }).db;
    const editMs = performance.now() - editStart;
    let saveMs = 0;
    const mainThreadMs = await busyProbe(async () => {
      const start = performance.now();
      await store.save(db);
      saveMs = performance.now() - start;
    });
    if (i >= warmup) samples.push({ editMs, saveMs, mainThreadMs });
  }
  // The planner's records and logs (recordLogBackend.ts), as the browser host keeps them.
  const { snapshot, logs } = recordLogKeys(PLANNER_KEY);
  const stored = [snapshot, ...logs].map((key) => storage.getItem(`onmuni:${key}`) ?? '').join('');
  return { tasks: taskCount, storedBytes: new TextEncoder().encode(stored).length, samples };
}
