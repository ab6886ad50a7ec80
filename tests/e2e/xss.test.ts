/**
 * Hostile Markdown rendered by the real app in real Chromium: no script may run.
 *
 * How the hostile text reaches the reader, and why this is the honest way to test it:
 *
 * - The app is the real production build (`out/renderer`), copied to a temp folder whose `data/`
 *   is replaced. Nothing test-only is added to the bundle: the reader renders what it fetches,
 *   with the same Markdown pipeline and DOMPurify configuration users get.
 * - The data files are made by the real content pipeline (`runContentPipeline`) over a fixture
 *   corpus: the unit tests' valid corpus plus one document per hostile input.
 * - The validator rejects many hostile inputs (raw HTML, refused links) before they reach the app.
 *   That is the first line of defence, but the reader must not rely on it: a data file can be
 *   altered on disk, and content packs come from other people. So each input the validator
 *   rejects is put into `documents.json` after the pipeline has run, the way a tampered file
 *   would carry it. Inputs the validator accepts go through the whole pipeline untouched. Either
 *   way the browser renders the exact hostile string through the product's renderer.
 *
 * Then, for every document: no `window.__xss`, no dialog, no request off the app's origin, no
 * console error (a CSP violation is logged as one), and an article DOM with no script-capable
 * elements, no `on*` or `style` attributes and only allowed link targets.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runContentPipeline } from '../../build/content/pipeline';
import { rendererOutDir, startServer, type RunningServer } from '../../build/scripts/serve';
import type {
  CatalogFile,
  ContentDocument,
  DocumentStoreFile,
} from '../../renderer/src/core/content/model';
import { HOSTILE_MARKDOWN } from '../fixtures/hostileMarkdown';
import { launchChromium } from './support/chromium';
import { ConsoleRecorder } from './support/console-recorder';
import { RequestRecorder } from './support/request-recorder';

const FIXTURE_CORPUS = join(import.meta.dirname, '..', 'unit', 'content', 'fixtures', 'valid');

/** One fixture document per hostile input. */
interface HostileCase {
  index: number;
  input: string;
  id: string;
  title: string;
  /** How it reached the data file: through the whole pipeline, or past a rejecting validator. */
  route: 'pipeline' | 'injected';
}

const cases: HostileCase[] = HOSTILE_MARKDOWN.map((input, index) => ({
  index,
  input,
  id: `key-issue-hostile-${String(index + 1).padStart(2, '0')}`,
  title: `Hostile input ${index + 1}`,
  route: 'pipeline',
}));

/** A document body around the hostile input, with a glossary term so that rule runs too. */
function bodyFor(input: string): string {
  return `Ransomware is one risk; this paragraph comes first.\n\n${input}\n\nA closing paragraph.\n`;
}

function markdownFile(c: HostileCase): string {
  return [
    '---',
    `id: ${c.id}`,
    'type: key-issue',
    `title: ${c.title}`,
    'summary: A document that carries a hostile input for the end-to-end XSS test.',
    'topics: [cybersecurity]',
    'updated: 2026-11-26',
    '---',
    '',
    bodyFor(c.input),
  ].join('\n');
}

let work: string;
let server: RunningServer;
let browser: Browser;

/** Builds the fixture corpus and the app over it, and returns the data folder's documents. */
async function buildFixtureApp(site: string): Promise<void> {
  const content = join(work, 'content');
  cpSync(FIXTURE_CORPUS, content, { recursive: true });
  mkdirSync(join(content, 'key-issues'), { recursive: true });
  const pathOf = (c: HostileCase) => join(content, 'key-issues', `${c.id}.md`);
  for (const c of cases) writeFileSync(pathOf(c), markdownFile(c));

  // First run: which inputs does the validator refuse?
  const first = await runContentPipeline({ contentDir: content, outDir: null });
  for (const c of cases) {
    if (first.issues.some((issue) => issue.file.endsWith(`${c.id}.md`))) {
      c.route = 'injected';
      rmSync(pathOf(c));
    }
  }
  // Second run: the corpus the validator accepts, written as the app's data files.
  const data = join(site, 'data');
  rmSync(data, { recursive: true, force: true });
  const second = await runContentPipeline({ contentDir: content, outDir: data });
  if (second.issues.length > 0) {
    throw new Error(`The fixture corpus should now be valid: ${JSON.stringify(second.issues)}`);
  }

  // The refused inputs go into the written files, as a tampered data file would carry them.
  const storePath = join(data, 'documents.json');
  const catalogPath = join(data, 'catalog.json');
  const store = JSON.parse(readFileSync(storePath, 'utf8')) as DocumentStoreFile;
  const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as CatalogFile;
  const template = store.documents.find((doc) => doc.type === 'key-issue');
  const catalogTemplate = catalog.entries.find((entry) => entry.type === 'key-issue');
  if (!template || !catalogTemplate) throw new Error('The fixture corpus needs a key issue.');
  for (const c of cases.filter((candidate) => candidate.route === 'injected')) {
    const doc: ContentDocument = {
      ...template,
      id: c.id as ContentDocument['id'],
      title: c.title,
      body: bodyFor(c.input),
      related: [],
      backlinks: [],
    };
    store.documents.push(doc);
    catalog.entries.push({ ...catalogTemplate, id: doc.id, title: c.title });
  }
  writeFileSync(storePath, JSON.stringify(store));
  writeFileSync(catalogPath, JSON.stringify(catalog));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'onmuni-xss-'));
  const site = join(work, 'site');
  cpSync(rendererOutDir, site, { recursive: true });
  await buildFixtureApp(site);
  server = await startServer({ root: site, port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** What the page looked like after a hostile document rendered. */
interface Inspection {
  xss: unknown;
  forbiddenElements: string[];
  forbiddenAttributes: string[];
  badLinks: string[];
  clobbered: string[];
}

/**
 * Runs in the page: looks at the rendered article for anything that could run script, after
 * firing the events inline handlers would listen for.
 */
function inspectArticle(): Inspection {
  const body = document.querySelector('.reader-body');
  const all = body ? [body, ...body.querySelectorAll('*')] : [];
  for (const element of all) {
    for (const type of ['mouseover', 'focus', 'click', 'load', 'error', 'toggle', 'animationend']) {
      // A click on a link would navigate: only fire it at non-links.
      if (type === 'click' && element.closest('a')) continue;
      element.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
    }
  }
  const forbidden =
    'script, iframe, object, embed, svg, math, style, img, form, input, base, meta, link, details, noscript, map, area, template';
  const allowedHref = /^(?:https:|mailto:|#\/)/;
  const clobbered: string[] = [];
  if (typeof document.cookie !== 'string') clobbered.push('document.cookie');
  if (!(window.location instanceof Location)) clobbered.push('window.location');
  if (typeof window.name !== 'string') clobbered.push('window.name');
  return {
    xss: (window as unknown as { __xss?: unknown }).__xss,
    forbiddenElements: body ? [...body.querySelectorAll(forbidden)].map((e) => e.outerHTML) : [],
    forbiddenAttributes: all.flatMap((element) =>
      [...element.attributes]
        .filter((attribute) => /^on|^style$|^src|^srcdoc$|^formaction$/i.test(attribute.name))
        .map((attribute) => `${element.tagName}[${attribute.name}]`),
    ),
    badLinks: body
      ? [...body.querySelectorAll('[href]')]
          .map((element) => element.getAttribute('href') ?? '')
          .filter((href) => !allowedHref.test(href))
      : [],
    clobbered,
  };
}

describe('hostile Markdown in the real reader (Chromium)', () => {
  let context: BrowserContext;
  let page: Page;
  let requests: RequestRecorder;
  let consoleRecorder: ConsoleRecorder;
  const dialogs: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(15_000);
    requests = await RequestRecorder.attach(context, server.url);
    page = await context.newPage();
    consoleRecorder = ConsoleRecorder.attach(page);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await context?.close();
  });

  test('both routes are exercised: some inputs pass the validator, some are refused', () => {
    const injected = cases.filter((c) => c.route === 'injected').length;
    expect(injected).toBeGreaterThan(0);
    expect(cases.length - injected).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  test.for(cases)('input $index ($route) renders inert', async (c) => {
    await page.goto(`${server.url}#/doc/${c.id}`);
    await page.getByRole('heading', { level: 1, name: c.title, exact: true }).waitFor();
    await page.locator('.reader-body').waitFor();
    const seen = await page.evaluate(inspectArticle);
    // Give anything that was scheduled (timers, image errors, meta refresh) a moment to fire.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(
      undefined,
    );
    expect(seen).toEqual({
      xss: undefined,
      forbiddenElements: [],
      forbiddenAttributes: [],
      badLinks: [],
      clobbered: [],
    });
    expect(page.url()).toBe(`${server.url}#/doc/${c.id}`);
    expect(dialogs).toEqual([]);
    expect(requests.problems()).toEqual([]);
    expect(consoleRecorder.problems()).toEqual([]);
  });

  test('a benign external link in a body still opens only after the confirmation', async () => {
    // The fixture corpus's hostile inputs include `[mail](mailto:...)`: an allowed link.
    const withMail = cases.find((c) => c.input.startsWith('[mail](mailto:'));
    if (!withMail) throw new Error('The hostile list should keep its mailto: case.');
    await page.goto(`${server.url}#/doc/${withMail.id}`);
    const link = page.locator('.reader-body a[data-external]');
    await link.waitFor();
    await link.click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs.pop()).toContain('someone@example.com');
    expect(page.url()).toBe(`${server.url}#/doc/${withMail.id}`);
    expect(context.pages()).toHaveLength(1);
  });
});
