import { isPackId } from '../../../../electron/shared/packRules';
import type { Vocabulary } from '../content/vocabulary';
import { PACK_FILE_EXTENSION } from '../packs/limits';
import { writePack, type PackManifestFields, type WritePackResult } from '../packs/writePack';
import { storedDocumentFile } from './documentFile';
import type { OwnDocument } from './schema';

/**
 * Own documents as a content pack (issue 15, "Share them"): each as its `local-document` file
 * under `docs/local-documents/`, written by the pack writer, so a township can send its story to
 * its neighbours; importing the pack elsewhere shows them as that pack's documents.
 */
export function exportOwnDocuments(
  docs: readonly OwnDocument[],
  fields: PackManifestFields,
  vocabulary: Vocabulary,
): Promise<WritePackResult> {
  return writePack(
    fields,
    docs.map((doc) => {
      const { path, text } = storedDocumentFile(doc, vocabulary);
      return { path, text };
    }),
  );
}

/** The file name an exported pack is saved under: `<id>-<version>.onmunipack`. */
export function packFileName(fields: Pick<PackManifestFields, 'id' | 'version'>): string {
  return `${fields.id}-${fields.version}${PACK_FILE_EXTENSION}`;
}

/**
 * A pack id made from a title: lowercase ASCII words joined by single hyphens (accents dropped),
 * at most 64 characters; `fallback` when nothing is left, or when it would be `own` (which no
 * pack may take).
 */
export function packIdFromTitle(title: string, fallback: string): string {
  const id = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return isPackId(id) ? id : fallback;
}
