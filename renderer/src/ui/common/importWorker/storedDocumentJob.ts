/**
 * The worker's side of opening a large stored document: the same `JSON.parse` and document
 * parser (migration, validation, repairs) the store runs for small documents, run here so the
 * page's main thread only receives the result, in parts.
 */
import { parseAnnotationsDocument } from '../../../core/annotations';
import { parsePlannerDocument } from '../../../core/planner/parsePlannerDocument';
import { parseStoredText, type ParsedDocument } from '../../../core/store/DocumentStorage';
import type { ImportReply, StoredDocumentKind, StoredRead } from './importProtocol';

/** The replies to `read-stored`. */
type StoredReply = StoredRead | Extract<ImportReply, { type: 'stored-not-json' }>;

/** Reads a stored document's text as its store would, and gives the result as a reply. */
export function readStoredDocument(store: StoredDocumentKind, text: string): StoredReply {
  if (store === 'planner') {
    const parsed = parseStoredText(text, parsePlannerDocument);
    return 'notJson' in parsed ? notJson(parsed.notJson) : { ...outcome(parsed), store };
  }
  const parsed = parseStoredText(text, parseAnnotationsDocument);
  return 'notJson' in parsed ? notJson(parsed.notJson) : { ...outcome(parsed), store };
}

function outcome<T>(parsed: ParsedDocument<T>) {
  return {
    type: 'stored-read' as const,
    data: parsed.data,
    issues: parsed.issues,
    migratedFrom: parsed.migratedFrom ?? null,
  };
}

function notJson(reason: string): StoredReply {
  return { type: 'stored-not-json', reason };
}
