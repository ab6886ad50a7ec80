import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentDocument, DocumentStoreFile } from '../../renderer/src/core/content/model';
import { rendererOutDir } from '../../build/scripts/serve';
import { AppShell } from './pages/AppShell';
import { SettingsPage, type ThemeChoice } from './pages/SettingsPage';
import { expectNoAxeViolations } from './support/axe';
import { describe, expect, test, type AppSession } from './support/fixtures';
import { ReaderPage } from './support/pages/ReaderPage';
import { pdfText } from './support/pdfText';

/** The documents the served build carries: titles and links are read from it, not retyped. */
const store = JSON.parse(
  readFileSync(join(rendererOutDir, 'data', 'documents.json'), 'utf8'),
) as DocumentStoreFile;

function doc(id: string): ContentDocument {
  const found = store.documents.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`The built corpus has no document ${id}; update this test.`);
  return found;
}

/** A case study with a sourced population, supplier-claim sources and many backlinks. */
const CASE = doc('case-middlesex-centre-e-permitting');
/** The first document that fits; chosen from the data, so a sourced figure added later keeps it true. */
function firstDoc(what: string, fits: (candidate: ContentDocument) => boolean): ContentDocument {
  const found = store.documents.find(fits);
  if (!found) throw new Error(`The built corpus has no ${what}; update this test.`);
  return found;
}

/** A case study whose tier and region are unconfirmed and which gives no population. */
const UNCONFIRMED = firstDoc(
  'case study with tier and region unconfirmed and no population',
  (candidate) =>
    candidate.type === 'case-study' &&
    candidate.municipality.population === undefined &&
    (candidate.municipality.unconfirmed ?? []).length === 2,
);
/** A document whose every source is http:, which the app never opens. */
const HTTP_ONLY = firstDoc(
  'document whose sources are all http:',
  (candidate) =>
    candidate.sources.length > 0 && candidate.sources.every((s) => s.url.startsWith('http:')),
);
const guideSteps = store.documents
  .filter((candidate) => candidate.type === 'guide-step')
  .sort((a, b) => (a.type === 'guide-step' && b.type === 'guide-step' ? a.step - b.step : 0));

async function openDocument(app: AppSession, target: ContentDocument, query = '') {
  const reader = new ReaderPage(app.page);
  await app.open(`/doc/${target.id}${query}`);
  await reader.waitForDocument(target.title);
  return reader;
}

describe('reader', () => {
  test('a case study opens from a deep link, its title the only h1, with its facts', async ({
    app,
  }) => {
    const reader = await openDocument(app, CASE);
    expect(await app.page.locator('h1').count()).toBe(1);
    expect(await reader.heading.textContent()).toBe(CASE.title);
    expect(await app.page.title()).toContain(CASE.title);
    const header = (await app.page.locator('.reader__header').textContent()) ?? '';
    expect(header).toContain('Case study');
    expect(header).toContain(CASE.summary);
    expect(header).toContain('17,262 (2016 census)');
    expect(header).toContain('Lower-tier municipality');
  });

  test('unconfirmed labels and a missing population are said in words', async ({ app }) => {
    const reader = await openDocument(app, UNCONFIRMED);
    const header = (await app.page.locator('.reader__header').textContent()) ?? '';
    expect(header).toContain('Population not given in our sources');
    expect(header.match(/not confirmed by our sources/g)).toHaveLength(2);
    expect(await reader.sources.getByRole('listitem').count()).toBe(UNCONFIRMED.sources.length);
  });

  test('an http: source is shown as text with its address, never as a link', async ({ app }) => {
    const reader = await openDocument(app, HTTP_ONLY);
    expect(await reader.sources.getByRole('link').count()).toBe(0);
    expect(await reader.sources.textContent()).toContain(HTTP_ONLY.sources[0]?.url);
  });

  test('sources are listed with publisher, date and reliability in words', async ({ app }) => {
    const reader = await openDocument(app, CASE);
    const items = reader.sources.getByRole('listitem');
    expect(await items.count()).toBe(CASE.sources.length);
    for (const source of CASE.sources) {
      await reader.sources.getByRole('link', { name: source.title }).waitFor();
    }
    const text = (await reader.sources.textContent()) ?? '';
    expect(text).toContain("Supplier's claim");
    expect(text).toContain('Municipal World, September 2023');
  });

  test('the table of contents scrolls to a section without adding history', async ({ app }) => {
    const reader = await openDocument(app, CASE);
    const historyBefore = await app.page.evaluate(() => window.history.length);
    await reader.tocLink('Results').click();
    await new AppShell(app.page).waitForHash(`#/doc/${CASE.id}?section=results`);
    expect(await app.page.evaluate(() => window.history.length)).toBe(historyBefore);
    const top = await reader.topInViewport(reader.bodyHeading('Results'));
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
    await expect.poll(() => reader.currentTocLink().textContent()).toBe('Results');
    await expect.poll(() => reader.liveRegion.textContent()).toContain('Section: Results');

    // Scrolling on by hand moves the highlight with the reader.
    await reader.bodyHeading('Lessons').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await expect.poll(() => reader.currentTocLink().textContent()).toBe('Lessons');
    // A long jump past every heading still lands on the last one.
    await reader.sources.evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await expect.poll(() => reader.currentTocLink().textContent()).toBe(CASE.headings.at(-1)?.text);
  });

  test('a deep link to a section opens the document at that section', async ({ app }) => {
    const reader = await openDocument(app, CASE, '?section=lessons');
    await expect.poll(() => reader.topInViewport(reader.bodyHeading('Lessons'))).toBeLessThan(100);
    expect(await reader.scrollState().then((s) => s.top)).toBeGreaterThan(0);
  });

  test('related and referenced-by links open those documents', async ({ app }) => {
    const reader = await openDocument(app, CASE);
    const related = doc(CASE.related[0] ?? '');
    await reader.related.getByRole('link', { name: related.title, exact: true }).click();
    await reader.waitForDocument(related.title);
    // A new document is a new page: focus moves to its h1.
    expect(await new AppShell(app.page).isFocused(reader.heading)).toBe(true);

    await app.page.goBack();
    await reader.waitForDocument(CASE.title);
    const citing = doc(CASE.backlinks[0] ?? '');
    expect(citing.related.includes(CASE.id) || citing.body.includes(`doc:${CASE.id}`)).toBe(true);
    await reader.referencedBy.getByRole('link', { name: citing.title, exact: true }).click();
    await reader.waitForDocument(citing.title);
    expect(await app.page.evaluate(() => window.location.hash)).toBe(`#/doc/${citing.id}`);
  });

  test('guide steps link to the previous and next step', async ({ app }) => {
    const [first, second] = guideSteps;
    const last = guideSteps.at(-1);
    if (!first || !second || !last) throw new Error('The corpus needs at least two guide steps.');
    const reader = await openDocument(app, first);
    const guide = reader.sequence('How-to guide');
    expect(await guide.getByRole('link', { name: /^Previous/ }).count()).toBe(0);
    await guide.getByRole('link', { name: `Next ${second.title}` }).click();
    await reader.waitForDocument(second.title);
    await guide.getByRole('link', { name: `Previous ${first.title}` }).click();
    await reader.waitForDocument(first.title);

    await openDocument(app, last);
    expect(await guide.getByRole('link', { name: /^Next/ }).count()).toBe(0);
    expect(await guide.getByRole('link', { name: /^Previous/ }).count()).toBe(1);
  });

  test('a glossary term shows its definition on keyboard focus and hover', async ({ app }) => {
    const reader = await openDocument(app, guideSteps[1] ?? CASE);
    const term = reader.glossaryTerms().first();
    const entry = doc((await term.getAttribute('data-term')) ?? '');
    expect(entry.type).toBe('glossary');

    await new AppShell(app.page).tabTo(term, 120);
    await reader.tooltip.waitFor();
    expect(await reader.tooltip.textContent()).toContain(entry.summary);
    // Screen readers hear it too: the term's focus puts the definition in the live region.
    await expect.poll(() => reader.liveRegion.textContent()).toContain(entry.summary);
    // Drawn next to the term, not somewhere else on the page.
    const termBox = await term.boundingBox();
    const tipBox = await reader.tooltip.boundingBox();
    expect(termBox && tipBox && Math.abs(tipBox.y - (termBox.y + termBox.height))).toBeLessThan(40);

    await app.page.keyboard.press('Escape');
    await reader.tooltip.waitFor({ state: 'detached' });
    expect(await new AppShell(app.page).isFocused(term)).toBe(true);

    await term.hover();
    await reader.tooltip.waitFor();
    await app.page.mouse.move(5, 5);
    await reader.tooltip.waitFor({ state: 'detached' });
  });

  test('an external link asks first, naming the site, and never navigates the app', async ({
    app,
  }) => {
    const reader = await openDocument(app, CASE);
    const source = CASE.sources[0];
    if (!source) throw new Error('The case study needs a source.');
    const link = reader.sources.getByRole('link', { name: source.title });
    const urlBefore = app.page.url();

    // The dialog blocks the page until answered, so each answer is set up before the click.
    const questions: string[] = [];
    app.page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await link.click();
    await expect.poll(() => questions).toHaveLength(1);
    expect(questions[0]).toContain(new URL(source.url).host);
    expect(app.page.url()).toBe(urlBefore);
    expect(app.context.pages()).toHaveLength(1);

    app.page.once('dialog', (dialog) => void dialog.accept());
    const opened = app.context.waitForEvent('request', (request) => request.url() === source.url);
    await link.click();
    await opened;
    expect(app.page.url()).toBe(urlBefore);
    await reader.waitForDocument(CASE.title);
    // The user approved this one address; the recorder blocked it (nothing left the machine).
    // Forget it, so the leak check still fails on any request nobody approved.
    const approved = app.requests.foreign.indexOf(source.url);
    expect(approved).toBeGreaterThanOrEqual(0);
    app.requests.foreign.splice(approved, 1);
    for (const popup of app.context.pages().slice(1)) await popup.close();
  });

  test('the reading position is restored after a reload and in a new window', async ({ app }) => {
    const reader = await openDocument(app, CASE);
    await reader.scrollToFraction(0.6);
    await reader.waitUntilPositionStored(CASE.id, 0.6);

    await app.page.reload();
    await reader.waitForDocument(CASE.title);
    await expect.poll(() => reader.scrollState().then((s) => s.top / s.max)).toBeCloseTo(0.6, 1);

    // A new window has no scroll state of its own to restore: only the app can do it.
    const other = new ReaderPage(await app.context.newPage());
    await other.page.goto(app.urlFor(`/doc/${CASE.id}`));
    await other.waitForDocument(CASE.title);
    await expect.poll(() => other.scrollState().then((s) => s.top / s.max)).toBeCloseTo(0.6, 1);

    // A link to a section wins over the remembered position.
    await other.page.goto(app.urlFor(`/doc/${UNCONFIRMED.id}`));
    await other.waitForDocument(UNCONFIRMED.title);
    await other.page.goto(app.urlFor(`/doc/${CASE.id}?section=the-municipality`));
    await other.waitForDocument(CASE.title);
    await expect
      .poll(() => other.topInViewport(other.bodyHeading('The municipality')))
      .toBeLessThan(100);
    await other.page.close();
  });

  test('an unknown document says so and links to the Library', async ({ app }) => {
    await app.open('/doc/no-such-document');
    const main = app.page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Document not found' }).waitFor();
    expect(await main.textContent()).toContain('We could not find that document');
    await main.getByRole('link', { name: /Library/ }).click();
    await new AppShell(app.page).waitForHash('#/library');
  });

  test('if the documents cannot be loaded, the reader says so', async ({ app }) => {
    // The server answers with an error, as a damaged installation might.
    await app.context.route('**/data/documents.json', (route) =>
      route.fulfill({ status: 500, body: 'broken' }),
    );
    await app.open(`/doc/${CASE.id}`);
    const main = app.page.getByRole('main');
    await main
      .getByRole('heading', { level: 1, name: 'The document could not be opened' })
      .waitFor();
    expect(await main.getByRole('alert').textContent()).toContain('could not be read (500)');
    // Chromium logs each failed fetch of that file (the reader's, and the idle warm-up's);
    // those errors are this test's own doing, and any other error still fails it.
    const ours = (error: string) => error.includes('/data/documents.json');
    expect(app.console.errors.some(ours)).toBe(true);
    const others = app.console.errors.filter((error) => !ours(error));
    app.console.errors.splice(0, app.console.errors.length, ...others);
  });

  test('printing gives the document alone, with external addresses written out', async ({
    app,
  }) => {
    const reader = await openDocument(app, CASE);
    await reader.printButton.waitFor();
    const dir = mkdtempSync(join(tmpdir(), 'onmuni-print-'));
    try {
      const file = join(dir, 'document.pdf');
      await app.page.pdf({ path: file, format: 'Letter' });
      expect(statSync(file).size).toBeGreaterThan(10_000);
      const text = await pdfText(file);
      const flat = text.replace(/\s+/g, ' ').trim();
      // The type label is the first thing on paper: no header or navigation before it.
      expect(flat.startsWith('CASE STUDY')).toBe(true);
      expect(flat).toContain(CASE.title);
      expect(flat).toContain('Sources');
      expect(flat).toContain('(https://www.municipalworld.com/');
      // Related documents print as a compact list: titles without their summaries.
      expect(flat).toContain(doc(CASE.related[0] ?? '').title);
      const summaryStart = doc(CASE.related[0] ?? '')
        .summary.split(' ')
        .slice(0, 4)
        .join(' ');
      expect(flat).not.toContain(summaryStart);
      for (const chrome of ['Skip to main content', 'On this page', 'Save as PDF']) {
        expect(flat).not.toContain(chrome);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const THEMES: readonly ThemeChoice[] = ['Light', 'Dark'];

describe.each(THEMES)('reader, axe-core, %s theme', (theme) => {
  test.for([
    { name: 'a case study', target: CASE },
    { name: 'a guide step with a glossary tooltip open', target: guideSteps[1] ?? CASE },
  ])('$name has no violations', async ({ target }, { app }) => {
    const settings = new SettingsPage(app.page);
    await app.open('/settings');
    await settings.waitUntilReady();
    await settings.chooseTheme(theme);
    await settings.waitForThemeAttribute(theme.toLowerCase());

    const reader = await openDocument(app, target);
    await settings.waitForThemeAttribute(theme.toLowerCase());
    const term = reader.glossaryTerms().first();
    if ((await term.count()) > 0) {
      await term.focus();
      await reader.tooltip.waitFor();
    }
    await expectNoAxeViolations(app.page, `${target.id} (${theme} theme)`);
  });
});
