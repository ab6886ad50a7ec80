import { OWN_DOCUMENTS_PACK_ID } from '../../core/packs/packStorage';
import { PACK_DOC_ID_SEPARATOR, packIdOf } from '../../core/content/ids';
import type { CollectionInfo } from '../content/contentData';

/**
 * Where a document comes from: the bundled library, or the collection (content pack, or the
 * user's own documents) its id names (`<packId>--<docId>`). `missing` is set when the id names a pack that is not installed (it was
 * removed): its id is all that is left to name it by.
 */
export type DocumentSource =
  | { kind: 'bundled' }
  | { kind: 'collection'; collection: CollectionInfo }
  | { kind: 'missing'; packId: string; own: boolean };

export function sourceOf(id: string, collections: readonly CollectionInfo[]): DocumentSource {
  const packId = packIdOf(id);
  if (packId === null) return { kind: 'bundled' };
  const collection = collections.find((c) => c.id === packId);
  return collection
    ? { kind: 'collection', collection }
    : { kind: 'missing', packId, own: packId === OWN_DOCUMENTS_PACK_ID };
}

/** The installed content pack a document comes from, if any (own documents have none). */
export function packOf(
  id: string,
  collections: readonly CollectionInfo[],
): CollectionInfo | undefined {
  const source = sourceOf(id, collections);
  return source.kind === 'collection' && source.collection.kind === 'pack'
    ? source.collection
    : undefined;
}

/** The id a collection's document has inside it: `x` for `own--x`; a bundled id as it is. */
export function localIdOf(id: string): string {
  const packId = packIdOf(id);
  return packId === null ? id : id.slice(packId.length + PACK_DOC_ID_SEPARATOR.length);
}

/** True for the user's own documents (`own--<id>`). */
export function isOwnDocument(id: string): boolean {
  return packIdOf(id) === OWN_DOCUMENTS_PACK_ID;
}
