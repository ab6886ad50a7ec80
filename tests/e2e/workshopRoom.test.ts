/**
 * The workshop room end to end (issue 17), in Chromium, on loopback: `serve --room` (started here,
 * as `npm run serve -- --room` starts it), one presenter and five participants, each in a browser
 * context of their own, plus one who has the wrong code.
 *
 * The presenter opens the printed presenter address, goes to a bundled workshop and opens its
 * presenter view (a second tab, which inherits the presenter secret), and clicks "Open room". The
 * participants open the join address it shows, enter the join code and a name, and answer: notes
 * (two hostile ones among them) and a poll. Everything arrives on the presenter's screen, as text;
 * "Close room" tells every participant. axe-core checks the participant page and the presenter
 * view while the room is live. One more participant's browser speaks Canadian French (issue 18):
 * their page is in French, and passes axe-core too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rendererOutDir, startServer, type RunningServer } from '../../build/scripts/serve';
import type { ContentDocument, DocumentStoreFile } from '../../renderer/src/core/content/model';
import { expectNoAxeViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { AudienceView, PresenterView } from './support/pages/PresentationPages';
import { WorkshopListPage, WorkshopPage } from './support/pages/WorkshopPages';

const store = JSON.parse(
  readFileSync(join(rendererOutDir, 'data', 'documents.json'), 'utf8'),
) as DocumentStoreFile;
const COUNCIL = store.documents.find((doc) => doc.id === 'workshop-council-digital-awareness');
if (COUNCIL?.type !== 'workshop') throw new Error('The built corpus has no council workshop.');
type Block = Extract<ContentDocument, { type: 'workshop' }>['blocks'][number];
type BlockQuestion = Block['questions'][number];

/** The first question of a kind among the workshop's blocks, read from the build. */
function questionOf(kind: BlockQuestion['kind']): BlockQuestion {
  for (const block of (COUNCIL as Extract<ContentDocument, { type: 'workshop' }>).blocks) {
    const found = block.questions.find((question) => question.kind === kind);
    if (found !== undefined) return found;
  }
  throw new Error(`The council workshop has no ${kind} question.`);
}
const NOTES = questionOf('notes');
const POLL = questionOf('poll');

const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
const HOSTILE_SCRIPT = '<script>window.__roomPwned = 1</script>';
const NAMES = ['Ada', 'Bo', 'Chen', 'Dana', 'Eli'];

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Dialogs any page opened (an alert would mean a note ran as markup). */
const dialogs: string[] = [];

/** A page in a browser context of its own; `locale` is the browser's language (default en-US). */
async function newPage(locale?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  context.on('page', (page) => page.on('dialog', (dialog) => dialogs.push(dialog.message())));
  return context.newPage();
}

/** A participant's page on the join address, joined with `code` and `name`. */
async function participant(joinUrl: string, code: string, name: string): Promise<Page> {
  const page = await newPage();
  await page.goto(joinUrl, { waitUntil: 'load' });
  await page.getByLabel('Join code', { exact: true }).fill(code);
  await page.getByLabel('Your name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  return page;
}

/** The presenter view of the council workshop, opened as a trainer would from the presenter address. */
async function presenterView(): Promise<Page> {
  const page = await newPage();
  await page.goto(server.presenterUrl ?? '', { waitUntil: 'load' });
  // The secret leaves the address bar at once.
  await expect.poll(() => page.url()).not.toContain('presenter=');
  await page.goto(`${server.url}#/workshops`, { waitUntil: 'load' });
  const list = new WorkshopListPage(page);
  await list.waitUntilReady();
  await list.workshopLink(COUNCIL?.title ?? '').click();
  const workshop = new WorkshopPage(page);
  await workshop.waitForWorkshop(COUNCIL?.title ?? '');
  await workshop.present.click();
  const audience = new AudienceView(page);
  await audience.waitForSlide(1);
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    audience.presenterView.click(),
  ]);
  await new PresenterView(popup).heading.waitFor();
  return popup;
}

/** A question of the presenter's room controls, by its prompt. */
function questionItem(presenter: Page, prompt: string) {
  return presenter.locator('.room-question').filter({ hasText: prompt });
}

describe('the workshop room (serve --room)', () => {
  beforeAll(async () => {
    server = await startServer({ port: 0, room: true, roomPort: 0 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  test('a presenter and five participants: join, notes, a poll, hostile text as text, close', async () => {
    const presenter = await presenterView();
    await presenter.getByRole('button', { name: 'Open room', exact: true }).click();
    const codeOutput = presenter.getByLabel('Join code', { exact: true });
    await codeOutput.waitFor();
    const joinCode = ((await codeOutput.textContent()) ?? '').replace(/\s/g, '');
    expect(joinCode).toMatch(/^\d{6}$/);
    const joinUrl = ((await presenter.getByLabel('Join address').textContent()) ?? '').trim();
    expect(joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(joinUrl).not.toBe(server.url);
    // The join address is shown as text, not only in the QR code.
    await presenter.getByText(joinUrl, { exact: true }).waitFor();

    // Someone without the right code is refused, and stays on the join form.
    const stranger = await participant(
      joinUrl,
      joinCode === '000000' ? '111111' : '000000',
      'Mallory',
    );
    await stranger.getByText('That join code is not right', { exact: false }).waitFor();
    expect(await stranger.getByLabel('Note', { exact: true }).count()).toBe(0);

    const people = await Promise.all(NAMES.map((name) => participant(joinUrl, joinCode, name)));
    for (const [index, page] of people.entries()) {
      await page.getByText(`You joined as ${NAMES[index] ?? ''}.`).waitFor();
    }
    await expect
      .poll(async () => (await presenter.getByLabel('Participants').textContent())?.trim())
      .toBe(String(NAMES.length));

    // Notes: the current block's question.
    await questionItem(presenter, NOTES.prompt)
      .getByRole('button', { name: 'Ask in the room', exact: true })
      .click();
    const notes = ['Dog licences online, please', HOSTILE_IMG, HOSTILE_SCRIPT];
    for (const [index, text] of notes.entries()) {
      const page = people[index] as Page;
      await page.getByText(NOTES.prompt).waitFor();
      await page.getByLabel('Note', { exact: true }).fill(text);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
    }
    const noteResults = questionItem(presenter, NOTES.prompt);
    for (const text of notes) await noteResults.getByText(text, { exact: true }).waitFor();
    // Shown as text: no image, no script ran, no alert, on the presenter's screen or any phone.
    for (const page of [presenter, ...people]) {
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.evaluate(() => 'roomPwned' in window || '__roomPwned' in window)).toBe(
        false,
      );
    }
    await people[4]?.getByText(HOSTILE_IMG, { exact: true }).waitFor();
    expect(dialogs).toEqual([]);

    // A phone set to Canadian French gets the page in French, and sends a note with "Envoyer".
    const francophone = await newPage('fr-CA');
    await francophone.goto(joinUrl, { waitUntil: 'load' });
    expect(await francophone.evaluate(() => document.documentElement.lang)).toBe('fr');
    await francophone.getByLabel('Code de participation', { exact: true }).fill(joinCode);
    await francophone.getByLabel('Votre nom', { exact: true }).fill('Élise');
    await francophone.getByRole('button', { name: 'Rejoindre', exact: true }).click();
    await francophone.getByText('Vous participez sous le nom Élise.').waitFor();
    await francophone.getByText(NOTES.prompt).waitFor();
    await francophone.getByLabel('Note', { exact: true }).fill('Permis en ligne, s’il vous plaît');
    await francophone.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await noteResults.getByText('Permis en ligne, s’il vous plaît', { exact: true }).waitFor();
    await expectNoAxeViolations(francophone, 'participant page in French (notes)');

    // axe-core on a participant page with a live question, and on the presenter view.
    await expectNoAxeViolations(people[4] as Page, 'participant page (notes)');
    await expectNoAxeViolations(presenter, 'presenter view with the room open');

    // A poll from another block: everyone votes; the presenter sees the votes.
    const others = presenter.getByText('Questions of the other blocks', { exact: true });
    await others.click();
    await questionItem(presenter, POLL.prompt)
      .getByRole('button', { name: 'Ask in the room', exact: true })
      .click();
    const choice = (index: number) => POLL.options[index % 2] ?? '';
    for (const [index, page] of people.entries()) {
      await page.getByRole('radio', { name: choice(index), exact: true }).check();
      await page.getByRole('button', { name: 'Vote', exact: true }).click();
      await page.getByText('Your vote is in.', { exact: false }).waitFor();
    }
    const pollResults = questionItem(presenter, POLL.prompt);
    await pollResults.getByText(`${NAMES.length} people voted`, { exact: true }).waitFor();
    await pollResults.getByText('3 votes', { exact: true }).waitFor();
    await pollResults.getByText('2 votes', { exact: true }).waitFor();
    await expectNoAxeViolations(people[0] as Page, 'participant page (poll, voted)');

    // Close room: every participant is told.
    await presenter.getByRole('button', { name: 'Close room', exact: true }).click();
    for (const page of people) await page.getByText('The room is closed').waitFor();
    await francophone.getByText('La salle est fermée').waitFor();
    await presenter.getByRole('button', { name: 'Open room', exact: true }).waitFor();
    expect(
      await fetch(joinUrl).then(
        () => 'answered',
        () => 'closed',
      ),
    ).toBe('closed');
  });
});
