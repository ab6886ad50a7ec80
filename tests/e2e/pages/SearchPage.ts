import type { Locator, Page } from 'playwright-core';

/**
 * The header's search field and the Search screen. Names follow the app's contract: the field
 * is the only searchbox named "Search"; results are a list named "Search results" whose items
 * start with a link named by the document's title.
 */
export class SearchPage {
  readonly field: Locator;
  readonly heading: Locator;
  readonly results: Locator;
  readonly items: Locator;
  readonly status: Locator;
  readonly filters: Locator;

  constructor(readonly page: Page) {
    this.field = page.getByRole('searchbox', { name: 'Search', exact: true });
    this.heading = page.getByRole('heading', { level: 1, name: 'Search', exact: true });
    this.results = page.getByRole('list', { name: 'Search results', exact: true });
    this.items = this.results.getByRole('listitem');
    this.status = page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: /results? for|Preparing search/ });
    this.filters = page.locator('details.filters');
  }

  /** Focuses the field with Ctrl+K, as a keyboard user would, and types a query. */
  async typeQuery(query: string): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await this.field.pressSequentially(query);
  }

  /** Waits until the live region reports results for `query` and the list is showing. */
  async waitForResults(query: string): Promise<void> {
    await this.status.filter({ hasText: `for “${query}”` }).waitFor();
    await this.results.waitFor({ state: 'visible' });
  }

  /** The title link that starts each result, in order. */
  titleLinks(): Locator {
    return this.items.locator(':scope > a:first-child');
  }

  /** The titles of the results, in order. */
  async titles(): Promise<string[]> {
    return this.titleLinks().allTextContents();
  }

  /** The text of every `<mark>` in the results' snippets, lower-cased. */
  async markedWords(): Promise<string[]> {
    const words = await this.results.locator('mark').allTextContents();
    return words.map((word) => word.toLowerCase());
  }

  /** A filter checkbox by its group legend and the start of its label ("Case studies"). */
  filter(legend: string, label: string): Locator {
    return this.page
      .getByRole('group', { name: legend, exact: true })
      .getByRole('checkbox', { name: new RegExp(`^${label} \\(\\d+\\)$`) });
  }

  /** Whether the element with focus is the search field. */
  fieldHasFocus(): Promise<boolean> {
    return this.field.evaluate((element) => element === document.activeElement);
  }

  /** The accessible text of the focused element (a link's title, for results). */
  focusedText(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  }
}
