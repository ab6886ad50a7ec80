/**
 * Annotations: the W3C Web Annotation model, anchoring on a document's plain text, pure
 * operations, merge, exchange formats and the lowdb store. The UI imports from here.
 */
export * from './accessors';
export * from './anchoring/anchor';
export * from './anchoring/anchorAll';
export * from './anchoring/describeRange';
export * from './annotationsStore';
export * from './canonical';
export * from './contentVersion';
export * from './documentVersion';
export * from './exchange/annotationCollection';
export * from './exchange/exportWords';
export * from './exchange/formats';
export * from './exchange/importAnnotationCollection';
export * from './exchange/selectForExport';
export * from './exchange/toCsv';
export * from './exchange/toMarkdown';
export * from './ids';
export * from './meanings';
export * from './merge';
export * from './migrations';
export * from './operations';
export * from './parseAnnotationsDocument';
export * from './query';
export * from './review';
export * from './schema';
export * from './noteText';
