import { t } from '../../common/i18n/i18n';
import type { CollectionInfo } from '../../content/contentData';
import { sourceOf } from '../../library/documentSource';

/**
 * Why an annotated document is not in the library, for an annotation kept without it (orphaned):
 * its content pack is not installed (removed), named by its id since that is all that is left of
 * it; its pack is installed but this version lacks it; or, for any other id, it is simply not in
 * this library (a file from a newer library, say).
 */
export function missingDocumentLabel(
  docId: string,
  collections: readonly CollectionInfo[],
): string {
  const source = sourceOf(docId, collections);
  if (source.kind === 'missing' && !source.own)
    return t('annotations:page.orphanedPackRemoved', { packId: source.packId, docId });
  if (source.kind === 'collection' && source.collection.kind === 'pack')
    return t('annotations:page.orphanedNotInPack', { title: source.collection.title, docId });
  return t('annotations:page.notInLibrary', { docId });
}
