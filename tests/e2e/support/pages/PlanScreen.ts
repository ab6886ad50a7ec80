import type { Locator, Page } from 'playwright-core';

/** The board's columns, as their headings start. */
export type BoardColumn = 'Not started' | 'In progress' | 'Blocked' | 'Done';

/** A plan, `#/planner/plan/<id>[/view]`: its views, the board and the task editor. */
export class PlanScreen {
  readonly views: Locator;
  readonly addTaskButton: Locator;
  readonly saveStatus: Locator;

  constructor(readonly page: Page) {
    this.views = page.getByRole('navigation', { name: 'Plan views' });
    this.addTaskButton = page.getByRole('button', { name: 'Add task', exact: true });
    this.saveStatus = page.locator('.planner-save');
  }

  /** Opens a view through its tab link and waits until it is the current one. */
  async openView(name: 'List' | 'Board' | 'Timeline' | 'Summary' | 'Plan details'): Promise<void> {
    const link = this.views.getByRole('link', { name, exact: true });
    await link.click();
    await this.page.waitForFunction(
      (label) =>
        [...document.querySelectorAll('nav[aria-label="Plan views"] a')].some(
          (a) => a.textContent === label && a.getAttribute('aria-current') === 'page',
        ),
      name,
    );
  }

  /** A column of the board (a region named by its heading). */
  column(name: BoardColumn): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name} \\(`) });
  }

  /** The card of a task on the board, in any column. */
  card(title: string): Locator {
    return this.page
      .locator('.board-card')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** The board's live region, which announces each move. */
  announcement(): Locator {
    return this.page.locator('p[aria-live="polite"]');
  }

  /** Waits until every change has been written to storage. */
  async waitUntilSaved(): Promise<void> {
    await this.page.getByText('All changes saved', { exact: true }).waitFor();
  }
}
