import { z } from 'zod';

import { parseCatalogEntries, parseDocumentStoreFile } from '../content/dataFiles';
import { CONTENT_DATA_VERSION, type CatalogEntry, type ContentDocument } from '../content/model';
import type { Vocabulary } from '../content/vocabulary';
import { FRAGMENT_KINDS, fragmentFileName, type SegmentFragments } from '../search/layout/format';
import { PACK_DOC_ID_SEPARATOR, packDocumentId, type PackDocument } from './packDocuments';
import {
  isStoredPackFile,
  type PackToStore,
  type StoredPackFile,
  type StoredPackVersion,
} from './packStorage';
import type { ReadPack } from './readPack';

/**
 * The files an installed content pack is stored as (`STORED_PACK_FILES`), written once by the
 * import worker from a pack `readPack` accepted, and read back each time the app starts.
 *
 * `documents.json` and `catalog.json` have the shapes of the bundled library's data files, with
 * the pack's documents addressed as the app shows them (`<packId>--<docId>`). Stored data is read
 * back with the same schemas as the bundled files: storage can be damaged or edited, and a pack
 * that no longer reads is left out of the library rather than trusted.
 *
 * The front-matter schemas check ids as a file names them (kebab-case, no `--`), so a stored
 * document is checked with its pack's addresses taken off and then addressed again, by the same
 * rule the reader of the archive used (`packDocuments.ts`): an id of a document of the pack is
 * addressed within the pack, any other is a bundled id. This file is the one place that does it.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** `catalog.json` of a stored pack: the library entries, without the bundled vocabulary. */
const storedCatalogSchema = z.object({
  version: z.literal(CONTENT_DATA_VERSION),
  entries: z.unknown(),
});
const storedDocumentsSchema = z.object({ version: z.unknown(), documents: z.array(z.unknown()) });

/** A document as stored: what the app uses, without the pack-local id the reader also gives. */
export function storedDocument(document: PackDocument): ContentDocument {
  const stored: ContentDocument & { localId?: string } = { ...document };
  delete stored.localId;
  return stored;
}

/** The files to store for a pack that `readPack` accepted and whose index was built. */
export function encodeStoredPack(
  pack: ReadPack,
  fragments: SegmentFragments,
  installedAt: string,
): PackToStore {
  const { manifest } = pack;
  const json = (value: unknown) => encoder.encode(JSON.stringify(value));
  const files: Partial<Record<StoredPackFile, Uint8Array>> = {
    'pack.json': pack.manifestBytes,
    'documents.json': json({
      version: CONTENT_DATA_VERSION,
      documents: pack.documents.map(storedDocument),
    }),
    'catalog.json': json({ version: CONTENT_DATA_VERSION, entries: pack.catalog }),
  };
  for (const kind of FRAGMENT_KINDS) files[fragmentFile(kind)] = fragments[kind];
  return {
    id: manifest.id,
    version: { ...versionShown(pack), installedAt },
    files: files as Record<StoredPackFile, Uint8Array>,
  };
}

/**
 * What the Content packs page shows of a pack `readPack` accepted: in its preview before Install,
 * and stored with the version (with when it was installed) to list it afterwards.
 */
export function versionShown(pack: ReadPack): Omit<StoredPackVersion, 'installedAt'> {
  const { manifest } = pack;
  return {
    version: manifest.version,
    title: manifest.title,
    publisher: manifest.publisher,
    ...(manifest.description === undefined ? {} : { description: manifest.description }),
    created: manifest.created,
    documentCount: pack.documents.length,
    // Verified against pack.json when the pack was read; trust is looked up when shown.
    signedBy: pack.signature.state === 'unsigned' ? null : pack.signature.publicKey,
  };
}

/** The stored file name of a search index fragment. */
export function fragmentFile(kind: (typeof FRAGMENT_KINDS)[number]): StoredPackFile {
  const name = fragmentFileName(kind);
  if (!isStoredPackFile(name)) throw new Error(`${name} is not a stored pack file`);
  return name;
}

/** What a stored pack holds for the library. */
export interface DecodedPack {
  documents: ContentDocument[];
  catalog: CatalogEntry[];
}

/**
 * Reads a stored pack's `documents.json` and `catalog.json` back, checking both against the
 * bundled library's schemas (see the file comment). Throws, with zod's or the decoder's message,
 * when a file is not what the app stored.
 */
export function decodeStoredPack(
  packId: string,
  files: { documents: Uint8Array; catalog: Uint8Array },
  vocabulary: Vocabulary,
): DecodedPack {
  const documents = decodeStoredDocuments(packId, files.documents, vocabulary);
  const catalogFile = storedCatalogSchema.parse(JSON.parse(utf8.decode(files.catalog)));
  const catalog = parseCatalogEntries(catalogFile.entries);
  const ids = new Set<string>(documents.map((document) => document.id));
  if (catalog.length !== ids.size || catalog.some((entry) => !ids.has(entry.id)))
    throw new Error('catalog.json does not list the documents of documents.json');
  return { documents, catalog };
}

/** Reads and checks a stored pack's `documents.json` alone; see `decodeStoredPack`. */
export function decodeStoredDocuments(
  packId: string,
  bytes: Uint8Array,
  vocabulary: Vocabulary,
): ContentDocument[] {
  const prefix = `${packId}${PACK_DOC_ID_SEPARATOR}`;
  const stored = storedDocumentsSchema.parse(JSON.parse(utf8.decode(bytes)));
  const local = stored.documents.map((document) => {
    const id = isRecord(document) ? document.id : undefined;
    if (typeof id !== 'string' || !id.startsWith(prefix))
      throw new Error(`documents.json: a document is not addressed in pack ${packId}`);
    return withIds(document, (value) =>
      value.startsWith(prefix) ? value.slice(prefix.length) : value,
    );
  });
  const checked = parseDocumentStoreFile(
    { version: stored.version, documents: local },
    vocabulary,
    'collection',
  );
  const localIds = new Set<string>(checked.documents.map((document) => document.id));
  const address = (id: string): string => (localIds.has(id) ? packDocumentId(packId, id) : id);
  return checked.documents.map((document) => withIds(document, address));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `document` with every document id it holds passed through `map`: its own id, `related`,
 * `backlinks`, and each workshop block's `documents`. Works on checked documents and on stored
 * ones not yet checked (a value of the wrong type is left for the schema to refuse).
 */
function withIds<T>(document: T, map: (id: string) => string): T {
  if (!isRecord(document)) return document;
  const ids = (value: unknown) =>
    Array.isArray(value)
      ? value.map((item: unknown) => (typeof item === 'string' ? map(item) : item))
      : value;
  const result: Record<string, unknown> = { ...document };
  if (typeof document.id === 'string') result.id = map(document.id);
  if ('related' in document) result.related = ids(document.related);
  if ('backlinks' in document) result.backlinks = ids(document.backlinks);
  if (Array.isArray(document.blocks))
    result.blocks = document.blocks.map((block: unknown) =>
      isRecord(block) && 'documents' in block
        ? { ...block, documents: ids(block.documents) }
        : block,
    );
  return result as T;
}
