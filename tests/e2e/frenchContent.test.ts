/**
 * French content in the built app (issue 18): after switching to Français in Settings, the Library
 * lists the French versions with the French vocabulary's labels, and a recommendation opens in
 * French with AMO's English wording marked `lang="en"` (the bracketed span of the French
 * Markdown), its table of contents in French, the titles and publishers of its English sources
 * marked `lang="en"`; axe-core finds no violation. The French documents
 * and labels are read from the served build's French files, not retyped.
 *
 * An annotation made on the French version stays with it: the English reader does not show it,
 * the English Annotations page labels it « Version française », and its link opens a reader that
 * says why its highlight is not there.
 *
 * Set FRENCH_SCREENSHOTS=<dir> to keep a screenshot of each screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { rendererOutDir } from '../../build/scripts/serve';
import type {
  CatalogFile,
  ContentDocument,
  DocumentStoreFile,
} from '../../renderer/src/core/content/model';
import { fr as partialFrench } from '../../renderer/src/locales/fr';
import { expectNoAxeViolations } from './support/axe';
import { describe, expect, test, type AppSession } from './support/fixtures';
import { ReaderAnnotations } from './support/pages/ReaderAnnotations';

/** The French catalogue; every namespace is written (frenchCatalogue.test.ts checks it). */
const fr = partialFrench as Required<typeof partialFrench>;

function built<T>(name: string): T {
  return JSON.parse(readFileSync(join(rendererOutDir, 'data', name), 'utf8')) as T;
}

const frenchCatalog = built<CatalogFile>('catalog.fr.json');
const frenchDocuments = built<DocumentStoreFile>('documents.fr.json').documents;
const englishDocuments = built<DocumentStoreFile>('documents.json').documents;

function frenchDoc(id: string): ContentDocument {
  const found = frenchDocuments.find((doc) => doc.id === id);
  if (!found) throw new Error(`The built French library has no ${id}; update this test.`);
  return found;
}

/** A recommendation quoting AMO in English inside its French body. */
const RECOMMENDATION = frenchDoc('recommendation-1-varying-maturity');
/** The first English quotation of its body, as the span carries it. */
const QUOTE = /\[([^[\]]+)\]\{lang=en\}/.exec(RECOMMENDATION.body)?.[1] ?? '';

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.FRENCH_SCREENSHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

describe('French content', () => {
  test('the Library and a recommendation in French, English wording marked lang="en"', async ({
    app,
  }) => {
    const page = app.page;
    expect(QUOTE, 'the recommendation quotes AMO in English').not.toBe('');
    await app.open('/settings');
    await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Français' });
    await expect.poll(() => page.getByLabel('Langue', { exact: true }).isVisible()).toBe(true);

    // The Library: French titles, and the French vocabulary in the filters.
    await page.getByRole('link', { name: 'Bibliothèque', exact: true }).click();
    await page.getByRole('link', { name: RECOMMENDATION.title, exact: true }).waitFor();
    const english = englishDocuments.find((doc) => doc.id === RECOMMENDATION.id);
    expect(english && english.title !== RECOMMENDATION.title).toBe(true);
    expect(await page.getByRole('link', { name: english?.title, exact: true }).count()).toBe(0);
    const filters = page.locator('.filters');
    for (const label of Object.values(frenchCatalog.vocabulary.tiers).slice(0, 2))
      await expect
        .poll(() => filters.getByText(label, { exact: false }).count())
        .toBeGreaterThan(0);
    // Nothing in the bundled library lacks a French version: no card's title is marked English;
    // the English names and quotations of the French summaries are, one span each.
    expect(await page.locator('.doc-card h3[lang="en"]').count()).toBe(0);
    const spans = frenchCatalog.entries
      .map((entry) => entry.summary.split(']{lang=en}').length - 1)
      .reduce((sum, count) => sum + count, 0);
    expect(await page.locator('.doc-card__summary span[lang="en"]').count()).toBe(spans);
    expect(await page.locator('.doc-card__summary').allInnerTexts()).not.toContainEqual(
      expect.stringContaining('{lang=en}'),
    );
    await expectNoAxeViolations(page, 'Bibliothèque (fr)');
    await screenshot(page, 'library-fr');

    // A recommendation: the French body, AMO's words in English inside it, marked so.
    await page.getByRole('link', { name: RECOMMENDATION.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: RECOMMENDATION.title }).waitFor();
    const body = page.locator('.reader-body');
    await body.waitFor();
    expect(await body.getAttribute('lang')).toBeNull();
    const quote = body.locator('span[lang="en"]').first();
    expect(await quote.innerText()).toBe(QUOTE);
    expect(await body.innerText()).not.toContain('{lang=en}');
    const firstHeading = RECOMMENDATION.headings[0];
    if (firstHeading)
      await page
        .getByRole('navigation', { name: 'Sur cette page' })
        .getByRole('link', { name: firstHeading.text })
        .waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    // Its sources are the cited pages' own words: an English page's title and publisher are
    // marked lang="en" (a page in French, `lang: fr` in front matter, is not).
    const sources = page.locator('.reader-sources__item');
    expect(RECOMMENDATION.sources.length, 'the recommendation lists sources').toBeGreaterThan(0);
    expect(await sources.count()).toBe(RECOMMENDATION.sources.length);
    for (const [i, source] of RECOMMENDATION.sources.entries()) {
      const expected = source.lang === 'fr' ? null : 'en';
      const title = sources.nth(i).locator('a, .reader-sources__title').first();
      expect(await title.innerText()).toBe(source.title);
      expect(await title.getAttribute('lang')).toBe(expected);
      if (source.publisher !== undefined) {
        const publisher = sources.nth(i).locator('.reader-sources__details > span').first();
        expect(await publisher.innerText()).toBe(source.publisher);
        expect(await publisher.getAttribute('lang')).toBe(expected);
      }
    }
    await expectNoAxeViolations(page, 'Recommandation (fr)');
    await quote.scrollIntoViewIfNeeded();
    await screenshot(page, 'recommendation-fr');
  });

  test('an annotation made on the French version stays with it', async ({ app }) => {
    const page = app.page;
    const choose = async (language: string, label: string) => {
      await app.open('/settings');
      await page.getByLabel(label, { exact: true }).selectOption({ label: language });
    };
    const openRecommendation = async (title: string) => {
      await app.open(`/doc/${RECOMMENDATION.id}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.locator('.reader-body').waitFor();
    };
    const highlights = (app: AppSession, name: string) =>
      app.page.getByRole('heading', { level: 2, name });

    await choose('Français', 'Language');
    await openRecommendation(RECOMMENDATION.title);
    const reader = new ReaderAnnotations(page);
    const passage = (await page.locator('.reader-body p').first().innerText()).slice(0, 30);
    await reader.select(passage);
    const toolbar = page.getByRole('group', { name: fr.annotations.toolbar.label });
    await toolbar.getByRole('button', { name: fr.annotations.meaning.important }).click();
    const dialog = page.getByRole('dialog');
    const name = dialog.getByLabel(fr.annotations.dialog.name);
    if (await name.isVisible()) await name.fill('Aurélie');
    await dialog.getByRole('button', { name: fr.annotations.dialog.save, exact: true }).click();
    await highlights(app, 'Surlignages (1)').waitFor();

    // The English version is another text: the French highlight is not shown on it.
    await choose('English', 'Langue');
    const english = englishDocuments.find((doc) => doc.id === RECOMMENDATION.id);
    await openRecommendation(english?.title ?? '');
    await highlights(app, 'Highlights (0)').waitFor();

    // The Annotations page says which version it belongs to, in French and marked so; its link
    // opens the English reader, which says why the highlight is not shown.
    await app.open('/annotations');
    const label = page.locator('.anno-entry .anno-version');
    await label.waitFor();
    expect(await label.innerText()).toBe(fr.annotations.item.version);
    expect(await label.getAttribute('lang')).toBe('fr');
    await expectNoAxeViolations(page, 'Annotations (en, a French annotation)');
    await screenshot(page, 'annotations-en');
    await page.locator('.anno-entry a').first().click();
    await highlights(app, 'Highlights (0)').waitFor();
    const notice = page.locator('.anno-notice');
    expect(await notice.innerText()).toContain('made on the French version');
    expect(await notice.locator('span[lang="fr"]').innerText()).toBe('Français');
    await expectNoAxeViolations(page, 'Reader (en) on a French annotation');
    await screenshot(page, 'reader-notice-en');

    // Back in French, it is there again.
    await choose('Français', 'Language');
    await openRecommendation(RECOMMENDATION.title);
    await highlights(app, 'Surlignages (1)').waitFor();
    await screenshot(page, 'annotation-fr');
    await app.open('/annotations');
    await page.locator('.anno-entry').waitFor();
    expect(await page.locator('.anno-version').count()).toBe(0);
    await screenshot(page, 'annotations-fr');
  });
});
