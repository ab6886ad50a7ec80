import type { Download, Locator, Page } from 'playwright-core';

/** The key the browser edition keeps the annotations database under in localStorage. */
export const ANNOTATIONS_STORAGE_KEY = 'onmuni:annotations';

/**
 * The Annotations page (`#/annotations`): the filtered list, import with its preview, and
 * exports. Locators use roles and visible labels, as a screen reader user would find things.
 */
export class AnnotationsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly items: Locator;
  readonly count: Locator;
  readonly importInput: Locator;
  readonly preview: Locator;
  readonly alert: Locator;
  readonly saveStatus: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'Annotations' });
    this.list = main.getByRole('list', { name: 'Annotations', exact: true });
    this.items = this.list.getByRole('listitem');
    this.count = main.locator('.anno-page__count');
    this.importInput = main.getByLabel('Import annotations', { exact: true });
    this.preview = main.getByRole('region', { name: /^Preview of/ });
    this.alert = main.getByRole('alert');
    this.saveStatus = main.locator('.anno-save');
  }

  /** Opens the page and waits for the list (or its empty state) to be shown. */
  async open(baseURL: string, query = ''): Promise<void> {
    await this.page.goto(`${baseURL}#/annotations${query}`);
    await this.waitUntilReady();
  }

  async waitUntilReady(): Promise<void> {
    await this.heading.waitFor();
    await this.count.waitFor();
  }

  /** The list item that shows `text` (in its quote, note, author...). */
  item(text: string | RegExp): Locator {
    return this.items.filter({ hasText: text });
  }

  /** A filter control by its visible label ("Document", "Author", "Meaning", "Tag", ...). */
  filter(label: string): Locator {
    return this.page.getByRole('main').getByLabel(label, { exact: true });
  }

  /** Chooses the export scope and downloads the file of one format. */
  async download(
    format: 'JSON-LD' | 'Markdown' | 'CSV',
    scope: 'All annotations' | 'The filtered list' | 'One document' = 'All annotations',
  ): Promise<Download> {
    await this.page.getByRole('radio', { name: new RegExp(`^${scope}`) }).check();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: `Download ${format}` }).click(),
    ]);
    return download;
  }

  /** Chooses a file in "Import annotations". */
  async importFile(name: string, contents: string | Buffer): Promise<void> {
    await this.importInput.setInputFiles({
      name,
      mimeType: 'application/ld+json',
      buffer: typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents,
    });
  }

  /** A count in the import preview ("New", "Updated", "Unchanged", "Deleted", "Orphaned"). */
  async previewCount(label: string): Promise<number> {
    const value = this.preview
      .locator('dt', { hasText: label })
      .locator('xpath=following-sibling::dd[1]');
    return Number(await value.first().textContent());
  }

  /** The stored annotations database, as the app saved it. */
  stored(): Promise<{ annotations: unknown[]; tombstones: unknown[] } | null> {
    return this.page.evaluate((key) => {
      const text = window.localStorage.getItem(key);
      return text === null
        ? null
        : (JSON.parse(text) as { annotations: unknown[]; tombstones: unknown[] });
    }, ANNOTATIONS_STORAGE_KEY);
  }
}
