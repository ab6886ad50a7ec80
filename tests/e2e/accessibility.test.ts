import { AppShell, SCREENS } from './pages/AppShell';
import { SettingsPage, type ThemeChoice } from './pages/SettingsPage';
import { expectNoAxeViolations } from './support/axe';
import { describe, test } from './support/fixtures';

const THEMES: readonly ThemeChoice[] = ['Light', 'Dark'];

describe.each(THEMES)('axe-core, %s theme', (theme) => {
  test.for(SCREENS)(
    '$name has no WCAG 2.0 A/AA or best-practice violations',
    async (target, { app }) => {
      const shell = new AppShell(app.page);
      const settings = new SettingsPage(app.page);
      // Pick the theme the way a user does, so the stored setting drives the colours.
      await app.open('/settings');
      await settings.waitUntilReady();
      await settings.chooseTheme(theme);
      await settings.waitForThemeAttribute(theme.toLowerCase());

      await app.open(target.route);
      await shell.waitUntilReady();
      await shell.waitForScreen(target);
      await settings.waitForThemeAttribute(theme.toLowerCase());
      await expectNoAxeViolations(app.page, `${target.name} (${theme} theme)`);
    },
  );
});

describe('axe-core, System theme with a dark computer setting', () => {
  test.for(SCREENS)(
    '$name has no WCAG 2.0 A/AA or best-practice violations',
    async (target, { app }) => {
      const shell = new AppShell(app.page);
      await app.page.emulateMedia({ colorScheme: 'dark' });
      await app.open(target.route);
      await shell.waitUntilReady();
      await shell.waitForScreen(target);
      await expectNoAxeViolations(app.page, `${target.name} (System theme, dark computer setting)`);
    },
  );
});
