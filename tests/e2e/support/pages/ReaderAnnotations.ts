import type { Locator, Page } from 'playwright-core';

/** Meanings as the toolbar and dialog label them. */
export type MeaningLabel = 'Important' | 'Question' | 'Idea for us' | 'Concern';

/** The CSS highlight name the app registers for each meaning. */
export const HIGHLIGHT_NAME: Record<MeaningLabel, string> = {
  Important: 'onmuni-anno-important',
  Question: 'onmuni-anno-question',
  'Idea for us': 'onmuni-anno-idea',
  Concern: 'onmuni-anno-concern',
};

/**
 * Annotations in the reader: the margin panel ("Highlights"), the toolbar shown by a selection,
 * the annotate dialog, and the highlights painted with the CSS Custom Highlight API.
 */
export class ReaderAnnotations {
  readonly panel: Locator;
  readonly list: Locator;
  readonly items: Locator;
  readonly orphans: Locator;
  readonly toolbar: Locator;
  readonly dialog: Locator;
  readonly annotateButton: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: /^Highlights/ });
    this.list = this.panel.getByRole('list', { name: 'Highlights in this document' });
    this.items = this.list.getByRole('listitem');
    this.orphans = this.panel.getByRole('region', { name: /^Orphaned highlights/ });
    this.toolbar = page.getByRole('group', { name: 'Highlight the selected text' });
    this.dialog = page.getByRole('dialog');
    this.annotateButton = this.panel.getByRole('button', { name: 'Annotate selection' });
    this.status = this.panel.locator('.anno-status');
  }

  /** Waits until the panel has loaded the annotations and read the article's text. */
  async waitUntilReady(): Promise<void> {
    // The count is written with the locale's grouping, e.g. "Highlights (1,865)".
    await this.panel.getByRole('heading', { name: /^Highlights \([\d,]+\)$/ }).waitFor();
  }

  /** The margin list item showing `text`. */
  item(text: string | RegExp): Locator {
    return this.items.filter({ hasText: text });
  }

  /**
   * Selects the `occurrence`-th appearance of `phrase` in the article's text (or only its first
   * `length` characters), the way a mouse drag would: one Range from the text node and offset
   * where it starts to where it ends, scrolled into view as a reader's selection would be.
   */
  async select(phrase: string, occurrence = 0, length = phrase.length): Promise<void> {
    await this.page.evaluate(
      ({ wanted, nth, size }) => {
        const root = document.querySelector('.reader-body');
        if (!root) throw new Error('no article');
        const text = root.textContent ?? '';
        let start = -1;
        for (let i = 0; i <= nth; i++) start = text.indexOf(wanted, start + 1);
        if (start < 0) throw new Error(`"${wanted}" is not in the article`);
        const end = start + size;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let seen = 0;
        let started = false;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = (node as Text).length;
          if (!started && start < seen + length) {
            range.setStart(node, start - seen);
            started = true;
          }
          if (started && end <= seen + length) {
            range.setEnd(node, end - seen);
            break;
          }
          seen += length;
        }
        const selection = document.getSelection();
        const box = range.getBoundingClientRect();
        window.scrollBy({ top: box.top - window.innerHeight / 3, behavior: 'instant' });
        selection?.removeAllRanges();
        selection?.addRange(range);
      },
      { wanted: phrase, nth: occurrence, size: length },
    );
  }

  /** The text of the current document selection. */
  selectedText(): Promise<string> {
    return this.page.evaluate(() => document.getSelection()?.toString() ?? '');
  }

  /** The passages painted for one meaning (empty when none). */
  painted(meaning: MeaningLabel): Promise<string[]> {
    return this.page.evaluate((name) => {
      const highlight = CSS.highlights.get(name);
      // The reader paints live Ranges; a StaticRange has no text to give.
      return highlight
        ? [...highlight].map((range) => (range instanceof Range ? range.toString() : ''))
        : [];
    }, HIGHLIGHT_NAME[meaning]);
  }

  /** Fills the dialog and saves with the Save button. */
  async fillDialog(values: {
    note?: string;
    tags?: string;
    name?: string;
    meaning?: MeaningLabel;
  }) {
    if (values.meaning) await this.dialog.getByRole('radio', { name: values.meaning }).check();
    if (values.note !== undefined)
      await this.dialog.getByLabel('Note (optional)').fill(values.note);
    if (values.tags !== undefined)
      await this.dialog.getByLabel('Tags (optional)').fill(values.tags);
    if (values.name !== undefined) await this.dialog.getByLabel('Your name').fill(values.name);
  }
}
