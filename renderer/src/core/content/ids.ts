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
