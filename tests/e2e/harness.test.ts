import { runAxe } from './support/axe';
import { ConsoleRecorder } from './support/console-recorder';
import { describe, expect, test } from './support/fixtures';
import { RequestRecorder } from './support/request-recorder';

/** The guards the other tests rely on must be able to fail, or their passes mean nothing. */
describe('the end-to-end harness', () => {
  test('the request recorder catches and blocks a request to another origin', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext();
    try {
      const recorder = await RequestRecorder.attach(context, baseURL);
      const page = await context.newPage();
      await page.goto('about:blank');
      const outcome = await page.evaluate(() =>
        fetch('http://example.invalid/leak').then(
          () => 'reached',
          () => 'blocked',
        ),
      );
      expect(outcome).toBe('blocked');
      expect(recorder.foreign).toEqual(['http://example.invalid/leak']);
      expect(recorder.problems()).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  test('the console recorder catches errors and uncaught exceptions', async ({ browser }) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const recorder = ConsoleRecorder.attach(page);
      await page.setContent('<p>x</p>');
      await page.evaluate(() => {
        console.error('deliberate');
        setTimeout(() => {
          throw new Error('deliberate uncaught');
        });
      });
      await page.waitForEvent('pageerror');
      expect(recorder.errors.join('\n')).toMatch(/deliberate[\s\S]*deliberate uncaught/);
    } finally {
      await context.close();
    }
  });

  test('axe-core reports a violation on an inaccessible page', async ({ app }) => {
    await app.page.setContent('<html><body><input type="text"><img src="data:,"></body></html>');
    const results = await runAxe(app.page);
    const ids = results.violations.map((violation) => violation.id);
    expect(ids).toEqual(expect.arrayContaining(['label', 'image-alt', 'html-has-lang']));
  });

  test('every test gets fresh storage', async ({ app, browser }) => {
    await app.open();
    await app.page.evaluate(() => window.localStorage.setItem('onmuni:harness', 'left behind'));

    const other = await browser.newContext();
    try {
      const page = await other.newPage();
      await page.goto(app.urlFor());
      expect(await page.evaluate(() => window.localStorage.getItem('onmuni:harness'))).toBeNull();
    } finally {
      await other.close();
    }
  });
});
