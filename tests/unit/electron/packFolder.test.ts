/**
 * What the desktop's pack folder does beyond the PackStorage contract (tests/unit/packs/
 * packStorage.folder.test.ts): its layout on disk, the clean-up of what a killed install or
 * removal left, and failures that leave the old state whole.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AtomicFs } from '../../../electron/main/atomicFile';
import {
  PACK_STATE_FILE,
  PackFolder,
  contentPacksDir,
  openPackFolder,
  packAnswer,
} from '../../../electron/main/packFolder';
import { STORED_PACK_FILES } from '../../../renderer/src/core/packs/packStorage';
import { fileBytes, packToStore } from '../packs/packStorageContract';
import { makeTempDir } from './tempDir';

async function sortedEntries(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

describe('PackFolder on disk', () => {
  it('keeps one folder per pack and version under content-packs, and a state naming them', async () => {
    const data = await makeTempDir();
    const packs = openPackFolder(data);
    await packs.install(packToStore('north', '1.0.0'));
    const packDir = join(contentPacksDir(data), 'pack-north');
    const [first] = (await sortedEntries(packDir)).filter((name) => name !== PACK_STATE_FILE);
    expect(first).toMatch(/^v-1\.0\.0-[0-9a-f]{12}$/);
    expect(await sortedEntries(join(packDir, first ?? ''))).toEqual([...STORED_PACK_FILES].sort());
    const bytes = await readFile(join(packDir, first ?? '', 'documents.json'));
    expect([...bytes]).toEqual([...fileBytes('north', '1.0.0', 'documents.json')]);

    await packs.install(packToStore('north', '1.1.0'));
    await packs.install(packToStore('north', '1.2.0'));
    const entries = await sortedEntries(packDir);
    expect(entries).toHaveLength(3);
    expect(entries.filter((name) => name.startsWith('v-1.0.0-'))).toEqual([]);
    const state = JSON.parse(await readFile(join(packDir, PACK_STATE_FILE), 'utf8')) as {
      current: { folder: string };
      previous: { folder: string };
    };
    expect(entries).toEqual([PACK_STATE_FILE, state.current.folder, state.previous.folder].sort());
  });

  it('is busy while an install is under way, so quitting waits for it', async () => {
    const packs = openPackFolder(await makeTempDir());
    expect(packs.busy).toBe(false);
    const installing = packs.install(packToStore('north', '1.0.0'));
    expect(packs.busy).toBe(true);
    await packs.flush();
    expect(packs.busy).toBe(false);
    await installing;
    expect((await packs.list()).map((pack) => pack.current.version)).toEqual(['1.0.0']);
  });

  it('stores a pack whose id Windows reserves as a file name under a prefixed folder', async () => {
    const data = await makeTempDir();
    const packs = openPackFolder(data);
    await packs.install(packToStore('con', '1.0.0'));
    expect(await sortedEntries(contentPacksDir(data))).toEqual(['pack-con']);
    expect((await packs.list()).map((pack) => pack.id)).toEqual(['con']);
  });

  it('deletes what a killed install or removal left, before its first answer', async () => {
    const data = await makeTempDir();
    await openPackFolder(data).install(packToStore('north', '1.0.0'));
    const root = contentPacksDir(data);
    const packDir = join(root, 'pack-north');
    const kept = await sortedEntries(packDir);
    // An install killed while writing, one killed after its rename, a state write's temp file.
    await mkdir(join(packDir, '.install-0123456789ab'));
    await writeFile(join(packDir, '.install-0123456789ab', 'pack.json'), 'partial');
    await mkdir(join(packDir, 'v-1.1.0-0123456789ab'));
    await writeFile(join(packDir, `.${PACK_STATE_FILE}.tmp-1-0123456789ab`), '{"current"');
    // A first install killed before its state, or a removal killed after it.
    await mkdir(join(root, 'pack-half', 'v-1.0.0-0123456789ab'), { recursive: true });
    // Not ours: left alone.
    await writeFile(join(root, 'notes.txt'), 'mine');

    const packs = openPackFolder(data);
    expect((await packs.list()).map((pack) => pack.id)).toEqual(['north']);
    expect(await sortedEntries(packDir)).toEqual(kept);
    expect(await sortedEntries(root)).toEqual(['notes.txt', 'pack-north']);
  });

  it('lists a state it did not write as damaged, deletes none of it, and keeps it aside on reinstall', async () => {
    const data = await makeTempDir();
    const root = contentPacksDir(data);
    const damaged = '{"current": "elsewhere/../.."}';
    await mkdir(join(root, 'pack-odd', 'v-1.0.0-0123456789ab'), { recursive: true });
    await writeFile(join(root, 'pack-odd', PACK_STATE_FILE), damaged);
    const packs = openPackFolder(data);
    expect(await packs.list()).toEqual([]);
    expect(await packs.listDamaged()).toEqual(['odd']);
    await expect(packs.readFile('odd', '1.0.0', 'pack.json')).rejects.toThrow(/notInstalled/);
    expect(await sortedEntries(join(root, 'pack-odd'))).toHaveLength(2);

    await packs.install(packToStore('odd', '2.0.0'));
    expect((await packs.list()).map((pack) => [pack.current.version, pack.previous])).toEqual([
      ['2.0.0', null],
    ]);
    expect(await packs.listDamaged()).toEqual([]);
    // The unreadable state is kept aside, byte for byte, and survives the next start-up.
    const entries = await sortedEntries(join(openPackFolder(data).dir, 'pack-odd'));
    expect(await openPackFolder(data).list()).toHaveLength(1);
    const aside = entries.filter((name) => /^state\.corrupt-.+\.json$/.test(name));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(root, 'pack-odd', aside[0] ?? ''), 'utf8')).toBe(damaged);
    // Beside it, the new state and version; the folder the damaged state may have named is gone.
    expect(entries).toHaveLength(3);
    expect(entries).toContain(PACK_STATE_FILE);
    expect(entries.filter((name) => /^v-2\.0\.0-[0-9a-f]{12}$/.test(name))).toHaveLength(1);
  });

  it('removes a damaged pack when asked', async () => {
    const data = await makeTempDir();
    const root = contentPacksDir(data);
    await mkdir(join(root, 'pack-odd'), { recursive: true });
    await writeFile(join(root, 'pack-odd', PACK_STATE_FILE), 'not json');
    const packs = openPackFolder(data);
    expect(await packs.listDamaged()).toEqual(['odd']);
    await packs.remove('odd');
    expect(await packs.listDamaged()).toEqual([]);
    expect(await sortedEntries(root)).toEqual([]);
  });

  it('answers a refusal over IPC as its code (packAnswer)', async () => {
    const packs = openPackFolder(await makeTempDir());
    expect(await packAnswer(packs.rollback('north'))).toEqual({
      status: 'refused',
      refusal: { code: 'notInstalled', packId: 'north' },
    });
    expect(await packAnswer(packs.remove('north'))).toEqual({ status: 'done', value: undefined });
    await expect(packAnswer(Promise.reject(new Error('disk gone')))).rejects.toThrow('disk gone');
  });

  it.each([
    ['renaming the new version into place', (from: string) => from.includes('.install-')],
    ['writing the state', (from: string) => from.includes(`.${PACK_STATE_FILE}.tmp-`)],
  ])('keeps the old version whole when %s fails', async (_step, failsFor) => {
    const data = await makeTempDir();
    await openPackFolder(data).install(packToStore('north', '1.0.0'));
    const packDir = join(contentPacksDir(data), 'pack-north');
    const before = await sortedEntries(packDir);
    const fs: AtomicFs = {
      rename: async (from, to) => {
        if (failsFor(from)) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        const { rename } = await import('node:fs/promises');
        await rename(from, to);
      },
    };
    const failing = new PackFolder(contentPacksDir(data), { fs, retryDelaysMs: [] });
    await expect(failing.install(packToStore('north', '1.1.0'))).rejects.toThrow(/no space/);
    expect((await failing.list()).map((pack) => pack.current.version)).toEqual(['1.0.0']);
    expect(await sortedEntries(packDir)).toEqual(before);
    const fresh = openPackFolder(data);
    expect([...(await fresh.readFile('north', '1.0.0', 'catalog.json'))]).toEqual([
      ...fileBytes('north', '1.0.0', 'catalog.json'),
    ]);
  });
});
