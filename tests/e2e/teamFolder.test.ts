import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SettingsPage } from './pages/SettingsPage';
import { expectNoAxeViolations } from './support/axe';
import { ConsoleRecorder } from './support/console-recorder';
import { describe, expect, test, type AppSession } from './support/fixtures';
import { PlanScreen } from './support/pages/PlanScreen';
import { PlannerHomeScreen } from './support/pages/PlannerHomeScreen';
import { RequestRecorder } from './support/request-recorder';

/**
 * Two members of a task force, as two browser contexts of the built app (each with its own
 * storage and its own origin-private file system). Each joins "its" team folder: a folder in its
 * own OPFS, handed to "Choose team folder" through the browser host's test seam, so the real
 * code reads and writes it. The test plays the sync tool, copying files between the two folders.
 */

/** The OPFS folder each member uses as the team folder. */
const FOLDER = 'team-folder';

/** One file of a team folder, by its path inside it. */
interface FolderFile {
  readonly path: string;
  readonly bytes: number[];
}

/** Every file in a member's team folder (hidden files, a sync tool's temporaries, left out). */
function folderFiles(page: Page): Promise<FolderFile[]> {
  return page.evaluate(async (name) => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle(name, { create: true });
    const files: { path: string; bytes: number[] }[] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      // entries() is in Chromium's File System Access API, not yet in TypeScript's DOM types.
      const entries = (
        dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }
      ).entries();
      for await (const [entryName, handle] of entries) {
        if (entryName.startsWith('.')) continue;
        const path = prefix ? `${prefix}/${entryName}` : entryName;
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, path);
        else {
          const file = await (handle as FileSystemFileHandle).getFile();
          files.push({ path, bytes: [...new Uint8Array(await file.arrayBuffer())] });
        }
      }
    };
    await walk(folder, '');
    return files;
  }, FOLDER);
}

/** Writes files into a member's team folder, as a sync tool delivering them. */
async function deliver(page: Page, files: readonly FolderFile[]): Promise<void> {
  await page.evaluate(
    async ({ name, incoming }) => {
      const root = await navigator.storage.getDirectory();
      const folder = await root.getDirectoryHandle(name, { create: true });
      for (const file of incoming) {
        const parts = file.path.split('/');
        const fileName = parts.pop() as string;
        let dir = folder;
        for (const part of parts) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (
          await dir.getFileHandle(fileName, { create: true })
        ).createWritable();
        await writable.write(new Uint8Array(file.bytes));
        await writable.close();
      }
    },
    { name: FOLDER, incoming: files },
  );
}

/** Brings both folders in step: each gets the files the other has and it lacks or has older. */
async function syncFolders(a: Page, b: Page): Promise<void> {
  const [filesA, filesB] = await Promise.all([folderFiles(a), folderFiles(b)]);
  const differs = (from: readonly FolderFile[], to: readonly FolderFile[]) => {
    const there = new Map(to.map((file) => [file.path, file.bytes.join(',')]));
    return from.filter((file) => there.get(file.path) !== file.bytes.join(','));
  };
  // Each member writes only its own member folder, so a file differs in one direction only.
  await deliver(b, differs(filesA, filesB));
  await deliver(a, differs(filesB, filesA));
}

/**
 * Makes "Choose team folder" open the member's OPFS folder instead of the system's picker: the
 * browser host's test seam (host/browserTeamFolder.ts), set before any of the app's scripts run.
 */
async function offerFolder(context: BrowserContext): Promise<void> {
  await context.addInitScript((name) => {
    (window as unknown as Record<string, unknown>).__onmuniTestTeamFolder = name;
  }, FOLDER);
}

/** Sets the member's name and joins the team folder from Settings. */
async function join(
  app: Pick<AppSession, 'page' | 'open' | 'context'>,
  name: string,
): Promise<void> {
  const settings = new SettingsPage(app.page);
  await offerFolder(app.context);
  await app.open('/settings');
  await settings.waitUntilReady();
  await settings.setName(name);
  await app.page.getByRole('button', { name: 'Choose team folder', exact: true }).click();
  await app.page.getByText(/Last synced \d/).waitFor();
}

/** A second member, in a context of its own, with the same checks the `app` fixture makes. */
interface Member {
  readonly context: BrowserContext;
  readonly page: Page;
  open(route: string): Promise<void>;
  problems(): string[];
}

async function secondMember(browser: Browser, app: AppSession): Promise<Member> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  const requests = await RequestRecorder.attach(context, app.baseURL);
  const page = await context.newPage();
  const consoleRecorder = ConsoleRecorder.attach(page);
  return {
    context,
    page,
    open: async (route) => {
      await page.goto(app.urlFor(route), { waitUntil: 'load' });
    },
    problems: () => [requests, consoleRecorder].flatMap((recorder) => recorder.problems()),
  };
}

const PLAN = 'Shared permits plan';

describe('team folder', () => {
  test('two members share a plan, both edit it, and they converge', async ({ app, browser }) => {
    const alice = app;
    const bob = await secondMember(browser, app);
    let problems: string[];
    try {
      await join(alice, 'Alice Martin');
      await join(bob, 'Bob Okafor');

      // Alice makes a plan and shares it.
      const aliceHome = new PlannerHomeScreen(alice.page);
      await alice.open('/planner');
      await aliceHome.waitUntilReady();
      await aliceHome.createPlan(PLAN, 'empty');
      const share = alice.page.getByRole('checkbox', { name: 'Share with team', exact: true });
      await share.check();
      await new PlanScreen(alice.page).waitUntilSaved();

      // Her member folder gets the plan (published a second after the save); the "sync tool"
      // carries it over, and Bob's window finds it on its next poll, without a reload.
      const bobHome = new PlannerHomeScreen(bob.page);
      await bob.open('/planner');
      await bobHome.waitUntilReady();
      await expect
        .poll(
          async () => {
            await syncFolders(alice.page, bob.page);
            return bobHome.planLink(PLAN).count();
          },
          { timeout: 20_000, interval: 1000 },
        )
        .toBe(1);

      // Team activity on Bob's side says who shared it.
      const activity = bob.page.getByRole('region', { name: 'Team activity' });
      await expect
        .poll(() => activity.textContent())
        .toContain(`Alice Martin shared the plan “${PLAN}”`);

      // Both edit: Alice adds a task, Bob adds another.
      const addTask = async (page: Page, title: string) => {
        await page.getByRole('button', { name: 'Add task', exact: true }).click();
        await page.getByLabel('Title', { exact: true }).fill(title);
        await page.getByRole('button', { name: 'Create task', exact: true }).click();
        await new PlanScreen(page).waitUntilSaved();
      };
      await bobHome.planLink(PLAN).click();
      await addTask(bob.page, 'Bob’s task: draft the bylaw');
      await addTask(alice.page, 'Alice’s task: name a lead');

      const tasksOf = (page: Page) =>
        page
          .locator('.task-table tbody tr th a')
          .allTextContents()
          .then((texts) => texts.map((text) => text.trim()).sort());
      await expect
        .poll(
          async () => {
            await syncFolders(alice.page, bob.page);
            const [a, b] = await Promise.all([tasksOf(alice.page), tasksOf(bob.page)]);
            return a.length === 2 && JSON.stringify(a) === JSON.stringify(b) ? a : [a, b];
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toEqual(['Alice’s task: name a lead', 'Bob’s task: draft the bylaw']);

      // Alice's Planner home lists Bob's change by name.
      await alice.open('/planner');
      await aliceHome.waitUntilReady();
      await expect
        .poll(() => alice.page.getByRole('region', { name: 'Team activity' }).textContent())
        .toContain('Bob Okafor added the task “Bob’s task: draft the bylaw”');
      await expectNoAxeViolations(alice.page, 'Planner with a team folder joined');

      // Bob did not share the plan: deleting it asks first, naming it; Undo brings it back.
      await bob.open('/planner');
      await bobHome.waitUntilReady();
      await bob.page.getByRole('button', { name: `Delete the plan “${PLAN}”` }).click();
      const confirm = bob.page.getByRole('dialog', { name: `Delete the shared plan “${PLAN}”?` });
      await confirm.getByText('Alice Martin shared this plan with the team.').waitFor();
      await confirm.getByRole('button', { name: `Delete “${PLAN}” for everyone` }).click();
      await expect.poll(() => bobHome.planLink(PLAN).count()).toBe(0);
      await bob.page.getByRole('button', { name: 'Undo', exact: true }).click();
      await expect.poll(() => bobHome.planLink(PLAN).count()).toBe(1);

      // Settings shows when the folder was last read, and who is in it.
      await alice.open('/settings');
      const section = alice.page.getByRole('region', { name: 'Team folder' });
      await expect.poll(() => section.textContent()).toMatch(/Last synced \d/);
      await expect.poll(() => section.textContent()).toContain('Bob Okafor');
      await expectNoAxeViolations(alice.page, 'Settings with a team folder joined');

      // Removing Bob keeps him listed, marked removed (his past changes stay his). The folder has
      // no access control, so the dialog says where his access is taken away: the sync tool.
      await section.getByRole('button', { name: 'Remove member Bob Okafor' }).click();
      const removal = alice.page.getByRole('dialog', { name: 'Remove Bob Okafor from the team?' });
      await removal.getByText(/remove their access in the sync tool/).waitFor();
      await removal.getByRole('button', { name: 'Remove member', exact: true }).click();
      await section.getByText('Bob Okafor (removed)').waitFor();

      // Bob's app reads its removal and says so in his Settings (it stops writing to the folder).
      await bob.open('/settings');
      const bobSection = bob.page.getByRole('region', { name: 'Team folder' });
      await expect
        .poll(
          async () => {
            await syncFolders(alice.page, bob.page);
            return bobSection.textContent();
          },
          { timeout: 20_000, interval: 1000 },
        )
        .toContain('A teammate removed you from this team.');

      // After a restart the folder is opened again by itself, whatever page the window shows.
      await alice.open('/planner');
      await aliceHome.waitUntilReady();
      await alice.page.reload();
      await aliceHome.waitUntilReady();
      await alice.page
        .getByRole('region', { name: 'Team activity' })
        .getByText(/Last synced \d/)
        .waitFor();
    } finally {
      problems = bob.problems();
      await bob.context.close();
    }
    expect(problems).toEqual([]);
  });
});
