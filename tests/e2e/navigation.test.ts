import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../build/scripts/serve';
import { AboutPage } from './pages/AboutPage';
import { AppShell, SCREENS, screenNamed } from './pages/AppShell';
import { describe, expect, test } from './support/fixtures';

describe('navigation', () => {
  describe.each(SCREENS)('the $name link', (target) => {
    // Start somewhere else, so following the link must change the URL hash.
    const start = target.name === 'Settings' ? screenNamed('About') : screenNamed('Settings');

    test('works by keyboard: Tab to it, Enter, and Alt+Left goes back', async ({ app }) => {
      const shell = new AppShell(app.page);
      await app.open(start.route);
      await shell.waitUntilReady();
      await shell.waitForScreen(start);

      await shell.tabTo(shell.navLink(target.name));
      await app.page.keyboard.press('Enter');
      await shell.waitForHash(`#${target.route}`);
      expect(await shell.waitForScreen(target)).toMatch(target.heading);

      await app.page.keyboard.press('Alt+ArrowLeft');
      await shell.waitForHash(`#${start.route}`);
      expect(await shell.waitForScreen(start)).toMatch(start.heading);

      await app.page.keyboard.press('Alt+ArrowRight');
      await shell.waitForHash(`#${target.route}`);
      expect(await shell.waitForScreen(target)).toMatch(target.heading);
    });
  });

  test('a deep link to #/about opens About, with the version and data location', async ({
    app,
  }) => {
    const about = new AboutPage(app.page);
    await app.open('/about');
    await about.waitUntilShown();
    expect(await new AppShell(app.page).hash()).toBe('#/about');
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const text = await about.text();
    expect(text).toContain(version);
    expect(text).toMatch(/data is stored/i);

    // The bundled open-source packages and their licences, read from the build's notices file.
    await app.page.getByText('Show the licences').click();
    const licences = app.page.getByRole('region', { name: 'Open-source software' });
    await licences.waitFor({ state: 'visible' });
    expect(await licences.textContent()).toMatch(/^- lunr-languages [\d.]+ \(MPL-1\.1\)$/m);
  });
});
