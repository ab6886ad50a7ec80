import type { Locator, Page } from 'playwright-core';

/** The theme choices on the Settings screen. */
export type ThemeChoice = 'Light' | 'Dark' | 'System';

/** The prefix of every key the browser edition keeps in localStorage. */
export const STORAGE_PREFIX = 'onmuni:';

/** The Settings screen: theme, text size and the user's name. */
export class SettingsPage {
  readonly nameField: Locator;

  constructor(readonly page: Page) {
    this.nameField = page.getByRole('textbox', { name: 'Your name', exact: true });
  }

  /** The radio button for a theme. */
  themeOption(choice: ThemeChoice): Locator {
    return this.page.getByRole('radio', { name: choice, exact: true });
  }

  /** The radio button for a text size, by its label, e.g. `125%`. */
  textSizeOption(label: string): Locator {
    return this.page.getByRole('group', { name: 'Text size' }).getByRole('radio', { name: label });
  }

  /** Waits until the form has rendered. */
  async waitUntilReady(): Promise<void> {
    await this.themeOption('System').waitFor({ state: 'visible' });
    await this.nameField.waitFor({ state: 'visible' });
  }

  /** Picks a theme with the keyboard-accessible control (a click on its radio button). */
  async chooseTheme(choice: ThemeChoice): Promise<void> {
    await this.themeOption(choice).check();
  }

  /** Types a name and leaves the field, as a user would. */
  async setName(name: string): Promise<void> {
    await this.nameField.fill(name);
    await this.nameField.press('Tab');
  }

  /** Which theme radio button is checked, if any. */
  async checkedTheme(): Promise<ThemeChoice | null> {
    for (const choice of ['Light', 'Dark', 'System'] as const) {
      if (await this.themeOption(choice).isChecked()) return choice;
    }
    return null;
  }

  /** The `data-theme` attribute on `<html>`, which the stylesheet keys on. */
  themeAttribute(): Promise<string | null> {
    return this.page.evaluate(() => document.documentElement.getAttribute('data-theme'));
  }

  /** Waits until `<html>` carries `attribute="value"` (e.g. `data-text-size="125"`). */
  async waitForRootAttribute(attribute: string, value: string): Promise<void> {
    await this.page.waitForFunction(
      ([name, expected]) => document.documentElement.getAttribute(name) === expected,
      [attribute, value] as const,
    );
  }

  /** Waits until `<html data-theme>` is `theme`. */
  async waitForThemeAttribute(theme: string): Promise<void> {
    await this.page.waitForFunction(
      (expected) => document.documentElement.getAttribute('data-theme') === expected,
      theme,
    );
  }

  /** Relative luminance (0 black to 1 white) of the page background, to tell light from dark. */
  backgroundLuminance(): Promise<number> {
    return this.page.evaluate(() => {
      const paint = [document.body, document.documentElement]
        .map((element) => getComputedStyle(element).backgroundColor)
        .find((colour) => colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent');
      const [r = 255, g = 255, b = 255] = (paint ?? 'rgb(255, 255, 255)')
        .match(/[\d.]+/g)
        ?.map(Number)
        .map((channel) => channel / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) ?? [1, 1, 1];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    });
  }

  /** Everything the app keeps in localStorage under its prefix, joined, for persistence checks. */
  storedText(): Promise<string> {
    return this.page.evaluate((prefix) => {
      const values: string[] = [];
      for (let i = 0; i < window.localStorage.length; i += 1) {
        const key = window.localStorage.key(i);
        if (key?.startsWith(prefix)) values.push(`${key}=${window.localStorage.getItem(key)}`);
      }
      return values.join('\n');
    }, STORAGE_PREFIX);
  }

  /** Waits until the app's stored data contains every one of `fragments` (i.e. it was saved). */
  async waitUntilStored(fragments: readonly string[]): Promise<void> {
    await this.page.waitForFunction(
      ({ prefix, wanted }) => {
        let text = '';
        for (let i = 0; i < window.localStorage.length; i += 1) {
          const key = window.localStorage.key(i);
          if (key?.startsWith(prefix)) text += window.localStorage.getItem(key) ?? '';
        }
        return wanted.every((fragment) => text.includes(fragment));
      },
      { prefix: STORAGE_PREFIX, wanted: [...fragments] },
    );
  }
}
