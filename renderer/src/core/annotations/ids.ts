declare const annotationIdBrand: unique symbol;

/** The id of an annotation: a `urn:uuid:` URN, as the W3C model expects an IRI. */
export type AnnotationId = string & { readonly [annotationIdBrand]: true };

/**
 * `urn:uuid:` followed by a lowercase UUID. Nothing else is accepted from an imported file, so an
 * id is always safe to show, to compare and to use in a DOM id.
 */
export const ANNOTATION_ID_PATTERN =
  /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True when `value` has the shape of an annotation id. */
export function isAnnotationId(value: string): value is AnnotationId {
  return ANNOTATION_ID_PATTERN.test(value);
}

/** A fresh, unique annotation id. */
export function newAnnotationId(): AnnotationId {
  // crypto.randomUUID exists in every supported browser, in Electron and in Node 20.
  return `urn:uuid:${globalThis.crypto.randomUUID()}` as AnnotationId;
}
