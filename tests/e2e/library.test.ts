import { AppShell } from './pages/AppShell';
import { LibraryPage } from './pages/LibraryPage';
import { SettingsPage, type ThemeChoice } from './pages/SettingsPage';
import { expectNoAxeViolations } from './support/axe';
import { describe, expect, test } from './support/fixtures';

describe('library', () => {
  test('lists every type in order, with the guide as a numbered path', async ({ app }) => {
    const library = new LibraryPage(app.page);
    await app.open('/library');
    await library.waitUntilShown();
    expect(await library.sectionHeadings()).toEqual([
      'About',
      'Recommendations',
      'Key issues',
      'Opportunities',
      'How-to guide',
      'Case studies',
      'Glossary',
      'Workshops',
    ]);
    const steps = library.guidePath.getByRole('listitem');
    expect(await steps.count()).toBe(8);
    const titles = await library.guidePath.locator('h3 a').allTextContents();
    expect(titles.map((title) => /^Step (\d):/.exec(title)?.[1])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
    ]);
    expect(await library.guidePath.evaluate((list) => list.tagName)).toBe('OL');
    expect(await steps.first().getAttribute('value')).toBe('1');
  });

  test('case study cards show municipal facts, with or without a population', async ({ app }) => {
    const library = new LibraryPage(app.page);
    await app.open('/library?type=case-study');
    await library.waitUntilShown();
    const card = (title: string) =>
      app.page.locator('article', { has: app.page.getByRole('link', { name: title }) });
    expect(
      await card('Middlesex Centre moves building permits online and serves its neighbours')
        .locator('.doc-card__facts')
        .textContent(),
    ).toBe('Lower-tier municipality · South-western Ontario · Population 17,262 (2016 census)');
    expect(
      await card('Greater Sudbury adopts open government and open data by default')
        .locator('.doc-card__facts')
        .textContent(),
    ).toMatch(/Population not given in our sources$/);
  });

  test('a deep link restores filters and sort; ticking filters combines them', async ({ app }) => {
    const shell = new AppShell(app.page);
    const library = new LibraryPage(app.page);
    await app.open('/library?type=case-study&band=5k-25k&sort=population');
    await library.waitUntilShown();
    expect(await library.filter('Type', 'Case studies').isChecked()).toBe(true);
    expect(await library.filter('Population', '5,000 to 25,000').isChecked()).toBe(true);
    expect(await library.sort.inputValue()).toBe('population');
    expect(await library.sectionHeadings()).toEqual(['Case studies']);
    const shown = await library.shownCount();
    expect(shown).toBe(await library.filterCount('Population', '5,000 to 25,000'));
    const facts = await app.page.locator('.doc-card__facts').allTextContents();
    const populations = facts.map((fact) =>
      Number(/Population ([\d,]+)/.exec(fact)?.[1]?.replace(/,/g, '')),
    );
    expect(populations.every((p) => p >= 5000 && p < 25000)).toBe(true);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));

    // Another band is an alternative (OR) within the group; a region narrows (AND).
    await library.filter('Population', 'Population not known').check();
    await shell.waitForHash('#/library?type=case-study&band=5k-25k,unknown&sort=population');
    await expect.poll(() => library.shownCount()).toBeGreaterThan(shown);
    const widened = await library.shownCount();
    await library.filter('Region', 'Northern Ontario').check();
    await expect.poll(() => library.shownCount()).toBeLessThan(widened);

    // Back undoes one step at a time; a reload keeps the state.
    await app.page.goBack();
    await shell.waitForHash('#/library?type=case-study&band=5k-25k,unknown&sort=population');
    await expect.poll(() => library.shownCount()).toBe(widened);
    await app.page.reload();
    await library.waitUntilShown();
    expect(await library.shownCount()).toBe(widened);
    expect(await library.filter('Region', 'Northern Ontario').isChecked()).toBe(false);
  });

  test('sorting by title changes the URL and orders each section', async ({ app }) => {
    const shell = new AppShell(app.page);
    const library = new LibraryPage(app.page);
    await app.open('/library?type=glossary');
    await library.waitUntilShown();
    await library.sort.selectOption('title');
    await shell.waitForHash('#/library?type=glossary&sort=title');
    const titles = await library.titlesIn('Glossary');
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en-CA')));
  });

  test('clearing all filters shows the whole library again', async ({ app }) => {
    const shell = new AppShell(app.page);
    const library = new LibraryPage(app.page);
    await app.open('/library?topic=broadband&region=north');
    await library.waitUntilShown();
    const filtered = await library.shownCount();
    await app.page.getByRole('button', { name: 'Clear all filters' }).click();
    await shell.waitForHash('#/library');
    await expect.poll(() => library.shownCount()).toBeGreaterThan(filtered);
    expect(await library.count.textContent()).toMatch(/^\d+ documents$/);
  });
});

const THEMES: readonly ThemeChoice[] = ['Light', 'Dark'];

describe.each(THEMES)('axe-core on Library, %s theme', (theme) => {
  test.for(['/library', '/library?type=case-study&band=under-5k,unknown&sort=title'])(
    '%s has no violations',
    async (route, { app }) => {
      const settings = new SettingsPage(app.page);
      const library = new LibraryPage(app.page);
      await app.open('/settings');
      await settings.waitUntilReady();
      await settings.chooseTheme(theme);
      await settings.waitForThemeAttribute(theme.toLowerCase());
      await app.open(route);
      await library.waitUntilShown();
      await expectNoAxeViolations(app.page, `Library ${route} (${theme} theme)`);
    },
  );
});
