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
 * listed in `issues`. The store keeps the original text aside before the salvaged data can be
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
  const list = Array.isArray(doc.documents)
    ? doc.documents.slice(0, OWN_LIMITS.documents)
    : doc.documents;
  data.documents = keepValidItems(list, 'documents', ownDocumentSchema, issues);
  return withVersion({ data, issues }, fromVersion);
}

function withVersion(
  parsed: ParsedDocument<OwnDocumentsDatabase>,
  fromVersion: number | undefined,
): ParsedDocument<OwnDocumentsDatabase> {
  return fromVersion !== undefined && fromVersion < parsed.data.schemaVersion
    ? { ...parsed, migratedFrom: fromVersion }
    : parsed;
}
