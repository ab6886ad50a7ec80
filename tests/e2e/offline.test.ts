import { AppShell, SCREENS } from './pages/AppShell';
import { SettingsPage } from './pages/SettingsPage';
import { describe, expect, test } from './support/fixtures';

describe('offline by design', () => {
  test('no request leaves the app origin across a whole journey', async ({ app }) => {
    const shell = new AppShell(app.page);
    await app.open();
    await shell.waitUntilReady();

    for (const target of SCREENS) {
      await shell.navLink(target.name).click();
      await shell.waitForHash(`#${target.route}`);
      await shell.waitForScreen(target);
    }
    const settings = new SettingsPage(app.page);
    await app.open('/settings');
    await settings.waitUntilReady();
    await settings.chooseTheme('Dark');
    await settings.setName('Offline check');
    await settings.waitUntilStored(['Offline check']);
    await app.page.reload();
    await shell.waitUntilReady();
    await app.page.waitForLoadState('networkidle');

    // The recorder saw the app's own requests (so it was listening) and nothing else.
    expect(app.requests.all.length).toBeGreaterThan(0);
    expect(app.requests.foreign).toEqual([]);
  });
});
