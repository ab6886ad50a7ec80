import type { DocumentStorage, StoredTextParser } from '../store/DocumentStorage';
import { createJsonDocumentBackend } from '../store/jsonDocumentBackend';
import { createRecordLogBackend, type RecordLogBackend } from '../store/recordLogBackend';
import {
  annotationWrites,
  materializeAnnotations,
  type AnnotationRecordNotice,
} from '../team/annotationRecords';
import type { MemberId } from '../team/hlc';
import { localMemberId } from '../team/identity';
import { parseAnnotationsDocument } from './parseAnnotationsDocument';
import { emptyAnnotationsDatabase, type AnnotationsDatabase } from './schema';

/**
 * The annotations' name in host storage: their records are `annotations-records` and
 * `annotations-log-<n>` (recordLogBackend.ts). `annotations` itself is the whole-document store of
 * format 3 and older, read once to move its data into records and then left as it was, as the
 * backup.
 */
export const ANNOTATIONS_KEY = 'annotations';

/** The store holding the annotations database, as records (see core/team/annotationRecords.ts). */
export type AnnotationsStore = RecordLogBackend<AnnotationsDatabase, AnnotationRecordNotice>;

/**
 * Creates the annotations store over a host's storage. Operations are pure (they return a new
 * database); a `StoreSession` loads the store and saves each database they return: only the
 * annotations that changed are written, each under its own stamp. `parseText` reads the legacy
 * document (the UI reads a large one in a worker); `me` is this machine's member id (by default
 * the one kept in `storage`, asked for once the store is read), whose clock stamps every change
 * (`clock()`).
 */
export function createAnnotationsStore(
  storage: DocumentStorage,
  parseText?: StoredTextParser<AnnotationsDatabase>,
  me: MemberId | (() => Promise<MemberId>) = () => localMemberId(storage),
): AnnotationsStore {
  const legacy = createJsonDocumentBackend({
    storage,
    parseText,
    key: ANNOTATIONS_KEY,
    parse: parseAnnotationsDocument,
    defaults: emptyAnnotationsDatabase,
  });
  return createRecordLogBackend({
    storage,
    key: ANNOTATIONS_KEY,
    me,
    writes: annotationWrites,
    materialize: materializeAnnotations,
    legacy: { key: ANNOTATIONS_KEY, load: () => legacy.load() },
  });
}
