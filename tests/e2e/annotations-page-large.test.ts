/**
 * The Annotations page with 3,000 annotations (a task force's merged files), in the built browser
 * edition: the list draws a bounded number of entries, each telling screen readers its place,
 * scrolling reveals the last one, Tab walks the entries in order past the ones drawn at first,
 * focus stays on its entry however far the page scrolls from it, and filtering and deleting with
 * Undo still work. Bounds are on what is in the page, never time.
 */
import type { Page } from 'playwright-core';
import {
  createAnnotation,
  emptyAnnotationsDatabase,
  MEANINGS,
  type Annotation,
  type AnnotationId,
  type AnnotationsDatabase,
} from '../../renderer/src/core/annotations';
import { describeRange } from '../../renderer/src/core/annotations/anchoring/describeRange';
import type { DocId } from '../../renderer/src/core/content/ids';
import { expectNoAxeViolations } from './support/axe';
import { describe, expect, test } from './support/fixtures';
import { AnnotationsPage, storeAnnotations } from './support/pages/AnnotationsPage';
import { HybridClock, randomMemberId } from '../../renderer/src/core/team/hlc';

const DOC_ID = 'case-halton-hills-lets-talk' as DocId;
const COUNT = 3_000;
/** Far more than a screenful, far fewer than 3,000. */
const MOST_DRAWN = 60;

const idOf = (n: number) =>
  `urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}` as AnnotationId;
const noteOf = (n: number) => `Note ${n + 1} from the task force`;

/**
 * 3,000 highlights in document order on one case study, note `n` on the `n`th sentence, so the
 * page's default order (by place in the document) is their number order.
 */
function manyAnnotations(): AnnotationsDatabase {
  const sentences = Array.from({ length: COUNT }, (_, n) => `Sentence number ${n + 1}. `);
  const text = sentences.join('');
  const base = createAnnotation(emptyAnnotationsDatabase(), {
    docId: DOC_ID,
    text,
    start: 0,
    end: 10,
    meaning: 'important',
    note: 'A note',
    author: 'Aurélie Tremblay',
    clock: new HybridClock(randomMemberId()),
    now: new Date('2026-11-01T12:00:00Z'),
  }).annotation;
  const annotations: Annotation[] = [];
  let start = 0;
  sentences.forEach((sentence, n) => {
    annotations.push({
      ...base,
      id: idOf(n + 1),
      body: base.body.map((body, index) => ({
        ...body,
        value: index === 0 ? (MEANINGS[n % MEANINGS.length] ?? body.value) : noteOf(n),
      })),
      target: { ...base.target, selector: describeRange(text, start, start + sentence.length - 1) },
    });
    start += sentence.length;
  });
  return { ...emptyAnnotationsDatabase(), annotations };
}

/** The note of the focused element's entry (the link or button inside it). */
function focusedNote(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      document.activeElement?.closest('li.anno-entry')?.querySelector('.anno-note')?.textContent ??
      null,
  );
}

/** Whether any of the focused element is on screen. */
function focusOnScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const box = (document.activeElement ?? document.body).getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
  });
}

describe('the Annotations page with 3,000 annotations', () => {
  test('draws a bounded list, scrolls to the last entry, keeps Tab order, filters and deletes', async ({
    app,
  }) => {
    const page = app.page;
    const list = new AnnotationsPage(page);
    await app.open('/about');
    await storeAnnotations(page, manyAnnotations());
    await list.open(app.baseURL);
    expect(await list.count.textContent()).toBe(`Showing ${COUNT} of ${COUNT} annotations.`);
    await list.item(noteOf(0)).waitFor();
    expect(await list.items.count()).toBeLessThanOrEqual(MOST_DRAWN);
    expect(await list.items.first().getAttribute('aria-setsize')).toBe(String(COUNT));

    // Scrolling to the bottom reveals the last entry; the list stays bounded.
    const last = list.item(noteOf(COUNT - 1));
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return last.count();
      })
      .toBe(1);
    expect(await last.getAttribute('aria-posinset')).toBe(String(COUNT));
    expect(await list.items.count()).toBeLessThanOrEqual(MOST_DRAWN);
    await expectNoAxeViolations(page, 'the Annotations page with 3,000 entries, scrolled down');

    // Tab from the first entry walks the entries in order (link, then Delete, in each), well
    // past the ones drawn when the page opened.
    await page.evaluate(() => window.scrollTo(0, 0));
    await list.item(noteOf(0)).getByRole('link').focus();
    for (let n = 0; n < 40; n++) {
      await expect.poll(() => focusedNote(page)).toBe(noteOf(n));
      await page.keyboard.press('Tab');
      await expect.poll(() => focusedNote(page)).toBe(noteOf(n));
      await page.keyboard.press('Tab');
    }
    await expect.poll(() => focusedNote(page)).toBe(noteOf(40));

    // Focus survives scrolling far away, by the wheel and to the end of the page: the focused
    // entry stays drawn, and Tab goes on from it, back where it belongs.
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 30_000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(15_000);
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return last.count();
      })
      .toBe(1);
    expect(await focusedNote(page)).toBe(noteOf(40));
    expect(await focusOnScreen(page)).toBe(false);
    expect(await list.items.count()).toBeLessThanOrEqual(MOST_DRAWN);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedNote(page)).toBe(noteOf(40));
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedNote(page)).toBe(noteOf(41));
    await expect.poll(() => focusOnScreen(page)).toBe(true);

    // Filtering to a few entries draws them all; deleting one offers Undo, which brings it back.
    await list.filter('Text contains').fill('Note 2999 ');
    await expect.poll(() => list.count.textContent()).toBe(`Showing 1 of ${COUNT} annotations.`);
    await list.item(noteOf(2998)).getByRole('button', { name: 'Delete' }).click();
    await expect
      .poll(() => list.count.textContent())
      .toBe(`Showing 0 of ${COUNT - 1} annotations.`);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => list.count.textContent()).toBe(`Showing 1 of ${COUNT} annotations.`);
    await list.filter('Text contains').fill('');
    await expect
      .poll(() => list.count.textContent())
      .toBe(`Showing ${COUNT} of ${COUNT} annotations.`);
    expect(await list.items.count()).toBeLessThanOrEqual(MOST_DRAWN);
  });
});
