declare const docIdBrand: unique symbol;

/** A document id: kebab-case, equal to the file name, stable once published. */
export type DocId = string & { readonly [docIdBrand]: true };

/** Lowercase ASCII words joined by single dashes, e.g. `guide-1-assess-readiness`. */
export const DOC_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when `value` has the shape of a document id (it may still name no document). */
export function isDocId(value: string): value is DocId {
  return DOC_ID_PATTERN.test(value);
}

/** Brands a string as a DocId, throwing when it is not kebab-case. */
export function asDocId(value: string): DocId {
  if (!isDocId(value)) throw new Error(`not a document id: ${JSON.stringify(value)}`);
  return value;
}

/**
 * The id of any document the app can show: a bundled document's id, or a content pack's
 * document addressed as `<packId>--<docId>` (issue 15; own documents are the pack `own`). Stored
 * references (annotations, plan tasks, workshops, reading positions) and reader routes use this;
 * front matter and file names keep {@link DOC_ID_PATTERN}, since a file names its own id only.
 */
export const LIBRARY_DOC_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

/** True when `value` has the shape of a bundled or pack document id. */
export function isLibraryDocId(value: string): value is DocId {
  return LIBRARY_DOC_ID_PATTERN.test(value);
}

/** Between a pack's id and its document's id in `<packId>--<docId>` (ids never hold `--`). */
export const PACK_DOC_ID_SEPARATOR = '--';

/** The pack a document id belongs to, or null for a bundled document. */
export function packIdOf(id: string): string | null {
  const at = id.indexOf(PACK_DOC_ID_SEPARATOR);
  return at === -1 ? null : id.slice(0, at);
}
