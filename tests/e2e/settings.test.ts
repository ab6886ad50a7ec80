import { AppShell } from './pages/AppShell';
import { SettingsPage } from './pages/SettingsPage';
import { describe, expect, test } from './support/fixtures';

describe('settings', () => {
  test('theme, text size and name persist across a reload', async ({ app }) => {
    const shell = new AppShell(app.page);
    const settings = new SettingsPage(app.page);
    await app.open('/settings');
    await shell.waitUntilReady();
    await settings.waitUntilReady();

    // A fresh context starts from the defaults; otherwise this test would prove nothing.
    expect(await settings.checkedTheme()).not.toBe('Dark');
    expect(await settings.nameField.inputValue()).toBe('');
    expect(await settings.textSizeOption('125%').isChecked()).toBe(false);

    await settings.chooseTheme('Dark');
    await settings.waitForThemeAttribute('dark');
    await settings.textSizeOption('125%').check();
    await settings.waitForRootAttribute('data-text-size', '125');
    await settings.setName('Aurélie Tremblay');
    await settings.waitUntilStored(['dark', 'Aurélie Tremblay']);

    await app.page.reload();
    await shell.waitUntilReady();
    await settings.waitUntilReady();
    expect(await settings.checkedTheme()).toBe('Dark');
    expect(await settings.nameField.inputValue()).toBe('Aurélie Tremblay');
    expect(await settings.themeAttribute()).toBe('dark');
    expect(await settings.textSizeOption('125%').isChecked()).toBe(true);
    await settings.waitForRootAttribute('data-text-size', '125');
  });

  test('choosing Light after Dark switches html[data-theme] back', async ({ app }) => {
    const settings = new SettingsPage(app.page);
    await app.open('/settings');
    await settings.waitUntilReady();
    await settings.chooseTheme('Dark');
    await settings.waitForThemeAttribute('dark');
    await settings.chooseTheme('Light');
    await settings.waitForThemeAttribute('light');
    expect(await settings.checkedTheme()).toBe('Light');
  });

  test('System follows the computer’s light or dark setting', async ({ app }) => {
    const settings = new SettingsPage(app.page);
    await app.page.emulateMedia({ colorScheme: 'light' });
    await app.open('/settings');
    await settings.waitUntilReady();
    expect(await settings.checkedTheme()).toBe('System');
    const light = await settings.backgroundLuminance();

    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.page.waitForFunction(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
    const dark = await settings.backgroundLuminance();
    expect(light).toBeGreaterThan(0.5);
    expect(dark).toBeLessThan(0.2);
  });
});
