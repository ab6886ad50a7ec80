import type { Locator, Page } from 'playwright-core';

/** The key the reader keeps reading positions under in the browser edition's localStorage. */
export const READING_POSITIONS_STORAGE_KEY = 'onmuni:reading-positions';

/**
 * The Reader (`#/doc/<id>`): one document with its table of contents, sources, related
 * documents, "Referenced by", previous/next and glossary tooltips. Locators use roles and names,
 * as a screen reader user would find things.
 */
export class ReaderPage {
  readonly heading: Locator;
  readonly toc: Locator;
  readonly article: Locator;
  readonly body: Locator;
  readonly sources: Locator;
  readonly related: Locator;
  readonly referencedBy: Locator;
  readonly tooltip: Locator;
  readonly liveRegion: Locator;
  readonly printButton: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1 });
    this.toc = page.getByRole('navigation', { name: 'On this page' });
    this.article = main.getByRole('article');
    this.body = page.locator('.reader-body');
    this.sources = page.getByRole('region', { name: 'Sources' });
    this.related = page.getByRole('region', { name: 'Related documents' });
    this.referencedBy = page.getByRole('region', { name: 'Referenced by' });
    this.tooltip = page.getByRole('tooltip');
    this.liveRegion = page.locator('.reader [role="status"][aria-live="polite"]');
    this.printButton = main.getByRole('button', { name: 'Print', exact: true });
  }

  /** Waits until the document's h1 reads `title` and its body is on the page. */
  async waitForDocument(title: string | RegExp): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await this.body.waitFor();
  }

  /** The link to a section in "On this page". */
  tocLink(name: string | RegExp): Locator {
    return this.toc.getByRole('link', { name, exact: typeof name === 'string' });
  }

  /** The TOC link marked as the current section, if any. */
  currentTocLink(): Locator {
    return this.toc.locator('a[aria-current="location"]');
  }

  /** A heading of the rendered body. */
  bodyHeading(name: string | RegExp): Locator {
    return this.body.getByRole('heading', { name });
  }

  /** The previous/next navigation of an ordered path ("How-to guide", "Recommendations"). */
  sequence(pathName: string): Locator {
    return this.page.getByRole('navigation', { name: pathName });
  }

  /** Glossary terms marked in the body. */
  glossaryTerms(): Locator {
    return this.body.locator('a.glossary-term');
  }

  /** How far the window is scrolled: top and the largest possible top. */
  scrollState(): Promise<{ top: number; max: number }> {
    return this.page.evaluate(() => ({
      top: window.scrollY,
      max: document.documentElement.scrollHeight - window.innerHeight,
    }));
  }

  /** Scrolls the window to a fraction of its height, as a reader's scrolling would. */
  async scrollToFraction(fraction: number): Promise<void> {
    await this.page.evaluate((wanted) => {
      const max = document.documentElement.scrollHeight - window.innerHeight;
      window.scrollTo({ top: Math.round(max * wanted), behavior: 'instant' });
    }, fraction);
  }

  /** The element's top relative to the window (to check that a section was scrolled to). */
  topInViewport(target: Locator): Promise<number> {
    return target.evaluate((element) => element.getBoundingClientRect().top);
  }

  /** Waits until the stored reading position of `docId` is within 0.02 of `fraction`. */
  async waitUntilPositionStored(docId: string, fraction: number): Promise<void> {
    await this.page.waitForFunction(
      ({ key, id, wanted }) => {
        const text = window.localStorage.getItem(key);
        if (text === null) return false;
        const stored = JSON.parse(text) as { positions?: { id: string; fraction: number }[] };
        const entry = stored.positions?.find((position) => position.id === id);
        return entry !== undefined && Math.abs(entry.fraction - wanted) < 0.02;
      },
      { key: READING_POSITIONS_STORAGE_KEY, id: docId, wanted: fraction },
    );
  }
}
