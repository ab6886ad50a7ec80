import type { DocumentStorage, StoredTextParser } from '../store/DocumentStorage';
import { createJsonDocumentBackend } from '../store/jsonDocumentBackend';
import { createRecordLogBackend, type RecordLogBackend } from '../store/recordLogBackend';
import type { MemberId } from '../team/hlc';
import { localMemberId } from '../team/identity';
import { materializePlanner, plannerWrites } from '../team/plannerRecords';
import type { RepairNotice } from '../team/plannerRepairs';
import { parsePlannerDocument } from './parsePlannerDocument';
import { emptyPlannerDatabase, type PlannerDatabase } from './schema';

/**
 * The planner's name in host storage: its records are `planner-records` and `planner-log-<n>`
 * (recordLogBackend.ts). `planner` itself is the whole-document store of version 3 and older,
 * read once to move its data into records and then left as it was, as the backup.
 */
export const PLANNER_KEY = 'planner';

/** The store holding the planner database, as records (see recordLogBackend.ts). */
export type PlannerStore = RecordLogBackend<PlannerDatabase, RepairNotice>;

/**
 * Creates the planner store over a host's storage. Operations are pure (they return a new
 * database); a `StoreSession` loads the store and saves each database they return: only the
 * plans, phases, tasks and assessments that changed are written. `parseText` reads the legacy
 * document (the UI reads a large one in a worker); `me` is this machine's member id (by default
 * the one kept in `storage`).
 */
export function createPlannerStore(
  storage: DocumentStorage,
  parseText?: StoredTextParser<PlannerDatabase>,
  me: MemberId | (() => Promise<MemberId>) = () => localMemberId(storage),
): PlannerStore {
  const legacy = createJsonDocumentBackend({
    storage,
    parseText,
    key: PLANNER_KEY,
    parse: parsePlannerDocument,
    defaults: emptyPlannerDatabase,
  });
  return createRecordLogBackend({
    storage,
    key: PLANNER_KEY,
    me,
    writes: plannerWrites,
    materialize: materializePlanner,
    legacy: { key: PLANNER_KEY, load: () => legacy.load() },
  });
}
