import type { ConsoleMessage, Page } from 'playwright-core';

/**
 * Collects console errors and uncaught exceptions from a page. Content-Security-Policy
 * violations are reported as console errors too, so this also catches CSP breakage.
 */
export class ConsoleRecorder {
  readonly errors: string[] = [];

  /** Starts collecting on a page. */
  static attach(page: Page): ConsoleRecorder {
    const recorder = new ConsoleRecorder();
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') {
        const { url, lineNumber } = message.location();
        recorder.errors.push(`console.error: ${message.text()} (${url}:${lineNumber})`);
      }
    });
    page.on('pageerror', (error) =>
      recorder.errors.push(`uncaught: ${error.stack ?? error.message}`),
    );
    return recorder;
  }

  /** A description of the errors the page logged, if any. */
  problems(): string[] {
    if (this.errors.length === 0) return [];
    return [`The page logged ${this.errors.length} error(s):\n  ${this.errors.join('\n  ')}`];
  }
}
