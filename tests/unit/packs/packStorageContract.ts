/**
 * The one contract every PackStorage keeps (core/packs/packStorage.ts states it), run against the
 * desktop's pack folder (directly, and through the IPC contract and the preload bridge) and the
 * browser's IndexedDB store, so the two editions behave alike.
 */
import { describe, expect, it } from 'vitest';
import {
  STORED_PACK_FILES,
  type InstalledPack,
  type PackStorage,
  type PackToStore,
  type StoredPackFile,
  type StoredPackVersion,
} from '../../../renderer/src/core/packs/packStorage';
import { PACK_LIMITS } from '../../../renderer/src/core/packs/limits';

/** A store under test: `open` makes a new instance over the same folder or database. */
export interface PackStorageUnderTest {
  open(): PackStorage;
}

/**
 * The bytes of one file of one version: different for every pack, version and file (and copy:
 * `copy` tells two installs of the same version apart).
 */
export function fileBytes(
  id: string,
  version: string,
  name: StoredPackFile,
  copy = '',
): Uint8Array {
  return new TextEncoder().encode(`${id} ${version}${copy} ${name} ${'·'.repeat(name.length * 7)}`);
}

export function versionRecord(version: string, extra: Partial<StoredPackVersion> = {}) {
  return {
    version,
    title: `Pack at ${version}`,
    publisher: 'Township of Example',
    created: '2026-03-01',
    installedAt: '2026-03-02T10:00:00.000Z',
    documentCount: 3,
    signedBy: null,
    ...extra,
  } satisfies StoredPackVersion;
}

export function packToStore(
  id: string,
  version: string,
  extra: Partial<StoredPackVersion> = {},
  copy = '',
): PackToStore {
  const files = Object.fromEntries(
    STORED_PACK_FILES.map((name) => [name, fileBytes(id, version, name, copy)]),
  ) as Record<StoredPackFile, Uint8Array>;
  return { id, version: versionRecord(version, extra), files };
}

/** Every file of `version` reads back as it was installed. */
async function expectWhole(
  store: PackStorage,
  id: string,
  version: string,
  copy = '',
): Promise<void> {
  for (const name of STORED_PACK_FILES) {
    const bytes = await store.readFile(id, version, name);
    expect(bytes, `${id} ${version} ${name}`).toBeInstanceOf(Uint8Array);
    expect([...bytes], `${id} ${version} ${name}`).toEqual([...fileBytes(id, version, name, copy)]);
  }
}

async function expectGone(store: PackStorage, id: string, version: string): Promise<void> {
  for (const name of STORED_PACK_FILES) {
    await expect(store.readFile(id, version, name), `${id} ${version} ${name}`).rejects.toThrow();
  }
}

function versions(packs: InstalledPack[]): [string, string, string | null][] {
  return packs.map((pack) => [pack.id, pack.current.version, pack.previous?.version ?? null]);
}

/** Registers the contract's tests for the store `setUp` creates (a fresh, empty one per test). */
export function describePackStorageContract(
  label: string,
  setUp: () => Promise<PackStorageUnderTest>,
): void {
  describe(`PackStorage contract: ${label}`, () => {
    it('starts empty', async () => {
      const store = (await setUp()).open();
      expect(await store.list()).toEqual([]);
    });

    it('installs a pack: listed with its record, every file readable', async () => {
      const store = (await setUp()).open();
      const record = versionRecord('1.0.0', {
        description: 'Stories from the north',
        signedBy: 'ab'.repeat(32),
      });
      await store.install({ ...packToStore('north', '1.0.0'), version: record });
      expect(await store.list()).toEqual([{ id: 'north', current: record, previous: null }]);
      await expectWhole(store, 'north', '1.0.0');
    });

    it('keeps the version an update replaces as previous, and only that one', async () => {
      const store = (await setUp()).open();
      await store.install(packToStore('north', '1.0.0'));
      await store.install(packToStore('north', '1.1.0'));
      expect(versions(await store.list())).toEqual([['north', '1.1.0', '1.0.0']]);
      await expectWhole(store, 'north', '1.1.0');
      await expectWhole(store, 'north', '1.0.0');

      await store.install(packToStore('north', '2.0.0-beta.1+build.7'));
      expect(versions(await store.list())).toEqual([['north', '2.0.0-beta.1+build.7', '1.1.0']]);
      await expectWhole(store, 'north', '2.0.0-beta.1+build.7');
      await expectWhole(store, 'north', '1.1.0');
      await expectGone(store, 'north', '1.0.0');
    });

    it('rolls back to the previous version and deletes the rolled-back one', async () => {
      const store = (await setUp()).open();
      await store.install(packToStore('north', '1.0.0'));
      await store.install(packToStore('north', '1.1.0'));
      await store.rollback('north');
      expect(versions(await store.list())).toEqual([['north', '1.0.0', null]]);
      await expectWhole(store, 'north', '1.0.0');
      await expectGone(store, 'north', '1.1.0');
      // One level only: there is nothing left to roll back to.
      await expect(store.rollback('north')).rejects.toThrow();
      expect(versions(await store.list())).toEqual([['north', '1.0.0', null]]);
    });

    it('refuses to roll back a pack that is not installed', async () => {
      const store = (await setUp()).open();
      await expect(store.rollback('north')).rejects.toThrow();
      expect(await store.list()).toEqual([]);
    });

    it('removes a pack with both versions, and leaves the others', async () => {
      const store = (await setUp()).open();
      await store.install(packToStore('west', '1.0.0'));
      await store.install(packToStore('north', '1.0.0'));
      await store.install(packToStore('north', '1.1.0'));
      await store.install(packToStore('east', '3.0.0'));
      expect((await store.list()).map((pack) => pack.id)).toEqual(['east', 'north', 'west']);

      await store.remove('north');
      expect(versions(await store.list())).toEqual([
        ['east', '3.0.0', null],
        ['west', '1.0.0', null],
      ]);
      await expectGone(store, 'north', '1.1.0');
      await expectGone(store, 'north', '1.0.0');
      await expectWhole(store, 'west', '1.0.0');
      // Removing what is not there is not an error; installing again starts afresh.
      await store.remove('north');
      await store.install(packToStore('north', '0.1.0'));
      expect(versions(await store.list())).toContainEqual(['north', '0.1.0', null]);
    });

    it('reinstalls the version it has: new files, and the previous version kept as it was', async () => {
      const store = (await setUp()).open();
      await store.install(packToStore('north', '1.0.0'));
      await store.install(packToStore('north', '1.0.0', {}, ' again'));
      // The replaced copy of the same version is nothing to roll back to.
      expect(versions(await store.list())).toEqual([['north', '1.0.0', null]]);
      await expectWhole(store, 'north', '1.0.0', ' again');
      await expect(store.rollback('north')).rejects.toThrow();

      await store.install(packToStore('north', '1.1.0'));
      await store.install(packToStore('north', '1.1.0', {}, ' again'));
      expect(versions(await store.list())).toEqual([['north', '1.1.0', '1.0.0']]);
      // Each version names one copy: the reinstalled current one, and the previous one intact.
      await expectWhole(store, 'north', '1.1.0', ' again');
      await expectWhole(store, 'north', '1.0.0', ' again');
      await store.rollback('north');
      expect(versions(await store.list())).toEqual([['north', '1.0.0', null]]);
      await expectWhole(store, 'north', '1.0.0', ' again');
    });

    it('refuses the id kept for own documents at every request', async () => {
      const store = (await setUp()).open();
      await expect(store.install(packToStore('own', '1.0.0'))).rejects.toThrow();
      await expect(store.readFile('own', '1.0.0', 'pack.json')).rejects.toThrow();
      await expect(store.rollback('own')).rejects.toThrow();
      await expect(store.remove('own')).rejects.toThrow();
      expect(await store.list()).toEqual([]);
    });

    it('refuses an incomplete version record, writing nothing', async () => {
      const store = (await setUp()).open();
      const pack = packToStore('north', '1.0.0');
      const untitled: Partial<StoredPackVersion> = { ...pack.version };
      delete untitled.title;
      await expect(
        store.install({ ...pack, version: untitled as StoredPackVersion }),
      ).rejects.toThrow();
      await expect(
        store.install({ ...pack, version: { ...pack.version, signedBy: 'not a key' } }),
      ).rejects.toThrow();
      expect(await store.list()).toEqual([]);
      expect(await store.listDamaged()).toEqual([]);
    });

    it('keeps every pack, version and file for a new instance (a restart)', async () => {
      const setup = await setUp();
      const first = setup.open();
      await first.install(packToStore('north', '1.0.0'));
      await first.install(packToStore('north', '1.1.0'));
      await first.install(packToStore('east', '3.0.0'));
      const second = setup.open();
      expect(await second.list()).toEqual(await first.list());
      await expectWhole(second, 'north', '1.1.0');
      await expectWhole(second, 'north', '1.0.0');
      await expectWhole(second, 'east', '3.0.0');
      await second.rollback('north');
      expect(versions(await setup.open().list())).toEqual([
        ['east', '3.0.0', null],
        ['north', '1.0.0', null],
      ]);
    });

    it.each([
      ['a path', '../north'],
      ['a slash', 'north/south'],
      ['capitals', 'North'],
      ['a double hyphen', 'north--south'],
      ['an empty id', ''],
      ['a long id', 'n'.repeat(65)],
      ['a backslash', 'north\\south'],
    ])('refuses an id with %s, writing nothing', async (_what, id) => {
      const store = (await setUp()).open();
      await store.install(packToStore('north', '1.0.0'));
      const before = await store.list();
      await expect(store.install(packToStore(id, '1.0.0'))).rejects.toThrow();
      await expect(store.readFile(id, '1.0.0', 'pack.json')).rejects.toThrow();
      await expect(store.rollback(id)).rejects.toThrow();
      await expect(store.remove(id)).rejects.toThrow();
      expect(await store.list()).toEqual(before);
      await expectWhole(store, 'north', '1.0.0');
    });

    it.each([
      ['two parts', '1.0'],
      ['a v', 'v1.0.0'],
      ['a path', '1.0.0/../x'],
      ['leading zeros', '01.0.0'],
      ['an empty version', ''],
    ])('refuses a version with %s', async (_what, version) => {
      const store = (await setUp()).open();
      await store.install(packToStore('north', '1.0.0'));
      await expect(store.install(packToStore('north', version))).rejects.toThrow();
      await expect(store.readFile('north', version, 'pack.json')).rejects.toThrow();
      expect(versions(await store.list())).toEqual([['north', '1.0.0', null]]);
    });

    it('refuses file names that are not stored files', async () => {
      const store = (await setUp()).open();
      await store.install(packToStore('north', '1.0.0'));
      for (const name of ['../state.json', 'state.json', 'docs/a.md', 'pack.json/', '']) {
        await expect(
          store.readFile('north', '1.0.0', name as StoredPackFile),
          name,
        ).rejects.toThrow();
      }
    });

    it('refuses a pack without every stored file, with another file, or with one too large', async () => {
      const store = (await setUp()).open();
      const pack = packToStore('north', '1.0.0');
      const missing: Partial<Record<StoredPackFile, Uint8Array>> = { ...pack.files };
      delete missing['catalog.json'];
      const refused: PackToStore[] = [
        { ...pack, files: missing as PackToStore['files'] },
        {
          ...pack,
          files: { ...pack.files, 'state.json': new Uint8Array(1) } as PackToStore['files'],
        },
        {
          ...pack,
          files: {
            ...pack.files,
            'pack.json': new Uint8Array(PACK_LIMITS.maxManifestBytes + 1),
          },
        },
      ];
      for (const bad of refused) await expect(store.install(bad)).rejects.toThrow();
      expect(await store.list()).toEqual([]);
    });

    it('reads a file only of a version it keeps', async () => {
      const store = (await setUp()).open();
      await store.install(packToStore('north', '1.0.0'));
      await expect(store.readFile('north', '9.9.9', 'pack.json')).rejects.toThrow();
      await expect(store.readFile('south', '1.0.0', 'pack.json')).rejects.toThrow();
    });
  });
}
