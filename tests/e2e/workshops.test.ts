import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ContentDocument, DocumentStoreFile } from '../../renderer/src/core/content/model';
import { rendererOutDir } from '../../build/scripts/serve';
import { SettingsPage, type ThemeChoice } from './pages/SettingsPage';
import { expectNoAxeViolations } from './support/axe';
import { ConsoleRecorder } from './support/console-recorder';
import { describe, expect, test, type AppSession } from './support/fixtures';
import { AudienceView, HandoutView, PresenterView } from './support/pages/PresentationPages';
import { WorkshopListPage, WorkshopPage } from './support/pages/WorkshopPages';
import { pdfText } from './support/pdfText';

/** The bundled workshops of the served build: titles and blocks are read from it, not retyped. */
const store = JSON.parse(
  readFileSync(join(rendererOutDir, 'data', 'documents.json'), 'utf8'),
) as DocumentStoreFile;

type WorkshopDoc = Extract<ContentDocument, { type: 'workshop' }>;

function workshop(id: string): WorkshopDoc {
  const found = store.documents.find((doc) => doc.id === id);
  if (found?.type !== 'workshop') throw new Error(`The built corpus has no workshop ${id}.`);
  return found;
}

const COUNCIL = workshop('workshop-council-digital-awareness');

async function openFromList(app: AppSession, target: WorkshopDoc): Promise<WorkshopPage> {
  const list = new WorkshopListPage(app.page);
  await app.open('/workshops');
  await list.waitUntilReady();
  await list.workshopLink(target.title).click();
  const page = new WorkshopPage(app.page);
  await page.waitForWorkshop(target.title);
  return page;
}

async function present(app: AppSession, target: WorkshopDoc): Promise<AudienceView> {
  const page = await openFromList(app, target);
  await page.present.click();
  const audience = new AudienceView(app.page);
  await audience.waitForSlide(1);
  return audience;
}

/** Opens the presenter view from the audience view's button: a second page of the same context. */
async function openPresenter(app: AppSession, audience: AudienceView) {
  const [popup] = await Promise.all([
    app.context.waitForEvent('page'),
    audience.presenterView.click(),
  ]);
  const consoleRecorder = ConsoleRecorder.attach(popup);
  const presenter = new PresenterView(popup);
  await presenter.heading.waitFor();
  return { presenter, popup, consoleRecorder };
}

async function chooseTheme(app: AppSession, theme: ThemeChoice): Promise<void> {
  const settings = new SettingsPage(app.page);
  await app.open('/settings');
  await settings.waitUntilReady();
  await settings.chooseTheme(theme);
  await settings.waitForThemeAttribute(theme.toLowerCase());
}

async function downloadText(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('workshops', () => {
  test('a bundled workshop opens from the Workshops page by its link, with agenda times', async ({
    app,
  }) => {
    const page = await openFromList(app, COUNCIL);
    expect(await app.page.locator('h1').count()).toBe(1);
    const rows = await page.agendaRows();
    expect(rows.map((row) => row[1])).toEqual(COUNCIL.blocks.map((block) => block.title));
    expect(rows[0]?.[0]).toBe(
      `9:00 a.m. – 9:${String(COUNCIL.blocks[0]?.minutes).padStart(2, '0')} a.m.`,
    );
    await page.startTime.fill('13:30');
    await expect.poll(async () => (await page.agendaRows())[0]?.[0]).toMatch(/^1:30 p\.m\. – /);
    // Linked documents are links into the reader.
    const firstDoc = COUNCIL.blocks[0]?.documents[0];
    expect(firstDoc).toBeDefined();
    expect(await app.page.locator(`main a[href="#/doc/${firstDoc}"]`).first().isVisible()).toBe(
      true,
    );
  });

  test('present: the keyboard moves through slides and the presenter view follows both ways', async ({
    app,
  }) => {
    const audience = await present(app, COUNCIL);
    const total = await audience.waitForSlide(1);
    expect(total).toBeGreaterThan(COUNCIL.blocks.length);
    expect(await audience.slideTitle()).toBe(COUNCIL.blocks[0]?.title);

    await app.page.keyboard.press('ArrowRight');
    await audience.waitForSlide(2);
    await app.page.keyboard.press('PageDown');
    await audience.waitForSlide(3);
    await app.page.keyboard.press('ArrowLeft');
    await audience.waitForSlide(2);
    await app.page.keyboard.press('End');
    await audience.waitForSlide(total);
    await app.page.keyboard.press('Home');
    await audience.waitForSlide(1);
    // N jumps to the next block's title slide.
    await app.page.keyboard.press('n');
    expect(await nextBlockSlide(app.page, audience)).toBeGreaterThan(2);
    await app.page.keyboard.press('Home');
    await audience.waitForSlide(1);

    const { presenter, popup, consoleRecorder } = await openPresenter(app, audience);
    expect(popup.url()).toContain(`#/workshops/${COUNCIL.id}/presenter`);
    await presenter.waitForSlide(1);
    // The audience advances: the presenter follows.
    await app.page.keyboard.press('ArrowRight');
    await presenter.waitForSlide(2);
    // The presenter advances: the audience follows.
    await presenter.next.click();
    await audience.waitForSlide(3);
    await popup.keyboard.press('ArrowRight');
    await audience.waitForSlide(4);
    await presenter.pacing.getByText(/On track|Running long|Over time/).waitFor();
    expect(consoleRecorder.problems()).toEqual([]);
  });

  test('present mode: the slide alone, full screen, readable type, the full document on demand, and Escape leaves', async ({
    app,
  }) => {
    const { page } = app;
    const audience = await present(app, COUNCIL);
    const total = await audience.waitForSlide(1);
    // "Present" asked for full screen from its click; the app's header and navigation are gone.
    expect(await page.evaluate(() => document.fullscreenElement?.tagName)).toBe('HTML');
    expect(await page.getByRole('banner').count()).toBe(0);
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(COUNCIL.title);
    // Slide text is at least 1/30 of the screen's height; the title is larger still.
    const type = await audience.slide().evaluate((slide) => {
      const size = (selector: string) =>
        parseFloat(getComputedStyle(slide.querySelector(selector) as Element).fontSize);
      return { body: size('.slide__body p'), title: size('.slide__title'), height: innerHeight };
    });
    expect(type.body).toBeGreaterThanOrEqual(type.height / 30);
    expect(type.title).toBeGreaterThan(type.body);

    // The controls keep out of sight, and the keyboard still reaches them.
    const chrome = page.locator('.present__chrome');
    const opacity = () => chrome.evaluate((element) => getComputedStyle(element).opacity);
    await expect.poll(opacity, { timeout: 6000 }).toBe('0');
    await audience.next.focus();
    expect(await opacity()).toBe('1');

    // A slide made from a document offers the whole document, and the way back.
    const showDocument = page.getByRole('button', { name: 'Show the full document', exact: true });
    let n = 1;
    while ((await showDocument.count()) === 0 && n < total) {
      await page.keyboard.press('ArrowRight');
      n = n + 1;
      await audience.waitForSlide(n);
    }
    expect(await showDocument.count()).toBe(1);
    await showDocument.click();
    const full = page.getByRole('region', { name: /^Full document: / });
    await full.waitFor();
    expect(await audience.slide().count()).toBe(0);
    const title = ((await full.getAttribute('aria-label')) ?? '').replace(/^Full document: /, '');
    const source = store.documents.find((doc) => doc.title === title);
    expect(source, `no document titled “${title}”`).toBeDefined();
    // Its sections, not only what the slide showed.
    const sections = [...(source?.body ?? '').matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections.length).toBeGreaterThan(0);
    expect(await full.getByRole('heading', { level: 2 }).allTextContents()).toEqual(
      expect.arrayContaining(sections.slice(0, 1)),
    );
    await expectNoAxeViolations(page, 'Full document in present mode');
    await page.getByRole('button', { name: 'Back to the slide', exact: true }).click();
    await audience.waitForSlide(n);

    // The presenter view has the same control, and the audience screen follows it.
    const { presenter, popup } = await openPresenter(app, audience);
    await presenter.waitForSlide(n);
    await popup.getByRole('button', { name: 'Show the full document', exact: true }).click();
    await full.waitFor();
    await popup.getByRole('region', { name: `Full document: ${title}` }).waitFor();
    await popup.getByRole('button', { name: 'Back to the slide', exact: true }).click();
    await audience.waitForSlide(n);
    await popup.close();

    // Escape leaves present mode and full screen: back to the workshop, header and all.
    await page.keyboard.press('Escape');
    const workshopPage = new WorkshopPage(page);
    await workshopPage.waitForWorkshop(COUNCIL.title);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('navigation').count()).toBeGreaterThan(0);

    // In a browser, Escape ends full screen itself and the page never sees the key: that leaves too.
    await workshopPage.present.click();
    await audience.waitForSlide(1);
    await page.evaluate(() => document.exitFullscreen());
    await workshopPage.waitForWorkshop(COUNCIL.title);
  });

  test('votes and a sticky note recorded in the presenter view show on the audience screen and export', async ({
    app,
  }) => {
    const audience = await present(app, COUNCIL);
    const { presenter, consoleRecorder } = await openPresenter(app, audience);

    await presenter.noteField.fill('Residents ask for online dog licences');
    await presenter.addNote.click();
    await presenter.voteQuestion.fill('Which three priorities matter most?');
    await presenter.voteOptions.fill('Online payments\nBroadband for the north end\nE-agendas');
    await presenter.openVote.click();
    await presenter.participant.fill('Ana');
    await presenter.dotFor('Broadband for the north end').click();
    await presenter.dotFor('Broadband for the north end').click();
    await presenter.dotFor('E-agendas').click();
    await presenter.participant.fill('Ben');
    await presenter.dotFor('E-agendas').click();
    await presenter.page.getByText('2 dots').first().waitFor();

    await presenter.showOnAudience.click();
    await audience.captureBoard.waitFor();
    await audience.captureBoard.getByText('Residents ask for online dog licences').waitFor();
    const tally = audience.captureBoard.getByRole('listitem').filter({ hasText: 'E-agendas' });
    await tally.getByText('2 dots').waitFor();
    // A dot recorded after the board is up shows at once too.
    await presenter.participant.fill('Cy');
    await presenter.dotFor('Online payments').click();
    await audience.captureBoard
      .getByRole('listitem')
      .filter({ hasText: 'Online payments' })
      .getByText('1 dot', { exact: true })
      .waitFor();

    const markdown = await downloadText(presenter.page, () => presenter.exportMarkdown.click());
    expect(markdown.name).toMatch(/\.md$/);
    expect(markdown.text).toContain('Residents ask for online dog licences');
    expect(markdown.text).toContain('Which three priorities matter most?');
    expect(markdown.text).toMatch(/\| 1 \| (Broadband for the north end|E-agendas) \| 2 \|/);
    const csv = await downloadText(presenter.page, () => presenter.exportCsv.click());
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text).toContain(
      '"Kind","Question or block","Text or option","Votes","Rank","Recorded at"',
    );
    expect(csv.text).toContain('"Vote","Which three priorities matter most?","E-agendas","2","1",');
    expect(consoleRecorder.problems()).toEqual([]);

    // Back in the main window, the session is listed with the workshop and becomes plan tasks.
    await app.page.getByRole('link', { name: 'End presentation' }).click();
    const page = new WorkshopPage(app.page);
    await page.waitForWorkshop(COUNCIL.title);
    await page.recordedSessions.getByText('1 note, 1 vote').waitFor();
    await page.recordedSessions.getByRole('button', { name: 'Turn into plan tasks' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Turn into plan tasks' });
    await dialog.getByText('4 tasks will be added').waitFor();
    await dialog.getByRole('button', { name: 'Add tasks' }).click();
    await dialog.getByText(/^Added 4 tasks to “Follow-up: /).waitFor();
    await dialog.getByRole('link', { name: 'Open the plan' }).click();
    await app.page.getByText('Residents ask for online dog licences').first().waitFor();
  });

  test('the handout prints to PDF with the agenda and the worksheet', async ({ app }) => {
    const page = await openFromList(app, COUNCIL);
    await page.printHandout.click();
    const handout = new HandoutView(app.page);
    await handout.waitForHandout(COUNCIL.title);
    expect(await handout.worksheet.getByRole('checkbox').count()).toBe(8 * 5);

    const dir = mkdtempSync(join(tmpdir(), 'onmuni-handout-'));
    try {
      const pdf = join(dir, 'handout.pdf');
      await app.page.emulateMedia({ media: 'print' });
      await app.page.pdf({ path: pdf, format: 'Letter' });
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
      expect(text).toContain('Agenda');
      for (const block of COUNCIL.blocks) expect(text).toContain(block.title.replace(/\s+/g, ' '));
      expect(text).toContain('9:00 a.m. – 9:10 a.m.');
      expect(text).toContain('digital maturity self-assessment');
      // The app's chrome is not printed.
      expect(text).not.toContain('Skip to main content');
      expect(text).not.toContain('Print handout');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a duplicated workshop is edited, reordered with the keyboard and autosaved', async ({
    app,
  }) => {
    const list = new WorkshopListPage(app.page);
    await app.open('/workshops');
    await list.waitUntilReady();
    await list.duplicateButton(COUNCIL.title).click();
    const page = new WorkshopPage(app.page);
    await page.waitForWorkshop(`${COUNCIL.title} (copy)`);
    const first = COUNCIL.blocks[0]?.title ?? '';
    const second = COUNCIL.blocks[1]?.title ?? '';

    // Move the first block down with the keyboard: focus stays on the moved block's button.
    const moveDown = page.blockEditor(1).getByRole('button', { name: 'Move down', exact: true });
    await moveDown.focus();
    await app.page.keyboard.press('Enter');
    await expect
      .poll(async () => (await page.agendaRows()).map((r) => r[1]).slice(0, 2))
      .toEqual([second, first]);
    const focused = await app.page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Move down');
    await app.page.keyboard.press('Shift+Tab');
    await app.page.keyboard.press('Enter');
    await expect.poll(async () => (await page.agendaRows()).map((r) => r[1])[0]).toBe(first);

    // Edit a block's minutes: start times follow; then add a block.
    const minutes = page.blockEditor(1).getByRole('spinbutton', { name: 'Minutes' });
    await minutes.fill('25');
    await expect.poll(async () => (await page.agendaRows())[1]?.[0]).toMatch(/^9:25 a\.m\./);
    await app.page.getByRole('button', { name: 'Add block', exact: true }).click();
    await page.blockEditor(COUNCIL.blocks.length + 1).waitFor();
    await page.waitUntilSaved();

    // Autosaved: a reload shows the changes.
    await app.page.reload();
    await page.waitForWorkshop(`${COUNCIL.title} (copy)`);
    const rows = await page.agendaRows();
    expect(rows).toHaveLength(COUNCIL.blocks.length + 1);
    expect(rows[0]?.[2]).toBe('25 min');
    expect(rows.at(-1)?.[1]).toBe('New block');
  });
});

/** The slide number where the second block starts, read from the deck as the app built it. */
async function nextBlockSlide(page: Page, audience: AudienceView): Promise<number> {
  // After N the app shows the second block's title slide, titled with the block's title.
  const title = COUNCIL.blocks[1]?.title ?? '';
  await page
    .getByRole('region', { name: /^Slide \d+ of \d+$/ })
    .getByRole('heading', {
      level: 2,
      name: title,
      exact: true,
    })
    .waitFor();
  const label = (await audience.slide().getAttribute('aria-label')) ?? '';
  const n = Number(/^Slide (\d+)/.exec(label)?.[1]);
  expect(n).toBeGreaterThan(1);
  return n;
}

describe.each<ThemeChoice>(['Light', 'Dark'])('workshops, axe-core, %s theme', (theme) => {
  test('the list, a workshop, the audience view, the presenter view and the handout have no violations', async ({
    app,
  }) => {
    await chooseTheme(app, theme);
    const page = await openFromList(app, COUNCIL);
    const list = new WorkshopListPage(app.page);
    await app.page.goBack();
    await list.waitUntilReady();
    await expectNoAxeViolations(app.page, `Workshops (${theme})`);
    await list.workshopLink(COUNCIL.title).click();
    await page.waitForWorkshop(COUNCIL.title);
    await expectNoAxeViolations(app.page, `Workshop page (${theme})`);

    await page.present.click();
    const audience = new AudienceView(app.page);
    await audience.waitForSlide(1);
    await expectNoAxeViolations(app.page, `Audience view (${theme})`);

    const { presenter, popup } = await openPresenter(app, audience);
    await presenter.noteField.fill('A note for the board');
    await presenter.addNote.click();
    await presenter.showOnAudience.click();
    await audience.captureBoard.getByText('A note for the board').waitFor();
    await app.page.keyboard.press('ArrowRight');
    await presenter.waitForSlide(2);
    await expectNoAxeViolations(app.page, `Audience view with notes and votes (${theme})`);
    await expectNoAxeViolations(popup, `Presenter view (${theme})`);

    await app.open(`/workshops/${COUNCIL.id}/handout`);
    await new HandoutView(app.page).waitForHandout(COUNCIL.title);
    await expectNoAxeViolations(app.page, `Handout (${theme})`);

    // The editor of one's own workshop.
    await app.open('/workshops');
    await list.waitUntilReady();
    await list.newWorkshop.click();
    await new WorkshopPage(app.page).waitForWorkshop('New workshop');
    await app.page.getByRole('button', { name: 'Add block', exact: true }).click();
    await new WorkshopPage(app.page).blockEditor(1).waitFor();
    await expectNoAxeViolations(app.page, `Workshop editor (${theme})`);
    // A block's question form, as a dot vote with a problem shown under a field.
    const block = new WorkshopPage(app.page).blockEditor(1);
    await block.getByRole('button', { name: 'Add a question', exact: true }).click();
    await block.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('dot-vote');
    await block.getByRole('button', { name: 'Add question', exact: true }).click();
    await block.getByText('Write the question participants will answer.').waitFor();
    await expectNoAxeViolations(app.page, `Workshop editor, question form (${theme})`);
  });
});
