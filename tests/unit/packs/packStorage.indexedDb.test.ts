/**
 * The browser edition's IndexedDB store keeps the PackStorage contract. fake-indexeddb implements
 * the IndexedDB specification in Node (transactions, key ranges, structured cloning); each test
 * gets a database universe of its own, which a new store instance opens again (a reload).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { wordError } from '../../../renderer/src/ui/common/i18n/wordMessage';
import {
  IndexedDbPacks,
  PACKS_DATABASE,
  PackStorageError,
  createIndexedDbPacks,
} from '../../../renderer/src/host/indexedDbPacks';
import { PackStoreRefusedError } from '../../../renderer/src/host/packRefusal';
import { describePackStorageContract, packToStore } from './packStorageContract';

describePackStorageContract('browser IndexedDB', () => {
  const factory = new IDBFactory();
  return Promise.resolve({ open: () => new IndexedDbPacks(factory) });
});

describe('IndexedDbPacks where the browser stores nothing', () => {
  it('says that packs cannot be stored here, and why', async () => {
    const store = new IndexedDbPacks(undefined);
    const error: unknown = await store.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PackStorageError);
    expect(wordError(error)).toMatch(/does not let the toolkit store content packs/);
    expect(wordError(error)).toMatch(/private windows/);
    await expect(store.install(packToStore('north', '1.0.0'))).rejects.toThrow(
      /IndexedDB\) is not available/,
    );
  });

  it('says so too when reading indexedDB throws or opening the database fails', async () => {
    const throwing = {} as Window;
    Object.defineProperty(throwing, 'indexedDB', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    await expect(createIndexedDbPacks(throwing).list()).rejects.toBeInstanceOf(PackStorageError);

    const refusing = {
      open() {
        throw new DOMException('A mutation operation was attempted', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    await expect(new IndexedDbPacks(refusing).list()).rejects.toThrow(
      /A mutation operation was attempted/,
    );
  });
});

/** Every key in the files store, as `packId folder-version` per file. */
function storedFiles(factory: IDBFactory): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const open = factory.open(PACKS_DATABASE);
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      const keys = open.result.transaction('files').objectStore('files').getAllKeys();
      keys.onsuccess = () => {
        open.result.close();
        resolve(
          keys.result.map((key) => {
            const [id, folder] = key as [string, string, string];
            return `${id} ${folder.replace(/-[0-9a-f]{12}$/, '')}`;
          }),
        );
      };
    };
  });
}

describe('IndexedDbPacks in the database', () => {
  it('keeps the files of the current and previous versions only, leaving nothing behind', async () => {
    const factory = new IDBFactory();
    const store = new IndexedDbPacks(factory);
    const count = async () => {
      const counts: Record<string, number> = {};
      for (const key of await storedFiles(factory)) counts[key] = (counts[key] ?? 0) + 1;
      return counts;
    };
    await store.install(packToStore('north', '1.0.0'));
    await store.install(packToStore('north', '1.1.0'));
    await store.install(packToStore('north', '1.2.0'));
    await store.install(packToStore('east', '1.0.0'));
    expect(await count()).toEqual({ 'east v-1.0.0': 6, 'north v-1.1.0': 6, 'north v-1.2.0': 6 });
    await store.rollback('north');
    expect(await count()).toEqual({ 'east v-1.0.0': 6, 'north v-1.1.0': 6 });
    await store.remove('north');
    expect(await count()).toEqual({ 'east v-1.0.0': 6 });
    await store.close();
  });

  it('installs nothing when a write fails halfway (one transaction)', async () => {
    const factory = new IDBFactory();
    const store = new IndexedDbPacks(factory);
    await store.install(packToStore('north', '1.0.0'));
    // A view whose buffer was handed over (transferred) cannot be cloned: the fourth put throws,
    // after three files of the new version were put, and aborts the whole transaction.
    const pack = packToStore('north', '1.1.0');
    const detached = new Uint8Array(8);
    structuredClone(detached.buffer, { transfer: [detached.buffer] });
    await expect(
      store.install({ ...pack, files: { ...pack.files, 'search-core.bin': detached } }),
    ).rejects.toThrow();
    expect((await store.list()).map((p) => [p.current.version, p.previous])).toEqual([
      ['1.0.0', null],
    ]);
    expect(await storedFiles(factory)).toHaveLength(6);
  });

  it('lists a damaged state apart, so the other packs still list and it can be removed', async () => {
    const factory = new IDBFactory();
    const store = new IndexedDbPacks(factory);
    await store.install(packToStore('north', '1.0.0'));
    await store.install(packToStore('west', '1.0.0'));
    await putState(factory, 'odd', { current: { folder: 'elsewhere', version: '1.0.0' } });
    await putState(factory, 'west', 'not a state');
    expect((await store.list()).map((pack) => pack.id)).toEqual(['north']);
    expect(await store.listDamaged()).toEqual(['odd', 'west']);
    const refusal: unknown = await store
      .readFile('west', '1.0.0', 'pack.json')
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PackStoreRefusedError);
    expect(wordError(refusal)).toBe(
      'The pack “west” is not installed (it may have been removed in another window).',
    );
    await store.remove('west');
    // Installing over a damaged state replaces it.
    await store.install(packToStore('odd', '2.0.0'));
    expect(await store.listDamaged()).toEqual([]);
    expect((await store.list()).map((pack) => [pack.id, pack.current.version])).toEqual([
      ['north', '1.0.0'],
      ['odd', '2.0.0'],
    ]);
    expect((await storedFiles(factory)).filter((key) => key.startsWith('west '))).toEqual([]);
    await store.close();
  });

  it('words its refusals through the catalogue', async () => {
    const store = new IndexedDbPacks(new IDBFactory());
    await store.install(packToStore('north', '1.0.0'));
    const refusal: unknown = await store.rollback('north').catch((error: unknown) => error);
    expect(wordError(refusal)).toBe('The pack “north” has no previous version to roll back to.');
    const badId: unknown = await store.remove('own').catch((error: unknown) => error);
    expect(wordError(badId)).toBe('"own" is not a pack id.');
    await store.close();
  });

  it('asks the browser once, after an install, to keep its storage', async () => {
    const asked: string[] = [];
    const storage = {
      persisted: () => (asked.push('persisted'), Promise.resolve(false)),
      persist: () => (asked.push('persist'), Promise.resolve(false)),
    };
    const store = new IndexedDbPacks(new IDBFactory(), storage);
    await store.list();
    expect(asked).toEqual([]);
    await store.install(packToStore('north', '1.0.0'));
    expect(await store.requestPersistence()).toBe(false);
    await store.install(packToStore('north', '1.1.0'));
    expect(asked).toEqual(['persisted', 'persist']);
    await store.close();
  });
});

/** Writes `value` as the stored state of `packId`, as damaged storage might hold it. */
function putState(factory: IDBFactory, packId: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = factory.open(PACKS_DATABASE);
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      const tx = open.result.transaction('state', 'readwrite');
      tx.objectStore('state').put(value, packId);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onabort = () => reject(new Error(String(tx.error)));
    };
  });
}
