import type { Download, Locator, Page } from 'playwright-core';
import { createAnnotationsStore } from '../../../../renderer/src/core/annotations/annotationsStore';
import type { AnnotationsDatabase } from '../../../../renderer/src/core/annotations/schema';
import type { MemberId } from '../../../../renderer/src/core/team/hlc';
import { MemoryStorage } from '../../../unit/store/MemoryStorage';

/**
 * The key under which format 3 and older kept the whole annotations database in localStorage.
 * Since format 4 the annotations are records (`onmuni:annotations-records`, `-log-<n>`), and this
 * document is read once, to move it into them, then kept as the backup.
 */
export const ANNOTATIONS_STORAGE_KEY = 'onmuni:annotations';
const RECORDS_PREFIX = `${ANNOTATIONS_STORAGE_KEY}-`;

/**
 * Puts a database in storage as an earlier version of the app saved it, with no records yet, so
 * the app moves it into records when it next loads (reload the page after).
 */
export async function storeAnnotations(page: Page, db: AnnotationsDatabase): Promise<void> {
  await page.evaluate(
    ([key, prefix, json]) => {
      for (const name of Object.keys(window.localStorage)) {
        if (name.startsWith(prefix)) window.localStorage.removeItem(name);
      }
      window.localStorage.setItem(key, json);
    },
    [ANNOTATIONS_STORAGE_KEY, RECORDS_PREFIX, JSON.stringify(db)] as const,
  );
}

/**
 * The annotations database the app has stored, read as the app reads it (the real store over a
 * copy of the page's storage), or null when nothing is stored.
 */
export async function storedAnnotations(page: Page): Promise<AnnotationsDatabase | null> {
  const items = await page.evaluate((prefix) => {
    const found: [string, string][] = [];
    for (const name of Object.keys(window.localStorage)) {
      const text = window.localStorage.getItem(name);
      if (name.startsWith(prefix) && text !== null) found.push([name, text]);
    }
    return found;
  }, ANNOTATIONS_STORAGE_KEY);
  if (items.length === 0) return null;
  const storage = new MemoryStorage();
  for (const [name, text] of items) storage.documents.set(name.slice('onmuni:'.length), text);
  const store = createAnnotationsStore(storage, undefined, 'e2estoredreader0' as MemberId);
  return (await store.load()).data;
}

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
  stored(): Promise<AnnotationsDatabase | null> {
    return storedAnnotations(this.page);
  }
}
