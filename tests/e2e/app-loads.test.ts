import { AppShell, SCREENS } from './pages/AppShell';
import { describe, expect, test } from './support/fixtures';

describe('the browser edition loads', () => {
  test('shows the title, the Main navigation and an h1, with no console errors', async ({
    app,
  }) => {
    const shell = new AppShell(app.page);
    await app.open();
    await shell.waitUntilReady();

    expect(await app.page.title()).toMatch(/OnMuni Toolkit/);
    expect((await shell.heading.first().textContent())?.trim()).not.toBe('');
    expect(await shell.heading.count()).toBe(1);
    for (const { name } of SCREENS) {
      expect(await shell.navLink(name).isVisible(), `nav link ${name}`).toBe(true);
    }
    // Let late work (lazy chunks, data fetches) finish before judging the console.
    await app.page.waitForLoadState('networkidle');
    expect(app.console.errors).toEqual([]);
  });

  test('is served with the strict Content-Security-Policy and nosniff headers', async ({ app }) => {
    const response = await app.page.goto(app.urlFor());
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).not.toContain('unsafe-');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});
