import type { Vocabulary } from '../../core/content/vocabulary';
import type { InstalledPack, PackStorage } from '../../core/packs/packStorage';
import { decodeStoredPack, fragmentFile } from '../../core/packs/storedPack';
import type { FragmentSource } from '../../core/search/layout/format';
import { wordError } from '../common/i18n/wordMessage';
import { openCheckedSegment } from '../content/checkedSegment';
import {
  addCollectionSource,
  loadBundledLibrary,
  loadLibraryProblems,
  type CollectionLoad,
  type CollectionProblem,
  type CollectionSource,
  type LibraryCollection,
} from '../content/contentData';

/**
 * The installed content packs as collections of the library (issue 15): each pack's current
 * version, its documents and library entries read back and checked (core/packs/storedPack.ts),
 * and its search index's core read and checked too (`openCheckedSegment`: an index built by
 * another version of the app, or damaged, would otherwise fail search for the whole library);
 * the index's other fragments are read when a query first needs them (one that then turns out
 * missing, damaged or from another build leaves the pack out and reported: contentData.ts).
 *
 * A pack that cannot be read is left out of the library, and why comes back with the collections
 * of the same load (`problems`, shown on the Content packs page: `unreadablePacks`); the source
 * itself never rejects, so one broken pack never hides the library.
 *
 * A pack is read once per installed version: it is kept by id, version and install time, so a
 * reload after another pack is installed, or an own document saved, reads no unchanged pack again;
 * installing, rolling back or removing it changes what storage lists, and so what is read. A pack
 * refused for what its files hold (an index of another version, damage) stays refused until then
 * too, rather than its large files being read again at every reload; only a failure of storage
 * itself to read them (which may pass) is tried again at the next load.
 */

/** A pack as last read, by pack id. */
interface KeptPack {
  key: string;
  collection: Promise<LibraryCollection>;
}

/** The collection source of the packs in `storage`. */
function packCollectionSource(storage: PackStorage): CollectionSource {
  const kept = new Map<string, KeptPack>();

  const collectionOf = (pack: InstalledPack, vocabulary: Vocabulary) => {
    const { version, installedAt } = pack.current;
    const key = `${version}\n${installedAt}`;
    const found = kept.get(pack.id);
    if (found?.key === key) return found.collection;
    const files = readPackFiles(storage, pack);
    const collection = files.then((read) => collectionFrom(storage, pack, read, vocabulary));
    const entry = { key, collection };
    kept.set(pack.id, entry);
    // Storage failing to read is tried again at the next load (it may have been busy), not kept.
    files.catch(() => {
      if (kept.get(pack.id) === entry) kept.delete(pack.id);
    });
    return collection;
  };

  return async (): Promise<CollectionLoad> => {
    let installed: InstalledPack[];
    let vocabulary: Vocabulary;
    try {
      [installed, { vocabulary }] = await Promise.all([storage.list(), loadBundledLibrary()]);
    } catch (error) {
      return { collections: [], problems: [{ kind: 'pack', id: null, message: wordError(error) }] };
    }
    for (const id of kept.keys()) if (!installed.some((pack) => pack.id === id)) kept.delete(id);
    const loads = await Promise.all(
      installed.map((pack) =>
        collectionOf(pack, vocabulary).then(
          (collection): CollectionLoad => ({ collections: [collection], problems: [] }),
          (error: unknown): CollectionLoad => ({
            collections: [],
            problems: [{ kind: 'pack', id: pack.id, message: wordError(error) }],
          }),
        ),
      ),
    );
    return {
      collections: loads.flatMap((load) => load.collections),
      problems: loads.flatMap((load) => load.problems),
    };
  };
}

/** The files a pack is read from when it is added to the library. */
interface PackFiles {
  documents: Uint8Array;
  catalog: Uint8Array;
  core: Uint8Array;
}

async function readPackFiles(storage: PackStorage, pack: InstalledPack): Promise<PackFiles> {
  const { id, current } = pack;
  const [documents, catalog, core] = await Promise.all([
    storage.readFile(id, current.version, 'documents.json'),
    storage.readFile(id, current.version, 'catalog.json'),
    storage.readFile(id, current.version, fragmentFile('core')),
  ]);
  return { documents, catalog, core };
}

/** The pack's collection from its files; throws why the pack cannot be added (a lasting reason). */
function collectionFrom(
  storage: PackStorage,
  pack: InstalledPack,
  { documents, catalog, core }: PackFiles,
  vocabulary: Vocabulary,
): LibraryCollection {
  const { id, current } = pack;
  const decoded = decodeStoredPack(id, { documents, catalog }, vocabulary);
  const segment = openCheckedSegment(
    core,
    decoded.documents.map((document) => document.id),
  );
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
    segment,
  };
}

/** What the packs page shows of the problems of one load. */
export interface UnreadablePacks {
  /** Why the list of packs itself could not be read, or null. */
  list: string | null;
  /** Why a pack is left out of the library, by pack id. */
  packs: ReadonlyMap<string, string>;
}

/** Why the current load of the library left packs out (it loads the collections if needed). */
export async function unreadablePacks(): Promise<UnreadablePacks> {
  const problems = (await loadLibraryProblems()).filter(
    (problem): problem is CollectionProblem & { kind: 'pack' } => problem.kind === 'pack',
  );
  return {
    list: problems.find((problem) => problem.id === null)?.message ?? null,
    packs: new Map(
      problems.flatMap((problem) => (problem.id === null ? [] : [[problem.id, problem.message]])),
    ),
  };
}

const registered = new WeakSet<PackStorage>();

/** Adds the packs of `storage` to the library, once (React may run start-up effects twice). */
export function registerPackCollections(storage: PackStorage): void {
  if (registered.has(storage)) return;
  registered.add(storage);
  addCollectionSource(packCollectionSource(storage), 'pack');
}
