import { problemLine, withOutcome, type ProblemLine } from '../common/problemLine';
import type { ParsedDocument } from '../store/DocumentStorage';
import { keepValidItems } from '../store/keepValidItems';
import { isPlainObject, migrateOwnDocumentsDocument } from './migrations';
import {
  OWN_LIMITS,
  emptyOwnDocumentsDatabase,
  ownDocumentSchema,
  ownDocumentsDatabaseSchema,
  type OwnDocumentsDatabase,
} from './schema';

/**
 * Turns the stored own-documents document (any JSON value) into the current database. Never
 * throws. A valid document (after migration) is returned as is; anything else is salvaged
 * document by document: an invalid one, or the second with an id already seen, is dropped and
 * listed in `issues`, and so are valid ones beyond the most the store keeps. The store keeps the original text aside before the salvaged data can be
 * saved over it (DocumentStorageAdapter), so nothing the user wrote is destroyed.
 */
export function parseOwnDocumentsDocument(raw: unknown): ParsedDocument<OwnDocumentsDatabase> {
  if (!isPlainObject(raw)) {
    return {
      data: emptyOwnDocumentsDatabase(),
      issues: [
        withOutcome(
          problemLine(undefined, 'problems:stored.notAnObject'),
          'problems:outcome.startedWithNone',
        ),
      ],
    };
  }
  const issues: ProblemLine[] = [];
  let doc = raw;
  let fromVersion: number | undefined;
  const migrated = migrateOwnDocumentsDocument(raw);
  if (migrated.ok) {
    doc = migrated.doc;
    fromVersion = migrated.fromVersion;
    const parsed = ownDocumentsDatabaseSchema.safeParse(doc);
    if (parsed.success) return withVersion({ data: parsed.data, issues }, fromVersion);
  } else {
    // A newer format: keep the documents this version can read; the original is kept aside.
    issues.push(withOutcome(migrated.problem, 'problems:outcome.keptKnown'));
  }
  const data = emptyOwnDocumentsDatabase();
  const kept = keepValidItems(doc.documents, 'documents', ownDocumentSchema, issues);
  data.documents = withinLimit(kept, issues);
  return withVersion({ data, issues }, fromVersion);
}

/**
 * The first `OWN_LIMITS.documents` of the valid documents, the rest dropped with a line saying so
 * (a hand-edited or merged file may hold more than the store keeps; the original is kept aside
 * with the other repairs, so the dropped ones are not lost).
 */
function withinLimit<T>(documents: T[], issues: ProblemLine[]): T[] {
  if (documents.length <= OWN_LIMITS.documents) return documents;
  issues.push(
    withOutcome(
      problemLine('documents', 'problems:stored.tooManyDocuments', {
        count: documents.length,
        limit: OWN_LIMITS.documents,
      }),
      'problems:outcome.keptFirst',
      { limit: OWN_LIMITS.documents },
    ),
  );
  return documents.slice(0, OWN_LIMITS.documents);
}

function withVersion(
  parsed: ParsedDocument<OwnDocumentsDatabase>,
  fromVersion: number | undefined,
): ParsedDocument<OwnDocumentsDatabase> {
  return fromVersion !== undefined && fromVersion < parsed.data.schemaVersion
    ? { ...parsed, migratedFrom: fromVersion }
    : parsed;
}
