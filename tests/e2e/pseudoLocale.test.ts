/**
 * The pseudo-locale test (issue 18): every word of the interface comes from the catalogue.
 *
 * The test builds a pseudo-locale from the English catalogue, every message wrapped in markers
 * (`⟦Library⟧`; each stretch of text between `<Trans>` tags is wrapped on its own, and
 * `{{interpolations}}` and tags are kept, so the app words and links them as it does in
 * English), and hands it to the page through the app's test seam (testCatalogue.ts), which
 * speaks it in place of English. It then walks every screen and collects every text node, the
 * page title and the name-giving attributes. Once the marked stretches are taken out, what is
 * left of each must have no letters: a word outside the markers is a literal in the code that a
 * French reader would meet in English. Numbers, punctuation and the words `Intl` writes into
 * dates (month and day names, a.m./p.m.) are allowed, since `Intl` words them for the locale.
 *
 * Exempt, and only these: documents and user data, which are not interface text. A document's
 * words come from content/ and are translated as content (content/fr, issue 18): its body
 * (the regions in EXEMPT) and its front matter (titles, summaries, municipalities, sources,
 * workshop agendas, the controlled vocabulary's labels: the strings of the data the page loads).
 * What a user typed or stored is theirs (the strings the test types or stores, and what the app
 * stored for the user, such as a plan's tasks copied from the guide). Two kinds of names are
 * the same in every language by design (NAMES). The participant page of the workshop room
 * (renderer/src/room, its own catalogue) is not walked here.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { en } from '../../renderer/src/locales/en';
import { LANGUAGE_NAMES } from '../../renderer/src/ui/common/i18n/i18n';
import { CATALOGUE_TEST_SEAM } from '../../renderer/src/ui/common/i18n/testCatalogue';
import { describe, expect, test, type AppSession } from './support/fixtures';
import { seedPlannerRecords, storedPlannerDatabase } from './support/storedPlanner';
import { SEED_OVERDUE_TASK_ID, SEED_PLAN_ID, seededPlanner } from './support/pages/plannerFixtures';
import { ReaderAnnotations } from './support/pages/ReaderAnnotations';
import { collectTexts } from './support/visibleTexts';
import { contentStrings, stringsOf } from './support/contentStrings';

const OPEN = '⟦';
const CLOSE = '⟧';
/** A `<Trans>` tag: `<a>`, `</plansLink>`, `<0>`, `<br/>`. */
const TAG = /(<\/?[\w]+\s*\/?>)/;

/** Wraps each stretch of text between tags in markers, keeping the tags as they are. */
function markMessage(message: string): string {
  return message
    .split(TAG)
    .map((part, index) => (index % 2 === 1 || part.trim() === '' ? part : OPEN + part + CLOSE))
    .join('');
}

type Messages = { [key: string]: string | Messages };

function markAll(messages: Messages): Messages {
  return Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [
      key,
      typeof value === 'string' ? markMessage(value) : markAll(value),
    ]),
  );
}

/** The pseudo-locale: the English catalogue, every message marked. */
const PSEUDO = Object.fromEntries(
  Object.entries(en).map(([namespace, messages]) => [namespace, markAll(messages as Messages)]),
);

/** The English message as the pseudo-locale shows it, to find an element by its name. */
const m = (english: string): string => markMessage(english);

/**
 * The words `Intl` writes into dates and times in en-CA (month and day names, long and short,
 * and the day periods): allowed outside markers, since the locale words them, not the code.
 */
const INTL_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.match(/\p{L}[\p{L}.]*/gu) ?? []) words.add(word.toLowerCase());
  };
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2026, month, 15, 12));
    for (const style of ['long', 'short'] as const) {
      add(new Intl.DateTimeFormat('en-CA', { month: style, timeZone: 'UTC' }).format(date));
    }
  }
  for (let day = 0; day < 7; day++) {
    const date = new Date(Date.UTC(2026, 10, 1 + day, 12));
    for (const style of ['long', 'short'] as const) {
      add(new Intl.DateTimeFormat('en-CA', { weekday: style, timeZone: 'UTC' }).format(date));
    }
  }
  for (const hour of [3, 15]) {
    add(
      new Intl.DateTimeFormat('en-CA', { hour: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2026, 0, 1, hour)),
      ),
    );
  }
  return words;
})();

/**
 * Exempt regions, as CSS selectors (the element and everything in it): document bodies, words
 * of content/ rendered from their Markdown, which are translated as content (content/fr), not
 * through the catalogue; and form fields whose text is the user's.
 */
const EXEMPT: readonly { selector: string; why: string }[] = [
  { selector: '.reader-body', why: 'document body: the article in the reader' },
  { selector: '.reader-toc__link', why: 'document body: the article’s own headings' },
  { selector: '.search-result__snippet', why: 'document body: a passage quoted in a result' },
  { selector: '.ws-md', why: 'document body: a workshop’s Markdown (facilitator notes, steps)' },
  { selector: '.slide__body', why: 'document body: a slide’s points, from the document' },
  { selector: '.handout__doc', why: 'document body: a document printed in the handout' },
  { selector: '.anno-quote', why: 'document body: the passage an annotation quotes' },
  { selector: 'textarea', why: 'user data: what a field holds is the user’s to edit' },
];

/**
 * Exempt strings: a text, or a part of it between markers and " · ", that is exactly one of
 * them is not interface text (a near match is not enough). Content: every string of the
 * bundled documents' front matter, from the data files the page itself loads. User data: the
 * strings the test types or stores (PseudoWalk.start, addUserData). Names (NAMES): the
 * product's name, which the French catalogue keeps too, and each language's name in that
 * language (LANGUAGE_NAMES: a reader looks for their own language's name).
 */
const NAMES = [en.app.title, ...Object.values(LANGUAGE_NAMES)];

const GAP = '\u0000';
const LETTER = /\p{L}/u;
const EDGES = /^[\s\p{P}\p{S}\d]+|[\s\p{P}\p{S}\d]+$/gu;

/** Takes out every marked stretch, innermost first ($t(...) nests markers in markers). */
function unmarked(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, GAP);
  }
  return rest;
}

/**
 * The parts of a text, outside the markers, that hold letters and are neither an exempt
 * string nor words `Intl` wrote into a date.
 */
function leftovers(text: string, exempt: ReadonlySet<string>): string[] {
  return unmarked(text)
    .split(new RegExp(`${GAP}| · `))
    .map((part) => part.trim())
    .filter(
      (part) => LETTER.test(part) && !exempt.has(part) && !exempt.has(part.replace(EDGES, '')),
    )
    .filter((part) => {
      const words = part.match(/\p{L}[\p{L}.]*/gu) ?? [];
      return words.some((word) => !INTL_WORDS.has(word.toLowerCase()));
    });
}

/** One walk: checks each screen it is shown and keeps every leftover, to list them all at once. */
class PseudoWalk {
  readonly leftovers: string[] = [];

  private constructor(private readonly exempt: Set<string>) {}

  /** A walk that exempts the bundled content and `userData`. */
  static async start(app: AppSession, userData: unknown = null): Promise<PseudoWalk> {
    const exempt = await contentStrings(app, 'en');
    stringsOf(userData, exempt, true);
    for (const name of NAMES) exempt.add(name);
    return new PseudoWalk(exempt);
  }

  /** Exempts more user data: what the app stored for the user on the way. */
  addUserData(userData: unknown): void {
    stringsOf(userData, this.exempt, true);
  }

  async check(page: Page, screen: string): Promise<void> {
    const exempt = EXEMPT.map((region) => region.selector).join(', ');
    const found = await page.evaluate(collectTexts, exempt);
    for (const { where, text } of found) {
      if (leftovers(text, this.exempt).length > 0) {
        this.leftovers.push(`${screen}: ${where}: ${JSON.stringify(text)}`);
      }
    }
  }

  expectClean(): void {
    expect(this.leftovers, `words not from the catalogue:\n${this.leftovers.join('\n')}\n`).toEqual(
      [],
    );
  }
}

/** Gives every page of the context the pseudo-locale before any of the app's scripts run. */
async function speakPseudo(context: BrowserContext): Promise<void> {
  await context.addInitScript(
    ([seam, catalogue]) => {
      (window as unknown as Record<string, unknown>)[seam] = catalogue;
    },
    [CATALOGUE_TEST_SEAM, PSEUDO] as const,
  );
}

/** Opens a route and waits for the pseudo-locale's main navigation and an h1. */
async function open(app: AppSession, route: string): Promise<void> {
  await app.open(route);
  await app.page.getByRole('navigation', { name: m('Main') }).waitFor();
  await app.page.getByRole('heading', { level: 1 }).first().waitFor();
}

const CASE_STUDY = 'case-halton-hills-lets-talk';
const PASSAGE = 'Halton Hills is a town in the Greater Toronto Area';
const WORKSHOP = 'workshop-council-digital-awareness';
/** What the test types as a user would: exempt as user data. */
const TYPED = {
  note: 'Ask the clerk.',
  tags: 'engagement',
  name: 'Aurélie',
  planTitle: 'Guide plan',
  documentTitle: 'Our permit counter',
};

describe('pseudo-locale: every visible word comes from the catalogue', () => {
  test('library, reader, annotations, search, settings, about, content packs, own documents', async ({
    app,
  }) => {
    await speakPseudo(app.context);
    const walk = await PseudoWalk.start(app, TYPED);
    const page = app.page;

    await open(app, '/library');
    await page.locator('.doc-card').first().waitFor();
    await page.getByRole('region', { name: m('Your documents'), exact: true }).waitFor();
    await walk.check(page, 'Library');

    await open(app, `/doc/${CASE_STUDY}`);
    const reader = new ReaderAnnotations(page);
    await page.locator('.reader-body').waitFor();
    await reader.select(PASSAGE);
    const toolbar = page.getByRole('group', { name: m('Highlight the selected text') });
    await toolbar.waitFor();
    await walk.check(page, 'Reader with the highlight toolbar');
    await toolbar.getByRole('button', { name: m('Question') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(m('Note (optional)')).fill(TYPED.note);
    await dialog.getByLabel(m('Tags (optional)')).fill(TYPED.tags);
    await dialog.getByLabel(m('Your name')).fill(TYPED.name);
    await walk.check(page, 'Annotation dialog');
    await dialog.getByRole('button', { name: m('Save'), exact: true }).click();
    await page.locator('.anno-note', { hasText: TYPED.note }).first().waitFor();
    await walk.check(page, 'Reader with a highlight');

    await open(app, '/annotations');
    await page.locator('.anno-note', { hasText: TYPED.note }).first().waitFor();
    await walk.check(page, 'Annotations');

    await open(app, '/search');
    await page.getByRole('searchbox').fill('permits');
    await page.keyboard.press('Enter');
    await page.locator('.search-result').first().waitFor();
    await walk.check(page, 'Search results');

    await open(app, '/settings');
    await page.getByRole('combobox').first().waitFor();
    await walk.check(page, 'Settings');
    await open(app, '/about');
    await page.locator('dl.facts').waitFor();
    await walk.check(page, 'About');
    await open(app, '/packs');
    await walk.check(page, 'Content packs');
    await open(app, '/own/new');
    await page.getByRole('heading', { level: 1, name: m('New document') }).waitFor();
    await page.getByLabel(m('Title'), { exact: true }).fill(TYPED.documentTitle);
    await walk.check(page, 'New document');
    await open(app, '/no-such-page');
    await walk.check(page, 'Page not found');
    walk.expectClean();
  });

  test('planner: home, new plan, a plan with tasks, the council report, the assessment', async ({
    app,
  }) => {
    await speakPseudo(app.context);
    const planner = seededPlanner();
    const walk = await PseudoWalk.start(app, { planner, TYPED });
    const page = app.page;
    await open(app, '/about');
    await seedPlannerRecords(page, planner);

    await open(app, '/planner');
    await page.getByRole('link', { name: planner.plans[0]?.title ?? '' }).waitFor();
    await walk.check(page, 'Planner home');
    await page.getByRole('button', { name: m('New plan'), exact: true }).click();
    await page.getByRole('textbox', { name: m('Title'), exact: true }).fill(TYPED.planTitle);
    await walk.check(page, 'New plan');
    await page.getByRole('radio', { name: m('The how-to guide template') }).check();
    await page.getByRole('button', { name: m('Create plan') }).click();
    await page.getByRole('heading', { level: 1, name: TYPED.planTitle }).waitFor();
    // The template's tasks are the user's plan now (their titles come from the guide's body).
    walk.addUserData(await storedPlannerDatabase(page));
    await walk.check(page, 'Plan from the guide');

    await open(app, `/planner/plan/${SEED_PLAN_ID}`);
    await page.locator('.task-list, .task-table').first().waitFor();
    await walk.check(page, 'Plan with tasks');
    await open(app, `/planner/plan/${SEED_PLAN_ID}/task/${SEED_OVERDUE_TASK_ID}`);
    await page.locator('.task-editor').waitFor();
    await walk.check(page, 'Task editor');
    await open(app, `/planner/plan/${SEED_PLAN_ID}/report`);
    await page.locator('.report').waitFor();
    await walk.check(page, 'Council report');
    await open(app, '/planner/assessment');
    await page.locator('.recommendations__item').first().waitFor();
    await walk.check(page, 'Assessment');
    walk.expectClean();
  });

  test('workshops: list, a bundled workshop, presenter view with the room, handout, editor', async ({
    app,
  }) => {
    await speakPseudo(app.context);
    const walk = await PseudoWalk.start(app);
    const page = app.page;
    await open(app, '/workshops');
    await page.locator('.ws-card').first().waitFor();
    await walk.check(page, 'Workshops');
    await open(app, `/workshops/${WORKSHOP}`);
    await page.locator('.ws-agenda').waitFor();
    await walk.check(page, 'Workshop');
    await app.open(`/workshops/${WORKSHOP}/present`);
    await page.getByRole('group', { name: m('Presentation controls') }).waitFor();
    await walk.check(page, 'Audience view');
    await open(app, `/workshops/${WORKSHOP}/presenter`);
    await page.getByRole('heading', { level: 1, name: /^⟦Presenter view: / }).waitFor();
    await page.getByRole('heading', { level: 2, name: m('Room') }).waitFor();
    await walk.check(page, 'Presenter view');
    await open(app, `/workshops/${WORKSHOP}/handout`);
    await page.locator('.ws-agenda').waitFor();
    await walk.check(page, 'Handout');

    await open(app, '/workshops');
    const card = page.locator('.ws-card').first();
    await card.getByRole('button', { name: /^⟦Duplicate⟧/ }).click();
    await page
      .locator('.ws-save', { hasText: m('All changes saved') })
      .first()
      .waitFor();
    await walk.check(page, 'Workshop editor');
    walk.expectClean();
  });
});
