import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDocumentFolder } from '../../../electron/main/storage';
import { updateTask } from '../../../renderer/src/core/planner/operations/tasks';
import { parsePlannerDocument } from '../../../renderer/src/core/planner/parsePlannerDocument';
import { PLANNER_KEY, createPlannerStore } from '../../../renderer/src/core/planner/plannerStore';
import type { DocumentStorage } from '../../../renderer/src/core/store/DocumentStorage';
import { createWebStorageDocuments } from '../../../renderer/src/host/webStorageHost';
import { wordStoredRead } from '../../../renderer/src/host/electronHost';
import { MapStorage } from '../host/MapStorage';
import { MemoryStorage } from '../store/MemoryStorage';
import { taskId } from './helpers';

/**
 * The planner document as the app stored it before issue 16 (format 3, one whole document under
 * `planner`): made by that version (commit ac1a128) through its own operations and store, from the
 * benchmark's generated plans plus a hand-made one with moved, renamed and deleted phases, a
 * deleted task, dependencies, an unphased task, accents and an emoji, an empty plan, a profile
 * and two assessments. Formatted by Prettier; the store reads it as it would the compact text.
 */
const FIXTURE = fileURLToPath(new URL('../../fixtures/planner/stored-v3.json', import.meta.url));

/** What the whole-document store showed for it: the planner's own parser, format 3 to 4. */
function asTheOldStoreShowedIt(text: string) {
  const parsed = parsePlannerDocument(JSON.parse(text));
  expect(parsed.issues).toEqual([]);
  expect(parsed.migratedFrom).toBe(3);
  return parsed.data;
}

const folders: string[] = [];
afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The desktop's storage: main's data folder code on a temporary folder, worded as the host does. */
async function desktopStorage(): Promise<DocumentStorage> {
  const dir = await mkdtemp(path.join(tmpdir(), 'onmuni-migration-'));
  folders.push(dir);
  const folder = await openDocumentFolder(dir);
  return {
    read: async (key) => wordStoredRead(await folder.read(key)),
    write: (key, text) => folder.write(key, text),
  };
}

describe('moving a planner stored by format 3 into records', () => {
  it.each([
    ['in memory', () => Promise.resolve(new MemoryStorage() as DocumentStorage)],
    [
      'through the browser host',
      () => Promise.resolve(createWebStorageDocuments(new MapStorage())),
    ],
    ['through the desktop data folder', desktopStorage],
  ])('loses nothing and leaves the document as the backup (%s)', async (_where, open) => {
    const text = await readFile(FIXTURE, 'utf8');
    const expected = asTheOldStoreShowedIt(text);
    const storage = await open();
    await storage.write(PLANNER_KEY, text);

    const moved = await createPlannerStore(storage).load();
    expect(moved.report).toEqual({
      status: 'ok',
      migratedFrom: 3,
      migratedFromDocument: PLANNER_KEY,
    });
    expect(moved.data.profile).toEqual(expected.profile);
    expect(moved.data.plans).toEqual(expected.plans);
    expect(moved.data.tasks).toEqual(expected.tasks);
    expect(moved.data.assessments).toEqual(expected.assessments);
    expect(moved.data).toEqual(expected);

    // The next start reads the records, not the document, and sees the same planner.
    const store = createPlannerStore(storage);
    const reopened = await store.load();
    expect(reopened).toEqual({ data: expected, report: { status: 'ok' } });

    // An edit is kept with everything else; the old document is never written.
    const edited = updateTask(reopened.data, taskId('t-2'), { owner: 'Clerk' }).db;
    await store.save(edited);
    expect((await createPlannerStore(storage).load()).data).toEqual(edited);
    const legacy = await storage.read(PLANNER_KEY);
    expect(legacy.status === 'ok' && legacy.text).toBe(text);
  });
});
