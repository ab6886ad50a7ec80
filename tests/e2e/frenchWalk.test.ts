/**
 * The French walk (issue 18, "Done when"): a reader switches to Français in Settings, then walks
 * the Library, a document, search, the planner (a new plan, a task, the council report),
 * annotations and a workshop, as a French-speaking clerk would. On every screen:
 * - no English interface text: no stretch of an English catalogue message that French words
 *   differently is visible, in text or in an accessible name;
 * - axe-core finds no violation, with the page's `lang` set to `fr`.
 *
 * The pseudo-locale test proves every word comes from the catalogue; this one proves the French
 * catalogue is the one the reader gets, everywhere on the way. Exempt, as there: English the
 * page marks as English (`[lang="en"]`: an English-only passage, a document with no French
 * version), what a user typed (the test types French), and the French library's own strings
 * (titles, summaries, municipalities' official names, sources' titles), which are content.
 */
import type { Page } from 'playwright-core';
import { en } from '../../renderer/src/locales/en';
import { fr as partialFrench } from '../../renderer/src/locales/fr';
import { expectNoAxeViolations } from './support/axe';
import { describe, expect, test, type AppSession } from './support/fixtures';
import { ReaderAnnotations } from './support/pages/ReaderAnnotations';
import { contentStrings } from './support/contentStrings';
import { collectTexts } from './support/visibleTexts';

type Messages = { [key: string]: string | Messages };

/** The French catalogue; every namespace is written (frenchCatalogue.test.ts checks it). */
const fr = partialFrench as Required<typeof partialFrench>;

/** Every message of a catalogue, by its `namespace:path` key. */
function flatten(messages: Messages, prefix: string, into: Map<string, string>): void {
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') into.set(path, value);
    else flatten(value, path, into);
  }
}

function messagesOf(catalogue: Record<string, unknown>): Map<string, string> {
  const all = new Map<string, string>();
  for (const [namespace, messages] of Object.entries(catalogue)) {
    flatten(messages as Messages, `${namespace}:`, all);
  }
  return all;
}

/** What separates the literal stretches of a message: interpolations, nestings and tags. */
const PLACEHOLDER = /\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?[\w]+\s*\/?>/g;
const EDGES = /^[\s\p{P}\p{S}\d]+|[\s\p{P}\p{S}\d]+$/gu;

/**
 * The English stretches a French screen must not show: each literal stretch of an English
 * message that French words differently, with at least two words or one word of five letters or
 * more (shorter ones, such as "OK" or "Plan", are the same in both languages or too common to
 * tell), and that no French message contains (names such as "OnMuni Toolkit", "Annotations").
 */
function englishStretches(): string[] {
  const english = messagesOf(en);
  const french = messagesOf(fr);
  const frenchText = [...french.values()].join('\n').toLowerCase();
  const stretches = new Set<string>();
  for (const [key, message] of english) {
    if (french.get(key) === message) continue;
    for (const part of message.split(PLACEHOLDER)) {
      const stretch = part.replace(EDGES, '').replace(/\s+/g, ' ');
      const words = stretch.match(/\p{L}+/gu) ?? [];
      const telling = words.length >= 2 || (words[0]?.length ?? 0) >= 5;
      if (telling && !frenchText.includes(stretch.toLowerCase())) stretches.add(stretch);
    }
  }
  // Longest first, so the report names the fullest stretch found.
  return [...stretches].sort((a, b) => b.length - a.length);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regions whose words are not interface text: English the page marks as English, user data. */
const EXEMPT = '[lang="en"], textarea, input[type="text"], input[type="search"]';

class FrenchWalk {
  readonly findings: string[] = [];
  private readonly english: RegExp;

  constructor(private readonly content: ReadonlySet<string>) {
    const alternatives = englishStretches().map(escape).join('|');
    // Whole words only: "Search" must not be found inside "Research".
    this.english = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'u');
  }

  static async start(app: AppSession): Promise<FrenchWalk> {
    // The French library's own strings (titles, summaries, municipalities' official English
    // names, sources' titles) are content, not interface.
    return new FrenchWalk(await contentStrings(app, 'fr'));
  }

  /** A text is content when it, or each of its " · "-separated parts, is a content string. */
  private isContent(text: string): boolean {
    return text.split(' · ').every((part) => this.content.has(part.trim()));
  }

  async check(page: Page, screen: string): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.lang), screen).toBe('fr');
    for (const { where, text } of await page.evaluate(collectTexts, EXEMPT)) {
      if (this.isContent(text)) continue;
      const found = this.english.exec(text.replace(/\s+/g, ' '));
      if (found)
        this.findings.push(`${screen}: ${where}: "${found[0]}" in ${JSON.stringify(text)}`);
    }
    await expectNoAxeViolations(page, `${screen} (fr)`);
  }

  expectClean(): void {
    expect(
      this.findings,
      `English interface text on French screens:\n${this.findings.join('\n')}\n`,
    ).toEqual([]);
  }
}

/** Opens a route and waits for the French main navigation and an h1. */
async function open(app: AppSession, route: string): Promise<void> {
  await app.open(route);
  await app.page.getByRole('navigation', { name: fr.app.mainNav }).waitFor();
  await app.page.getByRole('heading', { level: 1 }).first().waitFor();
}

const BROADBAND = 'recommendation-5-broadband-and-cellular';
const WORKSHOP = 'workshop-council-digital-awareness';

describe('French: a reader switches to Français and meets no English interface', () => {
  test('settings, library, a document, search, planner, annotations and a workshop', async ({
    app,
  }) => {
    const page = app.page;
    const walk = await FrenchWalk.start(app);

    // The switch, as a reader does it: Settings, "Language", "Français".
    await app.open('/settings');
    await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Français' });
    await page.getByRole('navigation', { name: fr.app.mainNav }).waitFor();
    await expect.poll(() => page.getByLabel('Langue', { exact: true }).isVisible()).toBe(true);
    await walk.check(page, 'Paramètres');

    const nav = page.getByRole('navigation', { name: fr.app.mainNav });
    for (const name of [
      'Bibliothèque',
      'Recherche',
      'Planificateur',
      'Annotations',
      'Ateliers',
      'Paramètres',
      'À propos',
    ]) {
      await expect.poll(() => nav.getByRole('link', { name, exact: true }).count()).toBe(1);
    }

    await nav.getByRole('link', { name: 'Bibliothèque', exact: true }).click();
    await page.locator('.doc-card').first().waitFor();
    await walk.check(page, 'Bibliothèque');

    await open(app, `/doc/${BROADBAND}`);
    await page.locator('.reader-body').waitFor();
    await walk.check(page, 'Document');

    await open(app, '/search');
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('large bande');
    await page.keyboard.press('Enter');
    await page.locator('.search-result').first().waitFor();
    await walk.check(page, 'Recherche');

    // The planner: a new plan, a task in it, and the council report.
    await open(app, '/planner');
    await page.getByRole('button', { name: 'Nouveau plan', exact: true }).click();
    await walk.check(page, 'Nouveau plan');
    await page
      .getByRole('textbox', { name: fr.planner.newPlan.title, exact: true })
      .fill('Plan numérique 2027');
    await page.getByRole('radio', { name: fr.planner.newPlan.fromGuide }).check();
    await page.getByRole('button', { name: fr.planner.newPlan.create }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan numérique 2027' }).waitFor();
    await walk.check(page, 'Plan');
    await page.getByRole('button', { name: 'Ajouter une tâche', exact: true }).click();
    await page
      .getByLabel(fr.plan.taskFields.title, { exact: true })
      .fill('Présenter le plan au conseil');
    await walk.check(page, 'Nouvelle tâche');
    await page.getByRole('button', { name: fr.plan.addTask.create, exact: true }).click();
    await page.getByText('Présenter le plan au conseil').first().waitFor();
    await page.getByRole('link', { name: 'Rapport au conseil' }).first().click();
    await page.locator('.report').waitFor();
    await walk.check(page, 'Rapport au conseil');

    // Annotations: a highlight with a note in the reader, then the Annotations page.
    await open(app, `/doc/${BROADBAND}`);
    await page.locator('.reader-body').waitFor();
    const reader = new ReaderAnnotations(page);
    const passage = (await page.locator('.reader-body p').first().innerText()).slice(0, 40);
    await reader.select(passage);
    const toolbar = page.getByRole('group', { name: fr.annotations.toolbar.label });
    await toolbar.waitFor();
    await walk.check(page, 'Barre de surlignage');
    await toolbar.getByRole('button', { name: fr.annotations.meaning.question }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(fr.annotations.dialog.note).fill('Vérifier avec le greffier.');
    const name = dialog.getByLabel(fr.annotations.dialog.name);
    if (await name.isVisible()) await name.fill('Aurélie');
    await walk.check(page, 'Note');
    await dialog.getByRole('button', { name: fr.annotations.dialog.save, exact: true }).click();
    await page.locator('.anno-note', { hasText: 'Vérifier avec le greffier.' }).first().waitFor();
    await open(app, '/annotations');
    await page.locator('.anno-note', { hasText: 'Vérifier avec le greffier.' }).first().waitFor();
    await walk.check(page, 'Annotations');

    await open(app, '/workshops');
    await page.locator('.ws-card').first().waitFor();
    await walk.check(page, 'Ateliers');
    await open(app, `/workshops/${WORKSHOP}`);
    await page.locator('.ws-agenda').waitFor();
    await page.getByRole('button', { name: 'Présenter', exact: true }).waitFor();
    await walk.check(page, 'Atelier');

    walk.expectClean();
  });
});
