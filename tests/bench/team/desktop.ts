/**
 * The desktop's storage in Node: main's data folder code (electron/main/storage.ts, the code the
 * `storage:read` and `storage:write` handlers call) on a temporary folder, with the answers
 * worded as the desktop host words them. What is left out is the IPC hop itself (structured
 * clone of the text to main and the reply back): small beside the work measured, and it runs
 * while the page is free.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDocumentFolder } from '../../../electron/main/storage';
import type { DocumentStorage } from '../../../renderer/src/core/store/DocumentStorage';
import { wordStoredRead } from '../../../renderer/src/host/electronHost';

export interface DesktopStorage {
  storage: DocumentStorage;
  /** Bytes of the planner's documents on disk (backups not counted). */
  storedBytes(): Promise<number>;
  close(): Promise<void>;
}

export async function openDesktopStorage(): Promise<DesktopStorage> {
  const dir = await mkdtemp(path.join(tmpdir(), 'onmuni-team-bench-'));
  const folder = await openDocumentFolder(dir);
  return {
    storage: {
      read: async (key) => wordStoredRead(await folder.read(key)),
      write: (key, text) => folder.write(key, text),
    },
    async storedBytes() {
      let bytes = 0;
      for (const name of await readdir(dir)) {
        if (name.startsWith('planner') && name.endsWith('.json')) {
          bytes += (await stat(path.join(dir, name))).size;
        }
      }
      return bytes;
    },
    async close() {
      await folder.flush();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The data folder's own cost for a small write (atomic: temporary file, flush to disk, rename,
 * flush of the folder), which no store can go below: `count` writes of a 10 KB document.
 */
export async function timeSmallWrites(count: number): Promise<number[]> {
  const desktop = await openDesktopStorage();
  try {
    const text = JSON.stringify({ filler: 'x'.repeat(10_000) });
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      await desktop.storage.write('probe', text);
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    await desktop.close();
  }
}
