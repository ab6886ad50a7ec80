import type { Vocabulary } from '../../core/content/vocabulary';
import type { InstalledPack, PackStorage } from '../../core/packs/packStorage';
import { decodeStoredPack, fragmentFile } from '../../core/packs/storedPack';
import type { FragmentSource } from '../../core/search/layout/format';
import { wordError } from '../common/i18n/wordMessage';
import {
  addCollectionSource,
  loadBundledLibrary,
  type CollectionSource,
  type LibraryCollection,
} from '../content/contentData';

/**
 * The installed content packs as collections of the library (issue 15): each pack's current
 * version, its documents and library entries read back and checked (core/packs/storedPack.ts),
 * its search index read one fragment at a time when a query first needs it.
 *
 * A pack that cannot be read is left out of the library, and why is kept for the Content packs
 * page (`unreadablePacks`); the source itself never rejects, so one broken pack never hides the
 * library.
 */

/** Why a pack was left out at the last load, by pack id, worded for the page. */
const unreadable = new Map<string, string>();
/** Why the list of packs itself could not be read at the last load, or null. */
let listProblem: string | null = null;

/** What the last load of the collections could not read. */
export function unreadablePacks(): { list: string | null; packs: ReadonlyMap<string, string> } {
  return { list: listProblem, packs: new Map(unreadable) };
}

/** The collection source of the packs in `storage`. */
export function packCollectionSource(storage: PackStorage): CollectionSource {
  return async () => {
    let installed: InstalledPack[];
    let vocabulary: Vocabulary;
    try {
      [installed, { vocabulary }] = await Promise.all([storage.list(), loadBundledLibrary()]);
      listProblem = null;
    } catch (error) {
      listProblem = wordError(error);
      return [];
    }
    const collections = await Promise.all(
      installed.map((pack) =>
        readCollection(storage, pack, vocabulary).then(
          (collection) => {
            unreadable.delete(pack.id);
            return [collection];
          },
          (error: unknown) => {
            unreadable.set(pack.id, wordError(error));
            return [];
          },
        ),
      ),
    );
    for (const id of unreadable.keys())
      if (!installed.some((pack) => pack.id === id)) unreadable.delete(id);
    return collections.flat();
  };
}

async function readCollection(
  storage: PackStorage,
  pack: InstalledPack,
  vocabulary: Vocabulary,
): Promise<LibraryCollection> {
  const { id, current } = pack;
  const [documents, catalog] = await Promise.all([
    storage.readFile(id, current.version, 'documents.json'),
    storage.readFile(id, current.version, 'catalog.json'),
  ]);
  const decoded = decodeStoredPack(id, { documents, catalog }, vocabulary);
  const index: FragmentSource = (kind) => storage.readFile(id, current.version, fragmentFile(kind));
  return {
    kind: 'pack',
    id,
    title: current.title,
    publisher: current.publisher,
    version: current.version,
    catalog: decoded.catalog,
    documents: decoded.documents,
    index,
  };
}

const registered = new WeakSet<PackStorage>();

/** Adds the packs of `storage` to the library, once (React may run start-up effects twice). */
export function registerPackCollections(storage: PackStorage): void {
  if (registered.has(storage)) return;
  registered.add(storage);
  addCollectionSource(packCollectionSource(storage));
}
