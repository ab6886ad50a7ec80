import type { DocumentStorage } from '../store/DocumentStorage';
import { createJsonDocumentBackend } from '../store/jsonDocumentBackend';
import { createRecordLogBackend, type RecordLogBackend } from '../store/recordLogBackend';
import type { MemberId } from '../team/hlc';
import { localMemberId } from '../team/identity';
import type { ItemRecordNotice } from '../team/itemRecords';
import { materializeWorkshops, workshopWrites } from '../team/workshopRecords';
import { parseWorkshopsDocument } from './parseWorkshopsDocument';
import { emptyWorkshopsDatabase, type WorkshopsDatabase } from './schema';

/**
 * The workshops' name in host storage: their records are `workshops-records` and
 * `workshops-log-<n>` (recordLogBackend.ts). `workshops` itself is the whole-document store of
 * format 2 and older, read once to move its data into records and then left as it was, as the
 * backup.
 */
export const WORKSHOPS_KEY = 'workshops';

/** The store holding user workshops and recorded sessions, as records (workshopRecords.ts). */
export type WorkshopsStore = RecordLogBackend<WorkshopsDatabase, ItemRecordNotice>;

/**
 * Creates the workshops store over a host's storage. Operations are pure (they return a new
 * database); a `StoreSession` loads the store and saves each database they return: only the
 * sessions and workshops that changed are written. `me` is this machine's member id (by default
 * the one kept in `storage`), whose clock stamps every change.
 */
export function createWorkshopsStore(
  storage: DocumentStorage,
  me: MemberId | (() => Promise<MemberId>) = () => localMemberId(storage),
): WorkshopsStore {
  const legacy = createJsonDocumentBackend({
    storage,
    key: WORKSHOPS_KEY,
    parse: parseWorkshopsDocument,
    defaults: emptyWorkshopsDatabase,
  });
  return createRecordLogBackend({
    storage,
    key: WORKSHOPS_KEY,
    me,
    writes: workshopWrites,
    materialize: materializeWorkshops,
    legacy: { key: WORKSHOPS_KEY, load: () => legacy.load() },
  });
}
