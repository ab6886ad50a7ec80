/**
 * A document with 3,000 annotations in the built browser edition and real Chromium: it opens at
 * once, anchoring happens in a worker while the page keeps answering, the highlights are all
 * painted when it ends (overlapping ones of a meaning as one range), and the margin list draws a bounded number of items however long it is,
 * with every item still reachable by Tab in order. A few crafted near-miss quotes (long passages
 * that almost match) ride along, as a shared file could bring them.
 */
import type { Page, Route } from 'playwright-core';
import {
  anchorAll,
  anchoringItemOf,
  findAll,
} from '../../renderer/src/core/annotations/anchoring/anchorAll';
import { spansByMeaning } from '../../renderer/src/core/annotations/anchoring/highlightSpans';
import { describeRange } from '../../renderer/src/core/annotations/anchoring/describeRange';
import { contentVersion } from '../../renderer/src/core/annotations/contentVersion';
import {
  createAnnotation,
  emptyAnnotationsDatabase,
  MEANINGS,
  type Annotation,
  type AnnotationId,
  type AnnotationsDatabase,
} from '../../renderer/src/core/annotations';
import type { DocId } from '../../renderer/src/core/content/ids';
import { expectNoAxeViolations } from './support/axe';
import { describe, expect, test, type AppSession } from './support/fixtures';
import { storeAnnotations } from './support/pages/AnnotationsPage';
import { HIGHLIGHT_NAME, ReaderAnnotations } from './support/pages/ReaderAnnotations';
import { HybridClock, randomMemberId } from '../../renderer/src/core/team/hlc';

const DOC_ID = 'guide-5-funding-and-partners' as DocId;
const HONEST = 3_000;
const NEAR_MISSES = 20;
/** Far more than a screenful, far fewer than 3,000: what "bounded" means for the margin list. */
const MOST_ITEMS_DRAWN = 80;

/** Opens the reader on the document and returns its text once the body is shown. */
async function openDocument(app: AppSession): Promise<string> {
  await app.open(`/doc/${DOC_ID}`);
  await app.page.locator('.reader-body').waitFor();
  return app.page.locator('.reader-body').evaluate((element) => element.textContent ?? '');
}

const idOf = (n: number) =>
  `urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}` as AnnotationId;

/**
 * 3,000 short highlights all over the text, each meaning in turn. Every second one was made on
 * an older text, one sentence shorter at the top: its recorded position no longer holds, so only
 * the worker can find it (by its quote). Plus near-miss copies of long passages.
 */
function manyAnnotations(text: string): AnnotationsDatabase {
  const base = createAnnotation(emptyAnnotationsDatabase(), {
    docId: DOC_ID,
    text,
    start: 0,
    end: 10,
    meaning: 'important',
    author: 'Aurélie Tremblay',
    clock: new HybridClock(randomMemberId()),
    now: new Date(Date.now() - 60_000),
  }).annotation;
  const annotations: Annotation[] = [];
  const older = contentVersion(`An older first sentence. ${text}`);
  for (let n = 0; n < HONEST; n++) {
    const start = (n * 7) % (text.length - 60);
    const [quote, position] = describeRange(text, start, start + 20 + (n % 30));
    const moved = n % 2 === 1;
    annotations.push({
      ...base,
      id: idOf(n + 1),
      body: [{ ...base.body[0], value: MEANINGS[n % MEANINGS.length] } as Annotation['body'][0]],
      target: {
        ...base.target,
        contentVersion: moved ? older : base.target.contentVersion,
        selector: [
          quote,
          moved ? { ...position, start: start + 25, end: position.end + 25 } : position,
        ],
      },
    });
  }
  for (let n = 0; n < NEAR_MISSES; n++) {
    const start = (n * 131) % Math.max(1, text.length - 1_500);
    const [quote, position] = describeRange(text, start, start + 1_500);
    const exact = quote.exact.replace(/e/g, 'é');
    annotations.push({
      ...base,
      id: idOf(HONEST + n + 1),
      target: {
        ...base.target,
        selector: [
          { ...quote, exact },
          { ...position, end: start + exact.length },
        ],
      },
    });
  }
  return { ...emptyAnnotationsDatabase(), annotations };
}

/**
 * `count` near-miss copies of 250-character passages (every "e" made "é"): each is found by an
 * approximate search of the whole text, which together costs more than one run's work budget.
 */
function nearMissDatabase(text: string, count: number): AnnotationsDatabase {
  const { annotations } = manyAnnotations(text);
  const base = annotations[0];
  if (!base) throw new Error('no annotation to copy');
  const copies = Array.from({ length: count }, (_, n) => {
    const start = (n * 37) % Math.max(1, text.length - 250);
    const [quote, position] = describeRange(text, start, start + 250);
    const exact = quote.exact.replace(/e/g, 'é');
    return {
      ...base,
      id: idOf(10_000 + n),
      target: {
        ...base.target,
        selector: [
          { ...quote, exact },
          { ...position, end: start + exact.length },
        ],
      },
    };
  });
  return { ...emptyAnnotationsDatabase(), annotations: copies };
}

/** Stores the database as the app would have saved it. */
async function store(page: Page, db: AnnotationsDatabase): Promise<void> {
  await storeAnnotations(page, db);
}

/** The painted ranges of each meaning, as offsets in the article's text, in text order. */
function paintedSpans(page: Page): Promise<Record<string, { start: number; end: number }[]>> {
  return page.evaluate((names) => {
    const root = document.querySelector('.reader-body');
    if (!root) throw new Error('no article');
    const offset = (node: Node, at: number) => {
      const before = document.createRange();
      before.setStart(root, 0);
      before.setEnd(node, at);
      return before.toString().length;
    };
    return Object.fromEntries(
      Object.entries(names).map(([meaning, name]) => [
        meaning,
        [...(CSS.highlights.get(name) ?? [])]
          .map((range) => ({
            start: offset(range.startContainer, range.startOffset),
            end: offset(range.endContainer, range.endOffset),
          }))
          .sort((a, b) => a.start - b.start),
      ]),
    );
  }, HIGHLIGHT_NAMES_BY_MEANING);
}

/** The name the app registers for each meaning's highlight, keyed by meaning. */
const HIGHLIGHT_NAMES_BY_MEANING: Record<string, string> = {
  important: HIGHLIGHT_NAME.Important,
  question: HIGHLIGHT_NAME.Question,
  idea: HIGHLIGHT_NAME['Idea for us'],
  concern: HIGHLIGHT_NAME.Concern,
};

/** The position in its list of the element holding focus, or null. */
function focusedRow(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const row = document.activeElement?.closest('li[aria-posinset]');
    return row ? Number(row.getAttribute('aria-posinset')) : null;
  });
}

describe('a document with 3,000 annotations', () => {
  test('opens at once, anchors in a worker while the page answers, and draws a bounded list', async ({
    app,
  }) => {
    const { page, context } = app;
    const text = await openDocument(app);
    await store(page, manyAnnotations(text));

    // Hold the anchoring worker's script until the page has shown it answers meanwhile: if
    // anchoring ran on the page, the highlights would be there without it.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let requested = false;
    await context.route(/anchoringWorker-[^/]*\.js$/, async (route: Route) => {
      requested = true;
      await held;
      await route.fallback();
    });
    // Count walks of the DOM's text: painting must walk the article once, not once per highlight.
    await page.addInitScript(() => {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the document as `this`
      const walk = Document.prototype.createTreeWalker;
      const counted = window as unknown as { treeWalks: number };
      counted.treeWalks = 0;
      Document.prototype.createTreeWalker = function (...args) {
        counted.treeWalks++;
        return walk.apply(this, args);
      };
    });
    await page.reload();
    await page.locator('.reader-body').waitFor();
    const reader = new ReaderAnnotations(page);
    const finding = reader.panel.locator('.anno-finding');
    await finding.filter({ hasText: /^Finding [\d,]+ highlights in the text…$/ }).waitFor();
    expect(requested).toBe(true);

    // The page answers a click while the highlights are being looked for.
    await reader.annotateButton.click();
    await reader.status.filter({ hasText: 'Select some text in the document first' }).waitFor();
    expect(await reader.panel.getByRole('heading', { level: 2 }).innerText()).toBe('Highlights');

    release();
    await reader.waitUntilReady();
    await expect(finding.innerText()).resolves.toBe('');
    const heading = await reader.panel.getByRole('heading', { level: 2 }).innerText();
    const anchored = Number(heading.replace(/\D/g, ''));
    // Every honest highlight is found, moved or not; near misses are found fuzzily or orphaned.
    expect(anchored).toBeGreaterThanOrEqual(HONEST);
    const orphans = (await reader.orphans.count()) > 0 ? await reader.orphans.innerText() : '';
    const orphaned = Number(/Orphaned highlights \((\d+)\)/.exec(orphans)?.[1] ?? 0);
    expect(anchored + orphaned).toBe(HONEST + NEAR_MISSES);
    // What is painted is exactly what anchoring found (the worker runs this same code), with
    // overlapping highlights of a meaning joined.
    const stored = manyAnnotations(text);
    await expect(paintedSpans(page)).resolves.toEqual(
      spansByMeaning(anchorAll(text, stored.annotations).anchored),
    );
    const walks = await page.evaluate(() => (window as unknown as { treeWalks: number }).treeWalks);
    expect(walks).toBeLessThan(50);

    // The margin list draws a bounded number of items, at the top and at the bottom.
    const drawn = () => reader.items.count();
    expect(await drawn()).toBeGreaterThan(0);
    expect(await drawn()).toBeLessThanOrEqual(MOST_ITEMS_DRAWN);
    await reader.list.evaluate((list) => {
      const box = list.parentElement;
      if (box) box.scrollTop = box.scrollHeight;
    });
    await reader.list.locator(`li[aria-posinset="${anchored}"]`).waitFor();
    expect(await drawn()).toBeLessThanOrEqual(MOST_ITEMS_DRAWN);

    // The page still answers after anchoring: a click on an item's button works.
    await reader.list
      .locator(`li[aria-posinset="${anchored}"]`)
      .getByRole('button', { name: 'Go to highlight' })
      .click();
    await reader.status.filter({ hasText: 'Moved to the highlight' }).waitFor();
  });

  test('Tab goes through the items in order, past the ones drawn at first', async ({ app }) => {
    const { page } = app;
    const text = await openDocument(app);
    await store(page, manyAnnotations(text));
    await page.reload();
    const reader = new ReaderAnnotations(page);
    await reader.waitUntilReady();
    const firstDrawn = await reader.items.count();

    await reader.items.first().getByRole('button', { name: 'Go to highlight' }).focus();
    expect(await focusedRow(page)).toBe(1);
    const rows = firstDrawn + 5;
    for (let row = 1; row < rows; row++) {
      // Three buttons per item: Go to highlight, Edit, Delete.
      for (let press = 0; press < 3; press++) await page.keyboard.press('Tab');
      expect(await focusedRow(page)).toBe(row + 1);
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      expect(focused).toBe('Go to highlight');
    }
    expect(await reader.items.count()).toBeLessThanOrEqual(MOST_ITEMS_DRAWN);
    // And back again with Shift+Tab.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedRow(page)).toBe(rows - 1);

    // Scrolled far away with the mouse, the focused item stays (focus is not lost), and Tab
    // goes on to the next item.
    await reader.items.nth(1).getByRole('button', { name: 'Delete' }).focus();
    const focusedAt = await focusedRow(page);
    await reader.list.evaluate((list) => {
      const box = list.parentElement;
      if (box) box.scrollTop = box.scrollHeight;
    });
    const heading = await reader.panel.getByRole('heading', { level: 2 }).innerText();
    await reader.list.locator(`li[aria-posinset="${heading.replace(/\D/g, '')}"]`).waitFor();
    expect(await focusedRow(page)).toBe(focusedAt);
    await page.keyboard.press('Tab');
    expect(await focusedRow(page)).toBe((focusedAt ?? 0) + 1);
  });

  test('what the work budget did not cover is listed, drawn in part, and can be looked for', async ({
    app,
  }) => {
    const { page } = app;
    const text = await openDocument(app);
    const db = nearMissDatabase(text, 2_500);
    // The worker runs this same code: what it leaves unsearched is known in advance.
    const unsearched = findAll(text, db.annotations.map(anchoringItemOf)).filter(
      (f) => f.status === 'orphaned' && f.reason === 'not-searched',
    ).length;
    expect(unsearched).toBeGreaterThan(150);
    await store(page, db);
    await page.reload();
    const reader = new ReaderAnnotations(page);
    await reader.waitUntilReady();

    const title = reader.orphans.getByRole('heading', { name: /^Orphaned highlights \(\d+\)$/ });
    expect(await title.innerText()).toBe(`Orphaned highlights (${unsearched})`);
    expect(await reader.orphans.innerText()).toContain('not looked for yet');
    expect(await reader.orphans.getByRole('listitem').count()).toBeLessThanOrEqual(
      MOST_ITEMS_DRAWN,
    );
    // Both lists in their scroll boxes, drawn in part, pass axe-core.
    await expectNoAxeViolations(page, 'reader with long margin and orphan lists');

    await reader.orphans.getByRole('button', { name: 'Look for them now' }).click();
    await reader.panel
      .locator('.anno-finding')
      .filter({ hasText: /^Finding/ })
      .waitFor();
    await reader.waitUntilReady();
    // Each run has a fresh budget, and what was found before is not looked for again.
    await reader.orphans.waitFor({ state: 'detached' });
    const heading = await reader.panel.getByRole('heading', { level: 2 }).innerText();
    expect(Number(heading.replace(/\D/g, ''))).toBe(2_500);
  });
});
