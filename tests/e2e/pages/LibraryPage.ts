import type { Locator, Page } from 'playwright-core';

/** The Library screen: filter groups, the sort select and documents grouped by type. */
export class LibraryPage {
  readonly heading: Locator;
  readonly main: Locator;
  readonly count: Locator;
  readonly sort: Locator;
  readonly guidePath: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Library', exact: true });
    this.main = page.getByRole('main');
    this.count = this.main.getByRole('status').filter({ hasText: /documents/ });
    this.sort = page.getByRole('combobox', { name: 'Sort by', exact: true });
    this.guidePath = page.getByRole('list', { name: 'How-to guide steps, in order' });
  }

  /** Waits until the library has rendered its documents. */
  async waitUntilShown(): Promise<void> {
    await this.heading.waitFor({ state: 'visible' });
    await this.count.waitFor();
  }

  /** A filter checkbox by its group legend and the start of its label ("Case studies"). */
  filter(legend: string, label: string): Locator {
    return this.page
      .getByRole('group', { name: legend, exact: true })
      .getByRole('checkbox', { name: new RegExp(`^${escape(label)} \\(\\d+\\)$`) });
  }

  /** The count shown in a filter's label, e.g. 35 for "Case studies (35)". */
  async filterCount(legend: string, label: string): Promise<number> {
    const name = (await this.filter(legend, label).getAttribute('id')) ?? '';
    const text = await this.page.locator(`label[for="${name}"]`).textContent();
    return Number(/\((\d+)\)\s*$/.exec(text ?? '')?.[1] ?? NaN);
  }

  /** The section for one type, by its heading text ("Case studies"). */
  section(typeHeading: string): Locator {
    return this.main.getByRole('region', {
      name: new RegExp(`^${escape(typeHeading)} \\(\\d+\\)$`),
    });
  }

  /** Headings of the type sections shown, in order (without counts). */
  async sectionHeadings(): Promise<string[]> {
    // The type sections of the browsed list ("Your documents" stands apart, above it).
    const texts = await this.main.locator('.browse__results section h2').allTextContents();
    return texts.map((text) => text.replace(/\s*\(\d+\)\s*$/, ''));
  }

  /** Titles of the document cards in a section, in order. */
  async titlesIn(typeHeading: string): Promise<string[]> {
    return this.section(typeHeading).locator('h3 a').allTextContents();
  }

  /** The number of documents shown, read from the status line. */
  async shownCount(): Promise<number> {
    const text = (await this.count.textContent()) ?? '';
    return Number(/^(\d+)/.exec(text)?.[1] ?? NaN);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
