/**
 * Big plans in the built browser edition. The largest the schema allows (20,000 tasks, small
 * enough per task to fit the browser's storage): each view draws a bounded number of rows,
 * scrolling reveals the last task, the board's keyboard moves still work and keep focus, focus
 * stays on its row however far the page scrolls from it (and Tab, Shift+Tab and the arrows go on
 * from there), and axe-core finds nothing wrong with the partly drawn lists. And a phase that gets its first task
 * in a big plan draws it. Bounds are on what is in the page (rows, elements), never on time: the
 * speed figures are measured outside the tests.
 */
import type { Locator, Page } from 'playwright-core';
import type { PhaseId } from '../../renderer/src/core/planner/ids';
import { LIMITS } from '../../renderer/src/core/planner/schema';
import { expectNoAxeViolations } from './support/axe';
import { describe, expect, test } from './support/fixtures';
import { LARGE_PLAN_ID, largePlanner, largeTaskTitle } from './support/largePlanner';
import { PlanScreen } from './support/pages/PlanScreen';
import { seedPlannerRecords, storedPlannerDatabase } from './support/storedPlanner';

const TASKS = LIMITS.tasks;
const FIRST = largeTaskTitle(0);
const LAST = largeTaskTitle(TASKS - 1);
/** Far below what drawing every task would put in the page (20,000 rows, 100,000+ elements). */
const MAX_ROWS = 200;
const MAX_ELEMENTS = 6_000;

/** Elements in the whole page. */
function elementCount(page: Page): Promise<number> {
  return page.evaluate(() => document.getElementsByTagName('*').length);
}

/**
 * Scrolls until `target` is drawn (rows are measured as they appear, so the page can grow as
 * it scrolls): to the bottom of the page, or to the bottom of `within`.
 */
async function scrollUntilShown(page: Page, target: Locator, within?: Locator): Promise<void> {
  await expect
    .poll(async () => {
      if (within) await within.evaluate((el) => el.scrollIntoView({ block: 'end' }));
      else await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      return target.count();
    })
    .toBe(1);
  await target.scrollIntoViewIfNeeded();
}

/** The `data-task-id` of the focused element, and the column it is in. */
function focusedCard(page: Page): Promise<{ id: string | null; column: string | null }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return {
      id: active?.getAttribute('data-task-id') ?? null,
      column:
        active
          ?.closest('section')
          ?.querySelector('h2')
          ?.textContent?.replace(/ \(.*$/, '') ?? null,
    };
  });
}

/** The focused element: its tag, its text (a link's title), whether any of it is on screen. */
function focusedElement(
  page: Page,
): Promise<{ tag: string; text: string; onScreen: boolean; index: string | null }> {
  return page.evaluate(() => {
    const active = document.activeElement ?? document.body;
    const box = active.getBoundingClientRect();
    return {
      tag: active.tagName,
      text: active.textContent ?? '',
      onScreen: box.bottom > 0 && box.top < window.innerHeight && box.height > 0,
      index: active.closest('[data-index]')?.getAttribute('data-index') ?? null,
    };
  });
}

/** Scrolls the page by `pixels` with the mouse wheel, then waits until it has moved that far. */
async function wheel(page: Page, pixels: number): Promise<void> {
  const from = await page.evaluate(() => window.scrollY);
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, pixels);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(from + pixels / 2);
}

describe('big plans', () => {
  test('20,000 tasks: list, board and timeline draw only what is near the screen; keyboard moves work', async ({
    app,
  }) => {
    const page = app.page;
    const plan = new PlanScreen(page);
    await app.open('/about');
    await seedPlannerRecords(page, largePlanner(TASKS));

    // 1. The list: every phase's table has its full row count for screen readers, few rows drawn.
    await app.open(`/planner/plan/${LARGE_PLAN_ID}`);
    await page.getByRole('link', { name: FIRST, exact: true }).waitFor();
    const rows = page.locator('.task-table tbody tr[data-index]');
    expect(await rows.count()).toBeGreaterThan(5);
    expect(await rows.count()).toBeLessThanOrEqual(MAX_ROWS);
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    const tables = page.locator('.task-table');
    const counted = await tables.evaluateAll((list) =>
      list.reduce((sum, table) => sum + Number(table.getAttribute('aria-rowcount')) - 1, 0),
    );
    expect(counted).toBe(TASKS);
    const last = page.getByRole('link', { name: LAST, exact: true });
    await scrollUntilShown(page, last);
    expect(await rows.count()).toBeLessThanOrEqual(MAX_ROWS);
    // Spacer rows, row counts and indexes leave the table valid for assistive technology.
    await expectNoAxeViolations(page, 'the list of a 20,000-task plan, scrolled to its end');
    // The page still answers: the last task's link opens its editor.
    await last.click();
    await page.getByRole('heading', { level: 2, name: 'Edit task' }).waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(LAST);

    // 2. The board: four columns of 5,000, each drawing a few cards.
    await app.open(`/planner/plan/${LARGE_PLAN_ID}/board`);
    await plan.card(FIRST).waitFor();
    const cards = page.locator('.board-card');
    expect(await cards.count()).toBeLessThanOrEqual(MAX_ROWS);
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    expect(await plan.column('Done').getByRole('heading').textContent()).toBe('Done (5000)');
    await scrollUntilShown(page, plan.card(LAST), plan.column('Done'));
    expect(await cards.count()).toBeLessThanOrEqual(MAX_ROWS);
    await expectNoAxeViolations(page, 'the board of a 20,000-task plan, scrolled down');

    // 3. A keyboard move to the far end of another column: the card is drawn and keeps focus.
    await page.evaluate(() => window.scrollTo(0, 0));
    await plan.card(FIRST).focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => plan.announcement().textContent())
      .toContain(`Moved “${FIRST}” to In progress, position 5001 of 5001.`);
    await expect.poll(() => focusedCard(page)).toEqual({ id: 't0', column: 'In progress' });
    // Focus stayed, so the next keys move it again: up one place, then back to where it was.
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() => plan.announcement().textContent())
      .toContain(`Moved “${FIRST}” to In progress, position 5000 of 5001.`);
    await expect.poll(() => focusedCard(page)).toEqual({ id: 't0', column: 'In progress' });
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => plan.announcement().textContent())
      .toContain(`Moved “${FIRST}” to Not started, position 5000 of 5000.`);
    await expect.poll(() => focusedCard(page)).toEqual({ id: 't0', column: 'Not started' });
    expect(await cards.count()).toBeLessThanOrEqual(MAX_ROWS);
    await plan.waitUntilSaved();
    const { tasks } = await storedPlannerDatabase(page);
    expect(tasks.find((task) => task.id === 't0')?.status).toBe('not-started');
    expect(tasks.length).toBe(TASKS);

    // 4. The timeline: months and "No due date", the last undated task at the very end.
    await plan.openView('Timeline');
    await page.locator('.timeline__rows li').first().waitFor();
    expect(await page.locator('.timeline__rows li').count()).toBeLessThanOrEqual(MAX_ROWS);
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    await scrollUntilShown(page, page.getByRole('link', { name: LAST, exact: true }));
    expect(await page.locator('.timeline__rows li').count()).toBeLessThanOrEqual(MAX_ROWS);
    // The month whose heading scrolled away is still named by it, for screen readers.
    expect(
      await page.getByRole('heading', { level: 2, name: /^No due date \(4,000\)$/ }).count(),
    ).toBe(1);
    await expectNoAxeViolations(page, 'the timeline of a 20,000-task plan, scrolled to its end');
    // Back to the list, at its top (the moved task now sits at the end of its phase).
    await plan.openView('List');
    await page.getByRole('link', { name: largeTaskTitle(1), exact: true }).waitFor();
  });

  test('focus survives scrolling far from the focused row: list, board and timeline', async ({
    app,
  }) => {
    const page = app.page;
    const plan = new PlanScreen(page);
    await app.open('/about');
    await seedPlannerRecords(page, largePlanner(TASKS));

    // 1. The list: the first task's link keeps focus while the page scrolls far down its phase
    //    (thousands of rows), and then to the end of the plan, far past its phase's table.
    await app.open(`/planner/plan/${LARGE_PLAN_ID}`);
    const firstTable = page.locator('.task-table').first();
    const link = (index: number) => firstTable.locator(`tbody tr[data-index="${index}"] a`);
    await link(0).waitFor();
    const [first, second] = [await link(0).textContent(), await link(1).textContent()];
    await link(0).focus();
    await wheel(page, 30_000);
    expect(await link(40).count()).toBe(0);
    expect(await focusedElement(page)).toMatchObject({ tag: 'A', text: first, onScreen: false });
    await scrollUntilShown(page, page.getByRole('link', { name: LAST, exact: true }));
    expect(await focusedElement(page)).toMatchObject({ tag: 'A', text: first, onScreen: false });
    expect(await page.locator('.task-table tbody tr[data-index]').count()).toBeLessThanOrEqual(
      MAX_ROWS,
    );
    // Tab goes on from there: to the second task, shown where it belongs, at the top.
    await page.keyboard.press('Tab');
    await expect
      .poll(() => focusedElement(page))
      .toMatchObject({ tag: 'A', text: second, onScreen: true, index: '1' });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(2_000);
    await expectNoAxeViolations(page, 'the list of a 20,000-task plan, focus back at its top');

    // 2. The board: a focused card keeps focus while its column scrolls far down, and an arrow
    //    key still moves it, bringing it back into view.
    await app.open(`/planner/plan/${LARGE_PLAN_ID}/board`);
    await plan.card(FIRST).waitFor();
    await plan.card(FIRST).focus();
    await wheel(page, 20_000);
    expect(await focusedCard(page)).toEqual({ id: 't0', column: 'Not started' });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    expect(await focusedCard(page)).toEqual({ id: 't0', column: 'Not started' });
    expect(await page.locator('.board-card').count()).toBeLessThanOrEqual(MAX_ROWS);
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => plan.announcement().textContent())
      .toContain(`Moved “${FIRST}” to Not started, position 2 of 5000.`);
    await expect.poll(() => focusedCard(page)).toEqual({ id: 't0', column: 'Not started' });
    await expect.poll(async () => (await focusedElement(page)).onScreen).toBe(true);

    // 3. The timeline: the same for its first task, with Shift+Tab back from the second.
    await plan.openView('Timeline');
    const item = (index: number) => page.locator(`.timeline__rows [data-index="${index}"] a`);
    await item(2).waitFor();
    const dated = [await item(1).textContent(), await item(2).textContent()];
    await item(2).focus();
    await wheel(page, 20_000);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await focusedElement(page)).toMatchObject({ tag: 'A', text: dated[1], onScreen: false });
    await page.keyboard.press('Shift+Tab');
    await expect
      .poll(() => focusedElement(page))
      .toMatchObject({ tag: 'A', text: dated[0], onScreen: true, index: '1' });
  });

  test('a phase that gets its first task in a big plan draws it', async ({ app }) => {
    const page = app.page;
    const db = largePlanner(1_000);
    db.plans[0]?.phases.push({ id: 'ph-new' as PhaseId, title: 'Step 9', docId: null });
    await app.open('/about');
    await page.evaluate(
      (json) => window.localStorage.setItem('onmuni:planner', json),
      JSON.stringify(db),
    );
    await app.open(`/planner/plan/${LARGE_PLAN_ID}`);
    const phase = page.getByRole('region', { name: 'Step 9', exact: true });
    await phase.getByText('No tasks in this phase.').waitFor();
    await page.getByRole('button', { name: 'Add task', exact: true }).click();
    await page.getByLabel('Title', { exact: true }).fill('Brand new task');
    await page.getByLabel('Phase', { exact: true }).selectOption({ label: 'Step 9' });
    await page.getByRole('button', { name: 'Create task', exact: true }).click();
    // The phase is at the end of the list, far below: its table draws rows once near the screen.
    await phase.getByRole('table').waitFor();
    await phase.scrollIntoViewIfNeeded();
    await phase.getByRole('link', { name: 'Brand new task', exact: true }).waitFor();
    expect(await phase.locator('tbody tr[data-index]').count()).toBe(1);
  });
});
