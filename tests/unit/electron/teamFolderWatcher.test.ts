/** The team folder's watcher, on a real temporary folder with Node's fs.watch. */
import { EventEmitter } from 'node:events';
import type { FSWatcher } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { watchFolder } from '../../../electron/main/teamFolder/folderWatcher';
import { makeTempDir } from './tempDir';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchFolder', () => {
  it('calls once for a burst of changes, in subfolders too', async () => {
    const root = await makeTempDir('onmuni-watch-');
    await mkdir(join(root, 'members', 'm2'), { recursive: true });
    const changed = vi.fn();
    const stop = watchFolder(root, changed, { debounceMs: 100 });
    for (let index = 0; index < 5; index += 1) {
      await writeFile(join(root, 'members', 'm2', `log-00000${index}.json`), '[]');
    }
    await vi.waitFor(() => expect(changed).toHaveBeenCalled(), { timeout: 2_000 });
    await settle(300);
    expect(changed).toHaveBeenCalledTimes(1);
    stop();
  });

  it('ignores hidden files (temporary files of a write in progress, a sync tool’s)', async () => {
    const root = await makeTempDir('onmuni-watch-');
    const changed = vi.fn();
    const stop = watchFolder(root, changed, { debounceMs: 20 });
    await writeFile(join(root, '.log-000001.json.tmp-1-abcdef012345'), 'half');
    await writeFile(join(root, '.syncthing.member.json.tmp'), 'half');
    await settle(300);
    expect(changed).not.toHaveBeenCalled();
    stop();
  });

  it('leaves out the changes it is told to ignore, by their path below the root', async () => {
    const root = await makeTempDir('onmuni-watch-');
    await mkdir(join(root, 'members', 'me'), { recursive: true });
    const changed = vi.fn();
    const ignored: string[] = [];
    const stop = watchFolder(root, changed, {
      debounceMs: 20,
      ignore: (path) => {
        ignored.push(path);
        return path === 'members/me/log-000001.json';
      },
    });
    await writeFile(join(root, 'members', 'me', 'log-000001.json'), '[]');
    await settle(300);
    expect(changed).not.toHaveBeenCalled();
    expect(ignored).toContain('members/me/log-000001.json');
    await writeFile(join(root, 'members', 'me', 'log-000002.json'), '[]');
    await vi.waitFor(() => expect(changed).toHaveBeenCalled(), { timeout: 2_000 });
    stop();
  });

  it('does not hold a steady stream of changes back longer than maxWaitMs', async () => {
    const root = await makeTempDir('onmuni-watch-');
    const changed = vi.fn();
    const stop = watchFolder(root, changed, { debounceMs: 200, maxWaitMs: 300 });
    const started = Date.now();
    while (changed.mock.calls.length === 0 && Date.now() - started < 2_000) {
      await writeFile(join(root, 'busy.json'), String(Date.now()));
      await settle(50);
    }
    expect(changed).toHaveBeenCalled();
    expect(Date.now() - started).toBeLessThan(1_000);
    stop();
  });

  it('is quiet once stopped', async () => {
    const root = await makeTempDir('onmuni-watch-');
    const changed = vi.fn();
    const stop = watchFolder(root, changed, { debounceMs: 20 });
    await writeFile(join(root, 'a.json'), '{}');
    stop();
    await writeFile(join(root, 'b.json'), '{}');
    await settle(200);
    expect(changed).not.toHaveBeenCalled();
  });

  it('watches nothing, and fails nothing, when the folder is not there', async () => {
    const root = await makeTempDir('onmuni-watch-');
    await rm(root, { recursive: true });
    const changed = vi.fn();
    const stop = watchFolder(root, changed);
    expect(() => stop()).not.toThrow();
    expect(changed).not.toHaveBeenCalled();
  });

  it('falls back to the top level where recursive watching is not offered', () => {
    const asked: boolean[] = [];
    const watch = (_path: string, options: { recursive?: boolean }): FSWatcher => {
      asked.push(options.recursive ?? false);
      if (options.recursive)
        throw Object.assign(new Error('no'), { code: 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM' });
      return Object.assign(new EventEmitter(), { close: vi.fn() }) as unknown as FSWatcher;
    };
    const stop = watchFolder('/team', vi.fn(), { watch });
    expect(asked).toEqual([true, false]);
    stop();
  });

  it('stops for good when the watcher fails (the folder went away)', async () => {
    const emitter = Object.assign(new EventEmitter(), { close: vi.fn() });
    const changed = vi.fn();
    watchFolder('/team', changed, {
      debounceMs: 10,
      watch: () => emitter as unknown as FSWatcher,
    });
    emitter.emit('change', 'rename', 'a.json');
    emitter.emit('error', new Error('EPERM'));
    expect(emitter.close).toHaveBeenCalledTimes(1);
    await settle(50);
    expect(changed).not.toHaveBeenCalled();
  });
});
