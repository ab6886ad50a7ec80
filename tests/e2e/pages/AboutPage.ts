import type { Locator, Page } from 'playwright-core';

/** The About screen: what the toolkit is, its version and where data is kept. */
export class AboutPage {
  readonly heading: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /About/i });
    this.main = page.getByRole('main');
  }

  /** Waits until the About screen is showing. */
  async waitUntilShown(): Promise<void> {
    await this.heading.waitFor({ state: 'visible' });
  }

  /** The text of the main region (for the version and data location). */
  async text(): Promise<string> {
    return (await this.main.textContent()) ?? '';
  }
}
