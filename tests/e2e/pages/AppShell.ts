import type { Locator, Page } from 'playwright-core';

/** A screen reachable from the Main navigation: its link name and hash route. */
export interface Screen {
  /** The accessible name of the nav link, e.g. `Library`. */
  readonly name: string;
  /** The hash route, e.g. `/library` (the URL hash is `#/library`). */
  readonly route: string;
  /** What the screen's h1 says. */
  readonly heading: RegExp;
}

const screen = (name: string): Screen => ({
  name,
  route: `/${name.toLowerCase()}`,
  heading: new RegExp(`\\b${name}\\b`, 'i'),
});

/** Every screen in the Main navigation, in the order the links appear. */
export const SCREENS: readonly Screen[] = [
  'Library',
  'Search',
  'Planner',
  'Annotations',
  'Workshops',
  'Settings',
  'About',
].map(screen);

/** Looks a screen up by its nav link name. */
export function screenNamed(name: string): Screen {
  const found = SCREENS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No screen named ${name}.`);
  return found;
}

/** The app's frame: title, Main navigation, the current screen's h1 and the URL hash. */
export class AppShell {
  readonly nav: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main', exact: true });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  /** The link to a screen in the Main navigation. */
  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }

  /** Waits until the shell has rendered: the Main navigation and an h1 are visible. */
  async waitUntilReady(): Promise<void> {
    await this.nav.waitFor({ state: 'visible' });
    await this.heading.first().waitFor({ state: 'visible' });
  }

  /** Waits until the h1 of the given screen is showing and returns its text. */
  async waitForScreen(target: Screen): Promise<string> {
    const heading = this.page.getByRole('heading', { level: 1, name: target.heading });
    await heading.waitFor({ state: 'visible' });
    return (await heading.textContent()) ?? '';
  }

  /** The URL hash, e.g. `#/library`. */
  hash(): Promise<string> {
    return this.page.evaluate(() => window.location.hash);
  }

  /** Waits until the URL hash is exactly `hash`. */
  async waitForHash(hash: string): Promise<void> {
    await this.page.waitForFunction((expected) => window.location.hash === expected, hash);
  }

  /** True when `target` holds keyboard focus. */
  isFocused(target: Locator): Promise<boolean> {
    return target.evaluate((element) => element === document.activeElement);
  }

  /**
   * Presses Tab until `target` has focus, as a keyboard user would. Fails, naming the elements
   * that did get focus, if it is not reached within `maxTabs` presses.
   */
  async tabTo(target: Locator, maxTabs = 60): Promise<number> {
    const visited: string[] = [];
    for (let presses = 1; presses <= maxTabs; presses += 1) {
      await this.page.keyboard.press('Tab');
      if (await this.isFocused(target)) return presses;
      visited.push(await this.page.evaluate(describeActiveElement));
    }
    throw new Error(`Tab never reached the target; focus went to: ${visited.join(', ')}`);
  }
}

/**
 * Runs in the page (Playwright serialises it, so it must not use anything from this module):
 * a short description of the focused element for failure messages.
 */
function describeActiveElement(): string {
  const element = document.activeElement;
  if (!element) return '(nothing)';
  const text = (element.textContent ?? '').trim().slice(0, 30);
  return `<${element.tagName.toLowerCase()}>${text}`;
}
