import { describe, expect, it } from 'vitest';

import { packDocumentId } from '../../../renderer/src/core/packs/packDocuments';
import { STORED_PACK_FILES } from '../../../renderer/src/core/packs/packStorage';
import { readPack, type ReadPack } from '../../../renderer/src/core/packs/readPack';
import {
  decodeStoredDocuments,
  decodeStoredPack,
  encodeStoredPack,
  storedDocument,
} from '../../../renderer/src/core/packs/storedPack';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import {
  BUNDLED_ID,
  buildPack,
  MANIFEST_FIELDS,
  OPTIONS,
  VALID_DOCS,
  VOCABULARY,
} from './packFixtures';

const PACK_ID = MANIFEST_FIELDS.id;

async function readValid(): Promise<ReadPack> {
  const result = await readPack(await buildPack({ files: { ...VALID_DOCS } }), OPTIONS);
  if (!result.ok) throw new Error('the valid pack was refused');
  return result.pack;
}

const json = (bytes: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(bytes));
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('stored packs', () => {
  it('stores every file a stored pack has, and what the page shows of the version', async () => {
    const pack = await readValid();
    const stored = encodeStoredPack(
      pack,
      buildSegment(pack.documents, VOCABULARY),
      '2026-12-07T10:00:00.000Z',
    );
    expect(Object.keys(stored.files).sort()).toEqual([...STORED_PACK_FILES].sort());
    expect(stored.files['pack.json']).toEqual(pack.manifestBytes);
    expect(stored.id).toBe(PACK_ID);
    expect(stored.version).toEqual({
      version: MANIFEST_FIELDS.version,
      title: MANIFEST_FIELDS.title,
      publisher: MANIFEST_FIELDS.publisher,
      created: MANIFEST_FIELDS.created,
      installedAt: '2026-12-07T10:00:00.000Z',
      documentCount: 3,
      signedBy: null,
    });
  });

  it('reads documents and catalog back as they were, addressed in the pack', async () => {
    const pack = await readValid();
    const { files } = encodeStoredPack(pack, buildSegment(pack.documents, VOCABULARY), 'now');
    const decoded = decodeStoredPack(
      PACK_ID,
      { documents: files['documents.json'], catalog: files['catalog.json'] },
      VOCABULARY,
    );
    expect(decoded.documents).toEqual(pack.documents.map(storedDocument));
    expect(decoded.catalog).toEqual(pack.catalog);
    const local = decoded.documents.find((doc) => doc.id === `${PACK_ID}--council-minutes-policy`);
    // A pack document's related list keeps both kinds of reference: within the pack, and bundled.
    expect(local?.related).toEqual([packDocumentId(PACK_ID, 'case-testville-portal'), BUNDLED_ID]);
    expect(local).not.toHaveProperty('localId');
  });

  it('stores an index segment that finds the pack documents', async () => {
    const pack = await readValid();
    const { files } = encodeStoredPack(pack, buildSegment(pack.documents, VOCABULARY), 'now');
    const engine = await SearchEngine.open([
      (kind) => Promise.resolve(files[`search-${kind}.bin`]),
    ]);
    const { hits } = await engine.searchWhenReady('portal');
    expect(hits.map((hit) => hit.id)).toContain(`${PACK_ID}--case-testville-portal`);
  });

  it('refuses stored documents that are not of the pack, or break the content schema', async () => {
    const pack = await readValid();
    const { files } = encodeStoredPack(pack, buildSegment(pack.documents, VOCABULARY), 'now');
    const stored = json(files['documents.json']) as { version: number; documents: object[] };
    const decode = (documents: object[]) =>
      decodeStoredDocuments(PACK_ID, bytesOf({ ...stored, documents }), VOCABULARY);

    const [first, ...rest] = stored.documents;
    expect(() => decode([{ ...first, id: 'council-minutes-policy' }, ...rest])).toThrow(
      /not addressed in pack testville-notes/,
    );
    expect(() => decode([{ ...first, topics: ['not-a-topic'] }, ...rest])).toThrow();
    expect(() => decode([{ ...first, surprise: true }, ...rest])).toThrow();
    expect(() =>
      decodeStoredDocuments(PACK_ID, bytesOf({ ...stored, version: 99 }), VOCABULARY),
    ).toThrow(/another version/);
    expect(() =>
      decodeStoredDocuments(PACK_ID, new Uint8Array([0xff, 0xfe]), VOCABULARY),
    ).toThrow();
  });

  it('refuses language versions in a stored pack: its documents and entries are English', async () => {
    const pack = await readValid();
    const { files } = encodeStoredPack(pack, buildSegment(pack.documents, VOCABULARY), 'now');
    const stored = json(files['documents.json']) as { version: number; documents: object[] };
    const catalog = json(files['catalog.json']) as { version: number; entries: object[] };
    const decode = (documents: object[], entries: object[] = catalog.entries) =>
      decodeStoredPack(
        PACK_ID,
        { documents: bytesOf({ ...stored, documents }), catalog: bytesOf({ ...catalog, entries }) },
        VOCABULARY,
      );
    const [first, ...rest] = stored.documents;
    const [entry, ...others] = catalog.entries;
    expect(() => decode(stored.documents)).not.toThrow();
    expect(() => decode([{ ...first, lang: 'fr' }, ...rest])).toThrow(
      /lang.*only for the bundled library's French versions/s,
    );
    expect(() => decode([{ ...first, bodyLang: 'en' }, ...rest])).toThrow(/bodyLang/);
    expect(() => decode(stored.documents, [{ ...entry, lang: 'fr' }, ...others])).toThrow(
      /only for the bundled library's French versions/,
    );
  });

  it('refuses a catalog that does not list the stored documents', async () => {
    const pack = await readValid();
    const { files } = encodeStoredPack(pack, buildSegment(pack.documents, VOCABULARY), 'now');
    const catalog = json(files['catalog.json']) as { version: number; entries: unknown[] };
    const decode = (value: unknown) =>
      decodeStoredPack(
        PACK_ID,
        { documents: files['documents.json'], catalog: bytesOf(value) },
        VOCABULARY,
      );
    expect(() => decode({ ...catalog, entries: catalog.entries.slice(1) })).toThrow(
      /does not list the documents/,
    );
    expect(() => decode({ entries: catalog.entries })).toThrow();
  });
});
