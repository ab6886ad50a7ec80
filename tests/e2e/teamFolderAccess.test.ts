/**
 * The browser edition's team folder code in Chromium, on the origin-private file system: the
 * FolderAccess contract run through the real DirectoryHandleFolder, and choosing, remembering
 * (across a reload) and leaving a folder through the real BrowserTeamFolder and its test seam.
 * The code is bundled from the app's source into the served app's page, which gives it the
 * app's origin and secure context (http://127.0.0.1).
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll } from 'vitest';
import { TEAM_FOLDER_TEST_SEAM } from '../../renderer/src/host/browserTeamFolder';
import { folderAccessContract } from '../unit/team/folderAccessContract';
import { describe, expect, test } from './support/fixtures';
import { bundleForPage } from './support/pageBundle';
import type * as InPage from './support/teamFolderInPage';

const GLOBAL = 'teamFolderInPage';
let script = '';

beforeAll(async () => {
  script = await bundleForPage(resolve(import.meta.dirname, 'support/teamFolderInPage.ts'), GLOBAL);
});

/** Loads the team folder code into the page, for {@link call}. */
async function loadInto(page: Page): Promise<void> {
  await page.evaluate(script);
}

type InPageCode = typeof InPage;

/** Calls one of the in-page functions with JSON arguments and resolves with its answer. */
function call<K extends keyof InPageCode>(
  page: Page,
  name: K,
  ...args: Parameters<InPageCode[K]>
): Promise<Awaited<ReturnType<InPageCode[K]>>> {
  // A string expression: the page's Content-Security-Policy allows no eval of the page's own.
  return page.evaluate(`${GLOBAL}.${name}(...${JSON.stringify(args)})`);
}

describe('the team folder in the browser edition', () => {
  test('DirectoryHandleFolder keeps the FolderAccess contract', async ({ app }) => {
    await app.open();
    await loadInto(app.page);
    const results = await call(app.page, 'runContract');
    expect(results.map((result) => result.name)).toEqual(
      folderAccessContract.map((contractCase) => contractCase.name),
    );
    expect(results.filter((result) => result.error !== undefined)).toEqual([]);
  });

  test('chooses a folder, finds it again after a reload, and leaves it without deleting anything', async ({
    app,
  }) => {
    await app.context.addInitScript(
      ([key, name]) => {
        (window as unknown as Record<string, string>)[key] = name;
      },
      [TEAM_FOLDER_TEST_SEAM, 'member-a'] as const,
    );
    await app.open();
    await loadInto(app.page);
    await expect(call(app.page, 'restoreAndRead', 'onmuni-team.json')).resolves.toBeNull();
    await expect(
      call(app.page, 'chooseAndWrite', 'onmuni-team.json', '{"format":1}'),
    ).resolves.toEqual({ name: 'member-a', files: ['onmuni-team.json'] });
    // The write left the file alone: no swap or temporary file beside it.
    await expect(call(app.page, 'privateFolderNames', 'member-a')).resolves.toEqual([
      'onmuni-team.json',
    ]);

    await app.page.reload({ waitUntil: 'load' });
    await loadInto(app.page);
    await expect(call(app.page, 'restoreAndRead', 'onmuni-team.json')).resolves.toBe(
      '{"format":1}',
    );

    // The app itself reopened the remembered folder at start and joined it (writing its member
    // folder), so the folder may hold more than the test wrote: leaving must keep all of it.
    const beforeLeaving = await call(app.page, 'privateFolderNames', 'member-a');
    expect(beforeLeaving).toContain('onmuni-team.json');
    await call(app.page, 'forget');
    await app.page.reload({ waitUntil: 'load' });
    await loadInto(app.page);
    await expect(call(app.page, 'restoreAndRead', 'onmuni-team.json')).resolves.toBeNull();
    const afterLeaving = await call(app.page, 'privateFolderNames', 'member-a');
    expect(afterLeaving).toEqual(expect.arrayContaining(beforeLeaving));
  });
});
