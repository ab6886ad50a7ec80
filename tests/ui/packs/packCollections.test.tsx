// @vitest-environment jsdom
/**
 * Installed packs as the library reads them: a pack whose stored index another version of the app
 * built, or that is damaged, is left out and reported, and search goes on over the rest; a pack is
 * read once per installed version, so saving an own document reads no pack and installing a pack
 * runs no other source again; the bundled library is fetched once; a load overtaken by a reload
 * never reports for the new one. Packs are real (the app's pack writer, reader and index builder)
 * in the in-memory pack storage of the Content packs page's tests.
 */
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredPackFile } from '../../../renderer/src/core/packs/packStorage';
import { readPack } from '../../../renderer/src/core/packs/readPack';
import { encodeStoredPack } from '../../../renderer/src/core/packs/storedPack';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import type { PackManifestFields } from '../../../renderer/src/core/packs/writePack';
import {
  addCollectionSource,
  loadCatalog,
  loadDocuments,
  reloadLibrary,
  type LibraryCollection,
} from '../../../renderer/src/ui/content/contentData';
import { loadSearchEngine } from '../../../renderer/src/ui/content/searchData';
import {
  registerPackCollections,
  unreadablePacks,
} from '../../../renderer/src/ui/packs/packCollections';
import {
  BUNDLED_ID,
  VOCABULARY,
  fixtureCollection,
  serveBundledLibrary,
} from '../library/libraryFixture';
import { getByRole, render, unmountAll } from '../support/dom';
import { PacksPage, inThreadWorker, packBytes, packsHost } from './support/packsFixture';

const host = packsHost();
const storage = host.packs;
const INSTALLED_AT = '2026-12-07T10:00:00.000Z';

/** What was asked of storage and of the app server since the last `counted()`. */
let reads: string[] = [];
let lists = 0;
let fetched: string[] = [];
/** Reads of `<pack> <version>` held until the promise settles (a slow disk). */
const holds = new Map<string, Promise<void>>();
/** Files (`<pack> <version> <name>`) storage fails to read, as if they were lost. */
const missing = new Set<string>();
/** Runs of the own-documents stand-in source, and collections a test adds through another. */
let ownLoads = 0;
let extra: LibraryCollection[] = [];

function counted(): { reads: string[]; lists: number; fetched: string[] } {
  const result = { reads, lists, fetched };
  reads = [];
  lists = 0;
  fetched = [];
  return result;
}

beforeAll(() => {
  serveBundledLibrary();
  // The bundled library's index: no documents (the fixture's bundled entry is for lists only).
  const bundledIndex = buildSegment([], VOCABULARY);
  const serve = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const name = url.replace(/^.*\//, '');
    fetched.push(name);
    const fragment = /^search-(core|positions|lexicon)\.bin$/.exec(name)?.[1];
    return fragment
      ? Promise.resolve(
          new Response(bundledIndex[fragment as keyof typeof bundledIndex].slice().buffer),
        )
      : serve(input);
  };
  const list = storage.list.bind(storage);
  storage.list = () => {
    lists += 1;
    return list();
  };
  const readFile = storage.readFile.bind(storage);
  storage.readFile = async (id: string, version: string, name: StoredPackFile) => {
    reads.push(`${id} ${version} ${name}`);
    await holds.get(`${id} ${version}`);
    if (missing.has(`${id} ${version} ${name}`))
      throw new Error(`${name} of pack ${id} ${version} could not be read`);
    return readFile(id, version, name);
  };
  registerPackCollections(storage);
  addCollectionSource(() => {
    ownLoads += 1;
    return Promise.resolve([]);
  }, 'own');
  addCollectionSource(() => Promise.resolve(extra));
});

beforeEach(async () => {
  for (const pack of await storage.list()) await storage.remove(pack.id);
  extra = [];
  holds.clear();
  missing.clear();
  reloadLibrary();
  await loadCatalog();
  counted();
});
afterEach(unmountAll);

/**
 * A pack as the import worker stores it, with its index's core changed by `core` if given, and its
 * lazy fragments (positions, lexicon) by `lazy`.
 */
async function install(
  fields: Partial<PackManifestFields>,
  core?: (bytes: Uint8Array) => Uint8Array,
  lazy?: (bytes: Uint8Array) => Uint8Array,
): Promise<void> {
  const read = await readPack(await packBytes(undefined, fields), {
    vocabulary: VOCABULARY,
    bundledIds: new Set([BUNDLED_ID]),
  });
  if (!read.ok) throw new Error(JSON.stringify(read));
  const fragments = buildSegment(read.pack.documents, VOCABULARY);
  const stored = encodeStoredPack(read.pack, fragments, INSTALLED_AT);
  const files = { ...stored.files };
  if (core) files['search-core.bin'] = core(fragments.core);
  if (lazy) {
    files['search-positions.bin'] = lazy(fragments.positions);
    files['search-lexicon.bin'] = lazy(fragments.lexicon);
  }
  await storage.install({ ...stored, files });
}

/** A core fragment written by a version of the app with layout version 1 (the byte after MAGIC). */
const formatOne = (bytes: Uint8Array) => bytes.map((byte, i) => (i === 5 ? 1 : byte));
const truncated = (bytes: Uint8Array) => bytes.slice(0, bytes.length - 9);

/** The catalog's packs once the library has settled (a search may start a reload). */
async function catalogPacks(): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return (await loadCatalog()).collections.map((c) => c.id);
}

async function searchIds(query: string): Promise<string[]> {
  const outcome = await (await loadSearchEngine()).searchWhenReady(query, { complete: true });
  expect(outcome.failure).toBeNull();
  return outcome.hits.map((hit) => hit.id);
}

/** Hits of the installed, readable pack only (the others hold the same documents). */
function expectOnlyTestville(ids: string[]): void {
  expect(ids).toContain('testville-notes--case-testville-portal');
  expect(ids.filter((id) => !id.startsWith('testville-notes--'))).toEqual([]);
}

describe('packs in the library', () => {
  it('leaves out a pack whose index another version built or is damaged; search goes on', async () => {
    await install({});
    await install({ id: 'older-notes', title: 'Older notes' }, formatOne);
    await install({ id: 'damaged-notes', title: 'Damaged notes' }, truncated);
    reloadLibrary({ source: 'pack' });

    expect((await loadCatalog()).collections.map((c) => c.id)).toEqual(['testville-notes']);
    const problems = await unreadablePacks();
    expect(problems.list).toBeNull();
    expect(Object.fromEntries(problems.packs)).toEqual({
      'older-notes':
        'its search index was built by another version of the toolkit (index format 1; this version reads format 2). Import the pack again to index it with this version.',
      'damaged-notes': expect.stringMatching(
        /^its search index is damaged \(.+\)\. Import the pack again\.$/,
      ) as unknown,
    });
    expectOnlyTestville(await searchIds('forms'));
  });

  it('says why on the Content packs page', async () => {
    await install({ id: 'older-notes', title: 'Older notes' }, formatOne);
    reloadLibrary({ source: 'pack' });
    render(<PacksPage host={host} start={inThreadWorker()} />);
    await act(async () => {
      for (let i = 0; i < 50 && !getByRoleOrNull('button', 'Remove Older notes'); i++)
        await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(document.body.textContent).toContain(
      'This pack could not be read, so its documents are not in the library: its search index was built by another version of the toolkit (index format 1; this version reads format 2).',
    );
  });

  it('searches the rest when a collection’s index cannot be opened', async () => {
    await install({});
    extra = [fixtureCollection('pack', 'unindexed', 'Unindexed')];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    reloadLibrary();
    expectOnlyTestville(await searchIds('forms'));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('collection unindexed left out'));
    warn.mockRestore();
    expect((await loadDocuments()).byId.has('unindexed--case-testville-portal')).toBe(true);
  });

  it('reads a pack once per installed version, and the bundled library once', async () => {
    await install({});
    reloadLibrary({ source: 'pack' });
    await Promise.all([loadCatalog(), loadDocuments(), searchIds('"opens a portal"')]);
    const first = counted();
    expect(first.reads.sort()).toEqual(
      [
        'testville-notes 1.2.0 catalog.json',
        'testville-notes 1.2.0 documents.json',
        'testville-notes 1.2.0 search-core.bin',
        'testville-notes 1.2.0 search-lexicon.bin',
        'testville-notes 1.2.0 search-positions.bin',
      ].sort(),
    );

    // Saving an own document: no pack is listed or read, the bundled library is not fetched.
    const own = ownLoads;
    reloadLibrary({ source: 'own' });
    await Promise.all([loadCatalog(), loadDocuments(), searchIds('"opens a portal"')]);
    expect(counted()).toEqual({ reads: [], lists: 0, fetched: [] });
    expect(ownLoads).toBe(own + 1);

    // Installing another pack: the unchanged one is not read again, own documents not rebuilt.
    await install({ id: 'other-notes', title: 'Other notes' });
    reloadLibrary({ source: 'pack' });
    await Promise.all([loadCatalog(), loadDocuments(), searchIds('"opens a portal"')]);
    const after = counted();
    expect(after.reads.every((read) => read.startsWith('other-notes 1.2.0 '))).toBe(true);
    expect(after.lists).toBe(1);
    expect(after.fetched).toEqual([]);
    expect(ownLoads).toBe(own + 1);

    // An update, then a roll back, read the version that became current.
    await install({ version: '1.3.0' });
    reloadLibrary({ source: 'pack' });
    await loadCatalog();
    expect(counted().reads.filter((read) => read.startsWith('testville-notes'))).toEqual([
      'testville-notes 1.3.0 documents.json',
      'testville-notes 1.3.0 catalog.json',
      'testville-notes 1.3.0 search-core.bin',
    ]);
    await storage.rollback('testville-notes');
    reloadLibrary({ source: 'pack' });
    expect((await loadCatalog()).collections.find((c) => c.id === 'testville-notes')?.version).toBe(
      '1.2.0',
    );
  });

  for (const first of ['phrase', 'typo'] as const)
    it(`answers a ${first} first when a pack's positions and lexicon are cut short or missing`, async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await install({});
      await install({ id: 'cut-notes', title: 'Cut notes' }, undefined, truncated);
      await install({ id: 'lost-notes', title: 'Lost notes' });
      for (const name of ['search-positions.bin', 'search-lexicon.bin'])
        missing.add(`lost-notes 1.2.0 ${name}`);
      reloadLibrary({ source: 'pack' });
      // Their cores are sound, so they are in the library until a query needs the rest.
      expect(await catalogPacks()).toEqual(['cut-notes', 'lost-notes', 'testville-notes']);
      render(<PacksPage host={host} start={inThreadWorker()} />);

      const phrase = () => searchIds('"opens a portal"');
      const typo = async () => {
        const ids = await searchIds('portsl');
        expect(ids.length).toBeGreaterThan(0);
        return ids;
      };
      // The page shown meanwhile reloads with the library when a pack is left out.
      await act(async () => {
        for (const query of first === 'phrase' ? [phrase, typo] : [typo, phrase])
          expectOnlyTestville(await query());
      });

      expect(await catalogPacks()).toEqual(['testville-notes']);
      const problems = await unreadablePacks();
      const damaged = /^its search index is damaged \(.+\)\. Import the pack again\.$/;
      expect(problems.packs.get('cut-notes')).toMatch(damaged);
      expect(problems.packs.get('lost-notes')).toMatch(damaged);
      expect(problems.packs.get('lost-notes')).toContain('could not be read');
      const said =
        'This pack could not be read, so its documents are not in the library: its search index is damaged (';
      const reported = () => (document.body.textContent ?? '').split(said).length - 1;
      await act(async () => {
        for (let i = 0; i < 50 && reported() < 2; i++)
          await new Promise((resolve) => setTimeout(resolve, 10));
      });
      expect(reported()).toBe(2);
      warn.mockRestore();
    });

  it('lets a screen holding the last engine search on after a pack is removed', async () => {
    await install({});
    await install({ id: 'other-notes', title: 'Other notes' });
    reloadLibrary({ source: 'pack' });
    const held = await loadSearchEngine();
    await storage.remove('other-notes');
    reloadLibrary({ source: 'pack' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const query of ['"opens a portal"', 'portsl']) {
      const outcome = await held.searchWhenReady(query, { complete: true });
      expect(outcome.failure).toBeNull();
      expectOnlyTestville(outcome.hits.map((hit) => hit.id));
    }
    warn.mockRestore();
    // The removed pack is no problem of the library as it now is.
    expect((await unreadablePacks()).packs.size).toBe(0);
    expect(await catalogPacks()).toEqual(['testville-notes']);
  });

  it('reads a refused pack again only when storage failed to read it', async () => {
    await install({ id: 'older-notes', title: 'Older notes' }, formatOne);
    await install({ id: 'lost-notes', title: 'Lost notes' });
    missing.add('lost-notes 1.2.0 catalog.json');
    reloadLibrary({ source: 'pack' });
    expect([...(await unreadablePacks()).packs.keys()].sort()).toEqual([
      'lost-notes',
      'older-notes',
    ]);
    counted();

    // Another reload: the pack refused for its index is not read again; the lost file is.
    missing.clear();
    reloadLibrary({ source: 'pack' });
    expect([...(await unreadablePacks()).packs.keys()]).toEqual(['older-notes']);
    expect(counted().reads.filter((read) => read.startsWith('older-notes'))).toEqual([]);
    expect(await catalogPacks()).toEqual(['lost-notes']);

    // Installing another version reads it again.
    await install({ id: 'older-notes', title: 'Older notes', version: '1.3.0' });
    reloadLibrary({ source: 'pack' });
    expect(await catalogPacks()).toEqual(['lost-notes', 'older-notes']);
  });

  it('never lets a load overtaken by a reload report for the new one', async () => {
    await install({ version: '1.4.0' });
    let deleted!: () => void;
    holds.set(
      'testville-notes 1.4.0',
      new Promise((_, reject) => {
        deleted = () => reject(new Error('pack testville-notes 1.4.0 is not installed'));
      }),
    );
    reloadLibrary({ source: 'pack' });
    const stale = unreadablePacks();
    await new Promise((resolve) => setTimeout(resolve, 0));

    // An update replaces 1.4.0 while that load still reads it.
    await install({ version: '1.5.0' });
    reloadLibrary({ source: 'pack' });
    const fresh = await unreadablePacks();
    deleted();
    expect((await stale).packs.get('testville-notes')).toContain('is not installed');
    expect(fresh.packs.size).toBe(0);
    expect((await unreadablePacks()).packs.size).toBe(0);
    expect((await loadCatalog()).collections.map((c) => c.version)).toEqual(['1.5.0']);
  });
});

function getByRoleOrNull(role: string, name: string): Element | null {
  try {
    return getByRole(document.body, role, { name });
  } catch {
    return null;
  }
}
