/**
 * Desktop smoke test: starts the real app (packaged, or the development binary on out/), walks its
 * main screens and proves that nothing reached the network.
 *
 * Why not Playwright's `_electron.launch`: it starts the app with `--inspect`, which the
 * `enableNodeCliInspectArguments` fuse burnt by electron-builder.yml refuses, so the launch would
 * time out on every packaged build. Instead the app is started here with Chromium's own
 * `--remote-debugging-port` (a renderer debugging port that no fuse governs) and Playwright
 * attaches with `connectOverCDP`.
 *
 * Two independent witnesses that the app stays offline:
 *   1. every request the pages make, recorded by Playwright, must be app:, data: or blob:;
 *   2. Chromium's net log (`--log-net-log`) of the whole run, main process and spellchecker
 *      included, must name no http(s) or ws(s) URL other than the debugging port itself.
 *
 * Run it through `npm run test:electron` (tests/electron/run.ts), which sets what to launch.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { AppShell, SCREENS, screenNamed } from '../e2e/pages/AppShell';
import { LibraryPage } from '../e2e/pages/LibraryPage';
import { SearchPage } from '../e2e/pages/SearchPage';
import { PlannerHomeScreen } from '../e2e/support/pages/PlannerHomeScreen';
import { AudienceView } from '../e2e/support/pages/PresentationPages';
import { ReaderPage } from '../e2e/support/pages/ReaderPage';
import { WorkshopListPage, WorkshopPage } from '../e2e/support/pages/WorkshopPages';
import { manifestFields, readPackFolder } from '../../build/packs/readFolder';
import { writePack } from '../../renderer/src/core/packs/writePack';
import {
  APP_ORIGIN,
  APP_TITLE,
  STEP_TIMEOUT_MS,
  connect,
  findAppPage,
  hasExited,
  keepForInspection,
  launch,
  launchSettings,
  quit,
  sleep,
  type RunningApp,
} from './desktopApp';
import { isForeignRequest, networkUrlsInNetLog } from './offline';
import { SMOKE_ENV } from './run';

/** Records every request (and WebSocket) of every page in the context. */
function recordRequests(app: RunningApp, context: BrowserContext): void {
  const watch = (page: Page): void => {
    page.on('websocket', (socket) => app.requests.push(socket.url()));
  };
  context.on('request', (request) => app.requests.push(request.url()));
  context.on('page', watch);
  context.pages().forEach(watch);
}

/** The net log's event count, or why it could not be parsed (a killed app leaves it unfinished). */
function netLogSummary(text: string): string {
  try {
    const parsed = JSON.parse(text) as { events?: unknown[] };
    return `${parsed.events?.length ?? 0} events, complete`;
  } catch {
    return 'unfinished (the app did not close it)';
  }
}

let app: RunningApp | undefined;
let anyFailed = false;

function running(): RunningApp & { page: Page; context: BrowserContext } {
  if (app?.page === undefined || app.context === undefined) {
    throw new Error('The app did not start; see the first failure.');
  }
  return app as RunningApp & { page: Page; context: BrowserContext };
}

describe(`the desktop app (${process.env[SMOKE_ENV.packaged] === '1' ? 'packaged' : 'development build'})`, () => {
  beforeAll(async () => {
    // Until the app is up, a failure here is a failed run: keep its logs.
    anyFailed = true;
    app = await launch(launchSettings());
    app.browser = await connect(app);
    app.page = await findAppPage(app, app.browser);
    app.context = app.page.context();
    app.context.setDefaultTimeout(STEP_TIMEOUT_MS);
    recordRequests(app, app.context);
    // The window loaded before Playwright was attached: load it again so that the recorder sees
    // every request of a start-up too (fonts, scripts, the content and the search index).
    await app.page.reload({ waitUntil: 'load' });
    anyFailed = false;
  });

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      anyFailed = true;
    });
  });

  afterAll(async () => {
    if (app === undefined) return;
    await quit(app);
    // A helper process that outlived the app could hold these open and keep vitest waiting.
    app.child.stdout?.destroy();
    app.child.stderr?.destroy();
    if (anyFailed) keepForInspection(app);
    // A quick retry loop: on Windows the profile can stay locked for a moment after exit.
    await rm(app.workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 }).catch(
      () => console.warn(`test:electron: could not remove ${app?.workDir ?? ''}`),
    );
  });

  test('opens one window titled OnMuni Toolkit, with the Main navigation', async () => {
    const { page } = running();
    const shell = new AppShell(page);
    await shell.waitUntilReady();
    expect(page.url().startsWith(APP_ORIGIN)).toBe(true);
    // The window's title is the page's: "<screen> – OnMuni Toolkit", or the name alone.
    expect(await page.title()).toMatch(new RegExp(`(^|– )${APP_TITLE}$`));
    for (const { name } of SCREENS) {
      expect(await shell.navLink(name).isVisible(), `nav link ${name}`).toBe(true);
    }
    const appPages = running()
      .context.pages()
      .filter((candidate) => candidate.url().startsWith(APP_ORIGIN));
    expect(appPages).toHaveLength(1);
  });

  test('the Library lists documents, and one opens in the reader', async () => {
    const { page } = running();
    await new AppShell(page).navLink('Library').click();
    const library = new LibraryPage(page);
    await library.waitUntilShown();
    expect(await library.shownCount()).toBeGreaterThan(0);
    const cards = library.section('Case studies').locator('h3 a');
    expect(await cards.count()).toBeGreaterThan(0);
    const title = ((await cards.first().textContent()) ?? '').trim();
    expect(title).not.toBe('');

    await cards.first().click();
    const reader = new ReaderPage(page);
    await reader.waitForDocument(title);
    expect(((await reader.heading.textContent()) ?? '').trim()).toBe(title);
    expect(await page.title()).toContain(title);
    expect(await page.title()).toMatch(new RegExp(`${APP_TITLE}$`));
  });

  test('Search shows results as a word is typed', async () => {
    const { page } = running();
    const shell = new AppShell(page);
    await shell.navLink('Search').click();
    await shell.waitForScreen(screenNamed('Search'));
    const search = new SearchPage(page);
    await search.field.click();
    await search.field.pressSequentially('broadband');
    await search.waitForResults('broadband');
    expect(await search.items.count()).toBeGreaterThan(0);
    expect((await search.titles()).join('\n')).toMatch(/broadband/i);
  });

  test('a content pack is installed into the data folder, read, and removed (packs:* IPC)', async () => {
    const { page, workDir } = running();
    const sample = await readPackFolder(
      join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample'),
    );
    const written = await writePack(manifestFields(sample.fields), sample.documents);
    if (!written.ok) throw new Error(JSON.stringify(written.refusals));
    const file = join(workDir, 'sample.onmunipack');
    await writeFile(file, written.bytes);

    await new AppShell(page).navLink('Library').click();
    await page.getByRole('link', { name: 'Content packs', exact: true }).click();
    await page.getByLabel('Import content pack', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    const remove = page.getByRole('button', { name: 'Remove Sample township notes', exact: true });
    await remove.waitFor();

    await page.goto(`${APP_ORIGIN}#/doc/sample-township-notes--file-naming-guide`);
    await new ReaderPage(page).waitForDocument('How we name and file our electronic records');

    await page.goto(`${APP_ORIGIN}#/packs`);
    await remove.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove the pack' }).click();
    await page.getByText('No content packs are installed.').waitFor();
  });

  test('the Planner opens on its home screen', async () => {
    const { page } = running();
    await new AppShell(page).navLink('Planner').click();
    const planner = new PlannerHomeScreen(page);
    await planner.waitUntilReady();
    expect(await planner.heading.isVisible()).toBe(true);
  });

  test('a ready-made workshop is presented, one slide at a time', async () => {
    const { page } = running();
    await new AppShell(page).navLink('Workshops').click();
    const list = new WorkshopListPage(page);
    await list.waitUntilReady();
    const firstLink = page
      .getByRole('region', { name: 'Ready-made workshops' })
      .getByRole('heading', { level: 3 })
      .getByRole('link')
      .first();
    const title = ((await firstLink.textContent()) ?? '').trim();
    expect(title).not.toBe('');

    await list.workshopLink(title).click();
    const workshop = new WorkshopPage(page);
    await workshop.waitForWorkshop(title);
    await workshop.present.click();

    const audience = new AudienceView(page);
    const total = await audience.waitForSlide(1);
    expect(total).toBeGreaterThan(1);
    expect(await audience.slide().isVisible()).toBe(true);
    expect(await audience.slideTitle()).not.toBe('');
    await audience.next.click();
    await audience.waitForSlide(2);
    expect(await page.title()).toMatch(new RegExp(`^Presenting: .+ – ${APP_TITLE}$`));
  });

  test('Present takes the presentation full screen; the button leaves it and takes it back', async () => {
    const { page } = running();
    const audience = new AudienceView(page);
    await audience.slide().waitFor();
    const controls = page.getByRole('group', { name: 'Presentation controls' });
    const exitFullScreen = controls.getByRole('button', { name: 'Exit full screen', exact: true });

    // "Present" (the test above) asked for full screen from its click.
    try {
      await exitFullScreen.waitFor({ timeout: 15_000 });
    } catch {
      const alert = await page
        .getByRole('alert')
        .allTextContents()
        .catch(() => []);
      throw new Error(
        'Full screen did not engage in the desktop app' +
          (alert.length > 0
            ? ` (the page says: ${alert.join(' ')})`
            : ' and the page said nothing') +
          '. Electron asks the session permission request handler for "fullscreen" before an ' +
          'element may go full screen, and silently drops the request when it is refused (see ' +
          'isPermissionAllowed in electron/main/security.ts).',
      );
    }
    expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    expect(await audience.slide().isVisible()).toBe(true);

    await exitFullScreen.click();
    await audience.fullScreen.waitFor();
    await audience.fullScreen.click();
    await exitFullScreen.waitFor();
    expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await exitFullScreen.click();
    await audience.fullScreen.waitFor();
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  });

  test('no page request left the app (only app:, data: and blob: addresses)', () => {
    const { requests } = running();
    // The reload at start-up went through the recorder, so it cannot be empty when it works.
    expect(
      requests.some((url) => url.startsWith(APP_ORIGIN)),
      `the recorder saw no ${APP_ORIGIN} request, so it is not recording`,
    ).toBe(true);
    const foreign = requests.filter(isForeignRequest);
    expect(foreign, `requests that could reach the network:\n  ${foreign.join('\n  ')}`).toEqual(
      [],
    );
  });

  test('after quitting, the net log names no network address', async () => {
    const current = running();
    // Give anything the app might fetch in the background (e.g. spellchecker dictionaries, which
    // Chromium downloads when spellcheck is on) time to try before the app goes.
    await sleep(3_000);
    await quit(current);
    expect(hasExited(current.child), 'the app is still running').toBe(true);
    if (current.ending !== 'quit') {
      console.warn(
        `test:electron: the app did not quit by itself after Browser.close (${current.ending ?? ''}); its net log may be unfinished.`,
      );
    }
    expect(existsSync(current.netLogPath), 'Electron wrote no net log (--log-net-log)').toBe(true);
    const text = await readFile(current.netLogPath, 'utf8');
    // Proof that the file is Chromium's net log and not, say, an empty file.
    expect(text).toContain('"constants"');
    console.log(`test:electron: net log ${netLogSummary(text)}, ${text.length} bytes`);
    const urls = networkUrlsInNetLog(text, current.port);
    expect(urls, `network addresses in the net log:\n  ${urls.join('\n  ')}`).toEqual([]);
  });
});
