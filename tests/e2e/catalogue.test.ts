/**
 * The message catalogue end to end: a new user's path through every screen, in many of its
 * states, checking that every word came out of the catalogue. Keys are type-checked, but a
 * dynamic key (a template literal over an id, a core MessageRef worded by `wordMessage`) can
 * still miss at run time, and then i18next shows the key itself ("taskStatus.blocked"); a
 * `<Trans>` markup mistake shows an empty link. On each screen this asserts that no text or
 * accessible name looks like a raw key or an unfilled `{{value}}`, that every link has a name,
 * and (at the end of each walk) that the page never reported a missing key on the console.
 *
 * Set CATALOGUE_SCREENSHOTS=<dir> to keep a screenshot and the text of each screen, to read the
 * wording (plurals, punctuation) by eye.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { en } from '../../renderer/src/locales/en';
import { LibraryPage } from './pages/LibraryPage';
import { SearchPage } from './pages/SearchPage';
import { SettingsPage } from './pages/SettingsPage';
import { ConsoleRecorder } from './support/console-recorder';
import { describe, expect, test, type AppSession } from './support/fixtures';
import { AddToPlanDialog } from './support/pages/AddToPlanDialog';
import { AnnotationsPage } from './support/pages/AnnotationsPage';
import { AssessmentScreen } from './support/pages/AssessmentScreen';
import { PlanScreen } from './support/pages/PlanScreen';
import { PlannerHomeScreen } from './support/pages/PlannerHomeScreen';
import { AudienceView, HandoutView, PresenterView } from './support/pages/PresentationPages';
import { ReaderAnnotations } from './support/pages/ReaderAnnotations';
import { ReaderPage } from './support/pages/ReaderPage';
import { WorkshopListPage, WorkshopPage } from './support/pages/WorkshopPages';
import { SEED_OVERDUE_TASK_ID, SEED_PLAN_ID, seededBackup } from './support/pages/plannerFixtures';

const NAMESPACES = new Set(Object.keys(en));
/** The catalogue's top-level groups ("taskStatus", "refusal", ...): where a raw key starts. */
const GROUPS = new Set(Object.values(en).flatMap((messages) => Object.keys(messages)));
const NAMESPACED_KEY = /^([a-z]+):[a-zA-Z]+(?:\.[\w-]+)+$/;
const DOTTED_KEY = /^[a-z][a-zA-Z]+(?:\.[a-zA-Z0-9_-]+)+$/;
/** Real content shaped like a key: file names (plan.csv) and domain names (amo.on.ca). */
const FILE_OR_DOMAIN =
  /\.(?:csv|json|jsonld|md|ics|pdf|zip|html?|txt|png|svg|js|css|ca|com|org|net|gov|io)$/;
/** What i18next shows for a key that names a group instead of a message. */
const OBJECT_RETURNED = /returned an object instead of string/;
/** Quotes and brackets around a word in running text. */
const WRAPPING = /^[“”"‘’'([{<]+|[“”"‘’')\]}>.,;:!?…]+$/g;
/** What the page logs when a key is missing: wordMessage's and the i18n instance's warnings. */
const MISSING_KEY_WARNING = /No catalogue message for|Missing catalogue key/;

/** True when a word looks like a catalogue key rather than words. */
function looksLikeKey(word: string): boolean {
  if (FILE_OR_DOMAIN.test(word)) return false;
  const namespaced = NAMESPACED_KEY.exec(word);
  if (namespaced) return NAMESPACES.has(namespaced[1] ?? '');
  if (!DOTTED_KEY.test(word)) return false;
  return GROUPS.has(word.split('.')[0] ?? '') || /[A-Z]/.test(word);
}

/** Why a piece of text the user meets is not plain words, or null when it is. */
function unworded(text: string): string | null {
  if (/\{\{|\}\}/.test(text)) return 'unfilled placeholder';
  if (OBJECT_RETURNED.test(text)) return 'key names a group';
  const key = text
    .split(/\s+/)
    .map((word) => word.replace(WRAPPING, ''))
    .find(looksLikeKey);
  return key === undefined ? null : `raw catalogue key “${key}”`;
}

interface Collected {
  /** Text nodes and accessible-name attributes, each with where it was found. */
  texts: { where: string; text: string }[];
  /** Links with no accessible name, as their href. */
  emptyLinks: string[];
}

/**
 * Runs in the page (Playwright serialises it, so it must not use anything from this module):
 * every text node of the body, the title and the name-giving attributes, and unnamed links.
 */
function collectWords(): Collected {
  const describe = (element: Element | null): string => {
    if (!element) return '?';
    const id = element.id ? `#${element.id}` : '';
    const className =
      typeof element.className === 'string' && element.className
        ? `.${element.className.trim().split(/\s+/).join('.')}`
        : '';
    return `<${element.tagName.toLowerCase()}${id}${className}>`;
  };
  const texts: Collected['texts'] = [{ where: 'document.title', text: document.title }];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, template, noscript')) continue;
    const text = (node.textContent ?? '').trim();
    if (text) texts.push({ where: describe(parent), text });
  }
  const attributes = ['aria-label', 'aria-description', 'title', 'placeholder', 'alt'];
  for (const element of document.body.querySelectorAll('*')) {
    for (const attribute of attributes) {
      const value = element.getAttribute(attribute);
      if (value) texts.push({ where: `${describe(element)}[${attribute}]`, text: value });
    }
  }
  const nameOf = (link: Element): string => {
    const label = link.getAttribute('aria-label')?.trim();
    if (label) return label;
    const labelledBy = (link.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
      .join(' ')
      .trim();
    if (labelledBy) return labelledBy;
    const text = (link.textContent ?? '').trim();
    if (text) return text;
    const inner = [...link.querySelectorAll('img[alt], [aria-label]')]
      .map((child) => child.getAttribute('alt') ?? child.getAttribute('aria-label') ?? '')
      .join(' ')
      .trim();
    return inner || (link.getAttribute('title') ?? '').trim();
  };
  const emptyLinks = [...document.querySelectorAll('a[href]')]
    .filter((link) => link.checkVisibility() && nameOf(link) === '')
    .map((link) => `${describe(link.parentElement)} > <a href="${link.getAttribute('href')}">`);
  return { texts, emptyLinks };
}

/**
 * One walk through the app: checks each screen it is shown, keeps the problems (so a failure
 * lists every screen at once) and the missing-key warnings from every page of the context.
 */
class CatalogueWalk {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];

  constructor(context: BrowserContext) {
    context.on('console', (message) => {
      if (MISSING_KEY_WARNING.test(message.text())) {
        this.warnings.push(`${message.text()} (${message.page()?.url() ?? '?'})`);
      }
    });
  }

  /** Checks the screen `page` shows now, and keeps a screenshot of it when asked to. */
  async check(page: Page, screen: string): Promise<void> {
    const { texts, emptyLinks } = await page.evaluate(collectWords);
    for (const { where, text } of texts) {
      const why = unworded(text);
      if (why) this.problems.push(`${screen}: ${why} in ${where}: ${JSON.stringify(text)}`);
    }
    for (const link of emptyLinks) this.problems.push(`${screen}: link with no name: ${link}`);
    await screenshot(page, screen);
  }

  /** Fails the test with everything found on the way. */
  expectClean(): void {
    expect({ problems: this.problems, warnings: this.warnings }).toEqual({
      problems: [],
      warnings: [],
    });
  }
}

async function screenshot(page: Page, screen: string): Promise<void> {
  const dir = process.env.CATALOGUE_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const name = screen.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
  writeFileSync(join(dir, `${name}.txt`), await page.locator('body').innerText());
}

const CASE_STUDY = 'case-halton-hills-lets-talk';
const PASSAGE = 'Halton Hills is a town in the Greater Toronto Area';
const WORKSHOP = 'workshop-council-digital-awareness';

/** Opens a document in the reader and waits for its body. */
async function openDocument(app: AppSession, id: string): Promise<ReaderPage> {
  const reader = new ReaderPage(app.page);
  await app.open(`/doc/${id}`);
  await reader.heading.waitFor();
  await reader.body.waitFor();
  return reader;
}

describe('every word on the screen comes from the catalogue', () => {
  test('library, reader and search', async ({ app }) => {
    const walk = new CatalogueWalk(app.context);
    const page = app.page;
    const library = new LibraryPage(page);
    await app.open('/library');
    await library.waitUntilShown();
    await walk.check(page, 'Library');

    await library.filter('Type', 'Case studies').check();
    await library.count.filter({ hasText: /of \d+ documents match/ }).waitFor();
    await walk.check(page, 'Library filtered');
    // Glossary terms have no region: no document matches both.
    await app.open('/library?type=glossary&region=north');
    await page.getByRole('link', { name: 'show the whole library' }).waitFor();
    await walk.check(page, 'Library no match');

    const reader = await openDocument(app, CASE_STUDY);
    await reader.sources.waitFor();
    await reader.toc.waitFor();
    await walk.check(page, 'Reader case study');
    await openDocument(app, 'guide-1-assess-readiness');
    await walk.check(page, 'Reader guide step');
    await openDocument(app, WORKSHOP);
    await walk.check(page, 'Reader workshop');
    await openDocument(app, 'glossary-amo');
    await walk.check(page, 'Reader glossary');
    await app.open('/doc/no-such-document');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await walk.check(page, 'Reader unknown document');

    const search = new SearchPage(page);
    await app.open('/search');
    await search.heading.waitFor();
    await walk.check(page, 'Search empty');
    await search.typeQuery('permits');
    await page.keyboard.press('Enter');
    await search.waitForResults('permits');
    await walk.check(page, 'Search results');
    await search.field.fill('brodband');
    await search.waitForResults('brodband');
    await walk.check(page, 'Search similar words');
    await search.field.fill('zzqxv');
    await search.status.filter({ hasText: 'No results for “zzqxv”.' }).waitFor();
    await walk.check(page, 'Search no results');
    await app.open('/search');
    await page.getByRole('region', { name: 'Recent searches' }).waitFor();
    await walk.check(page, 'Search recent searches');
    walk.expectClean();
  });

  test('planner: assessment, a guide plan, an imported plan in every view, task editor, report', async ({
    app,
  }) => {
    const walk = new CatalogueWalk(app.context);
    const page = app.page;
    const home = new PlannerHomeScreen(page);
    const plan = new PlanScreen(page);
    const assessment = new AssessmentScreen(page);

    await app.open('/planner');
    await home.waitUntilReady();
    await walk.check(page, 'Planner home empty');
    await app.open('/planner/assessment');
    await assessment.waitUntilReady();
    await walk.check(page, 'Assessment');
    await assessment.answerAndSave([2, 1, 3, 2, 1, 3, 2, 4]);
    await assessment.radarChart.waitFor();
    await walk.check(page, 'Assessment results');

    await app.open('/planner');
    await home.waitUntilReady();
    await home.createPlan('Guide plan', 'guide');
    await walk.check(page, 'Plan from the guide');
    await app.open('/planner/assessment');
    await assessment.waitUntilReady();
    const dialog = new AddToPlanDialog(page);
    await dialog.open(page.locator('.recommendations__item').first());
    await dialog.addTo('Guide plan');
    await walk.check(page, 'Add to plan');
    await dialog.close();

    await app.open('/planner');
    await home.waitUntilReady();
    await home.chooseImportFile('not-a-backup.json', '{"format": "something else"}');
    await home.alert.waitFor();
    await home.alert.scrollIntoViewIfNeeded();
    await walk.check(page, 'Planner import refused');
    await home.chooseImportFile('backup.json', seededBackup());
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await plan.waitUntilSaved();
    await walk.check(page, 'Planner home with plans');

    await app.open(`/planner/plan/${SEED_PLAN_ID}`);
    await plan.views.waitFor();
    await walk.check(page, 'Plan list');
    for (const view of ['Board', 'Timeline', 'Summary', 'Plan details'] as const) {
      await plan.openView(view);
      await walk.check(page, `Plan ${view}`);
    }
    await app.open(`/planner/plan/${SEED_PLAN_ID}/task/${SEED_OVERDUE_TASK_ID}`);
    await page.locator('.task-editor').getByRole('heading').first().waitFor();
    await page.getByRole('button', { name: 'Delete task' }).waitFor();
    await walk.check(page, 'Task editor');
    await app.open(`/planner/plan/${SEED_PLAN_ID}/report`);
    await page.locator('.report').waitFor();
    await walk.check(page, 'Council report');
    await app.open('/planner/no-such-screen');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await walk.check(page, 'Planner unknown screen');
    walk.expectClean();
  });

  test('annotations: annotate a passage, the Annotations page, export and a refused import', async ({
    app,
  }) => {
    const walk = new CatalogueWalk(app.context);
    const page = app.page;
    await openDocument(app, CASE_STUDY);
    const reader = new ReaderAnnotations(page);
    await reader.waitUntilReady();
    await reader.select(PASSAGE);
    await reader.toolbar.waitFor();
    await walk.check(page, 'Annotation toolbar');
    await reader.toolbar.getByRole('button', { name: 'Question' }).click();
    await reader.dialog.waitFor();
    await walk.check(page, 'Annotation dialog');
    await reader.fillDialog({ note: 'Ask the clerk.', tags: 'engagement', name: 'Aurélie' });
    await reader.dialog.getByRole('button', { name: 'Save' }).click();
    await reader.item(PASSAGE).waitFor();
    await walk.check(page, 'Reader with a highlight');

    const annotations = new AnnotationsPage(page);
    await annotations.open(app.baseURL);
    await annotations.item(PASSAGE).waitFor();
    await walk.check(page, 'Annotations page');
    await annotations.download('JSON-LD');
    await page.getByText(/^Exported 1 annotation to /).waitFor();
    await walk.check(page, 'Annotations exported');
    await annotations.importFile('notes.jsonld', '{"@context": "nothing we know"}');
    await annotations.alert.waitFor();
    await annotations.alert.scrollIntoViewIfNeeded();
    await walk.check(page, 'Annotations import refused');
    walk.expectClean();
  });

  test('workshops: list, detail, presenter and audience, handout, editor of a copy', async ({
    app,
  }) => {
    const walk = new CatalogueWalk(app.context);
    const page = app.page;
    const list = new WorkshopListPage(page);
    const workshop = new WorkshopPage(page);
    await app.open('/workshops');
    await list.waitUntilReady();
    await walk.check(page, 'Workshops');

    await app.open(`/workshops/${WORKSHOP}`);
    await workshop.agenda.waitFor();
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    await walk.check(page, 'Workshop');
    await workshop.present.click();
    const audience = new AudienceView(page);
    await audience.waitForSlide(1);
    await walk.check(page, 'Audience view');
    const [popup] = await Promise.all([
      app.context.waitForEvent('page'),
      audience.presenterView.click(),
    ]);
    const popupConsole = ConsoleRecorder.attach(popup);
    const presenter = new PresenterView(popup);
    await presenter.heading.waitFor();
    await presenter.voteQuestion.fill('Which priority matters most?');
    await presenter.voteOptions.fill('Online payments\nE-agendas');
    await presenter.openVote.click();
    await presenter.participant.fill('Ana');
    await presenter.dotFor('E-agendas').click();
    await popup.getByText('1 dot', { exact: true }).first().waitFor();
    await walk.check(popup, 'Presenter view');
    await presenter.showOnAudience.click();
    await audience.captureBoard.waitFor();
    await walk.check(page, 'Audience view with votes');
    expect(popupConsole.problems()).toEqual([]);
    await popup.close();
    await page.getByRole('link', { name: 'End presentation' }).click();
    await workshop.recordedSessions.getByText('1 vote').waitFor();
    await walk.check(page, 'Workshop with a recorded session');
    await workshop.recordedSessions.getByRole('button', { name: 'Turn into plan tasks' }).click();
    await page.getByRole('dialog', { name: 'Turn into plan tasks' }).waitFor();
    await walk.check(page, 'Turn into plan tasks');
    await page.keyboard.press('Escape');

    await app.open(`/workshops/${WORKSHOP}/handout`);
    await new HandoutView(page).agenda.waitFor();
    await walk.check(page, 'Handout');

    await app.open('/workshops');
    await list.waitUntilReady();
    await list.duplicateButton(title).click();
    await workshop.blockEditor(1).waitFor();
    await workshop.waitUntilSaved();
    await walk.check(page, 'Workshop editor');
    await app.open('/workshops');
    await list.waitUntilReady();
    await walk.check(page, 'Workshops with a copy');
    walk.expectClean();
  });

  test('settings, about and a page that does not exist', async ({ app }) => {
    const walk = new CatalogueWalk(app.context);
    const page = app.page;
    await app.open('/settings');
    await new SettingsPage(page).waitUntilReady();
    await walk.check(page, 'Settings');
    await app.open('/about');
    await page.getByRole('heading', { level: 1, name: /About/ }).waitFor();
    await walk.check(page, 'About');
    await app.open('/no-such-page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await walk.check(page, 'Not found');
    walk.expectClean();
  });
});
