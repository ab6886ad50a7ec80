/**
 * The measured loop of the team bench, shared by the Node and the Chromium runs: a planner store
 * (the whole-document store the planner had, or the record-log store it has now), one realistic
 * edit per save (a task's owner, through the `updateTask` operation the task editor uses), then
 * `await store.save(next)`, the call the UI's StoreSession makes. Pure: no node:* and no DOM.
 */
import type { TaskId } from '../../../renderer/src/core/planner/ids';
import { updateTask } from '../../../renderer/src/core/planner/operations/tasks';
import { parsePlannerDocument } from '../../../renderer/src/core/planner/parsePlannerDocument';
import { PLANNER_KEY, createPlannerStore } from '../../../renderer/src/core/planner/plannerStore';
import {
  emptyPlannerDatabase,
  type PlannerDatabase,
} from '../../../renderer/src/core/planner/schema';
import type { DocumentStorage } from '../../../renderer/src/core/store/DocumentStorage';
import { createJsonDocumentBackend } from '../../../renderer/src/core/store/jsonDocumentBackend';
import type { StoreBackend } from '../../../renderer/src/core/store/StoreBackend';
import type { MemberId } from '../../../renderer/src/core/team/hlc';
import type { SaveSample } from '../planner/saveLoop';
import { generatePlanner } from '../planner/generate';

/** The two stores compared. */
export const STORE_KINDS = ['document', 'records'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

const BENCH_MEMBER = 'benchbenchbench1' as MemberId;

/** The planner store of `kind` over `storage`. */
export function plannerStoreOf(
  kind: StoreKind,
  storage: DocumentStorage,
): StoreBackend<PlannerDatabase> {
  if (kind === 'records') return createPlannerStore(storage, undefined, BENCH_MEMBER);
  // The planner's store before issue 16: the whole database as one document, every save.
  return createJsonDocumentBackend({
    storage,
    key: PLANNER_KEY,
    parse: parsePlannerDocument,
    defaults: emptyPlannerDatabase,
  });
}

export interface StoreRunResult {
  kind: StoreKind;
  tasks: number;
  /** The first save, of every task: for the records, a snapshot (what compaction writes). */
  firstSaveMs: number;
  samples: SaveSample[];
}

/**
 * Saves a generated planner of `taskCount` tasks once, then times `saves` one-edit saves after
 * `warmup` unmeasured ones. `busyProbe(run)` runs `run` and resolves with its main-thread time.
 */
export async function runStoreSaves(
  store: StoreBackend<PlannerDatabase>,
  kind: StoreKind,
  taskCount: number,
  saves: number,
  warmup: number,
  busyProbe: (run: () => Promise<void>) => Promise<number>,
): Promise<StoreRunResult> {
  await store.load();
  let db = generatePlanner(taskCount);
  const firstStart = performance.now();
  await store.save(db);
  const firstSaveMs = performance.now() - firstStart;
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
  return { kind, tasks: taskCount, firstSaveMs, samples };
}
