import { AppShell, screenNamed } from './pages/AppShell';
import { LibraryPage } from './pages/LibraryPage';
import { SearchPage } from './pages/SearchPage';
import { SettingsPage, type ThemeChoice } from './pages/SettingsPage';
import { expectNoAxeViolations } from './support/axe';
import { describe, expect, test } from './support/fixtures';

describe('search', () => {
  test('typing "permits" from the Library shows highlighted results, one history entry', async ({
    app,
  }) => {
    const shell = new AppShell(app.page);
    const search = new SearchPage(app.page);
    await app.open('/library');
    await new LibraryPage(app.page).waitUntilShown();

    await search.typeQuery('permits');
    await search.waitForResults('permits');
    expect(await shell.hash()).toBe('#/search?q=permits');
    expect(await search.fieldHasFocus()).toBe(true); // the new page did not take focus away

    // The contract: one searchbox named "Search", on this page as on every other.
    expect(await app.page.getByRole('searchbox').count()).toBe(1);
    const titles = await search.titles();
    expect(titles.length).toBeGreaterThan(3);
    expect(titles.slice(0, 3)).toContain('Opportunity: Online building permits (e-permitting)');
    // Every result starts with its title link, pointing at the document.
    const count = await search.items.count();
    expect(await search.titleLinks().count()).toBe(count);
    expect(await search.titleLinks().first().getAttribute('href')).toMatch(/^#\/doc\/[a-z0-9-]+$/);
    // Matched words are <mark> elements: permit, permits, permitting (stems of "permits").
    const marked = await search.markedWords();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((word) => word.startsWith('permit'))).toBe(true);
    await expect.poll(() => search.status.textContent()).toMatch(/^\d+ results for “permits”\.$/);

    // Typing replaced the URL as it went: one Back returns to the Library.
    await app.page.goBack();
    await shell.waitForHash('#/library');
    await new LibraryPage(app.page).waitUntilShown();
  });

  test('"brodband" finds broadband, labelled as similar words', async ({ app }) => {
    const search = new SearchPage(app.page);
    await app.open('/about');
    await search.typeQuery('brodband');
    await search.waitForResults('brodband');
    expect((await search.titles()).slice(0, 3)).toContain(
      'Recommendation 5: Make broadband and cellular service a priority',
    );
    await app.page.getByText('Showing results for similar words').waitFor();
    expect(await search.markedWords()).toContain('broadband');
  });

  test('filters narrow the results and survive reload and Back', async ({ app }) => {
    const shell = new AppShell(app.page);
    const search = new SearchPage(app.page);
    await app.open('/search?q=permits');
    await search.waitForResults('permits');
    const all = await search.items.count();

    await search.filter('Type', 'Case studies').check();
    await shell.waitForHash('#/search?q=permits&type=case-study');
    await expect.poll(() => search.items.count()).toBeLessThan(all);
    const narrowed = await search.items.count();
    const metas = await search.items.locator('.search-result__meta').allTextContents();
    expect(metas.every((meta) => meta.startsWith('Case study'))).toBe(true);
    expect(await search.status.textContent()).toBe(
      `${narrowed} of ${all} results for “permits” match the filters.`,
    );

    await app.page.reload();
    await search.waitForResults('permits');
    expect(await search.filter('Type', 'Case studies').isChecked()).toBe(true);
    expect(await search.items.count()).toBe(narrowed);
    expect(await search.field.inputValue()).toBe('permits');

    await app.page.goBack();
    await shell.waitForHash('#/search?q=permits');
    await expect.poll(() => search.items.count()).toBe(all);
    expect(await search.filter('Type', 'Case studies').isChecked()).toBe(false);
  });

  test('Ctrl+K focuses the search field from another page', async ({ app }) => {
    const shell = new AppShell(app.page);
    const search = new SearchPage(app.page);
    await app.open('/settings');
    await shell.waitForScreen(screenNamed('Settings'));
    expect(await search.fieldHasFocus()).toBe(false);
    await app.page.keyboard.press('Control+K');
    expect(await search.fieldHasFocus()).toBe(true);
  });

  test('keyboard: Down moves into the results, arrows move, Escape returns, Enter opens', async ({
    app,
  }) => {
    const shell = new AppShell(app.page);
    const search = new SearchPage(app.page);
    await app.open('/library');
    await search.typeQuery('Middlesex');
    await search.waitForResults('Middlesex');
    const titles = await search.titles();

    await app.page.keyboard.press('ArrowDown');
    expect(await search.focusedText()).toBe(titles[0]);
    await app.page.keyboard.press('ArrowDown');
    expect(await search.focusedText()).toBe(titles[1]);
    await app.page.keyboard.press('ArrowUp');
    expect(await search.focusedText()).toBe(titles[0]);
    await app.page.keyboard.press('Escape');
    expect(await search.fieldHasFocus()).toBe(true);
    expect(await search.field.inputValue()).toBe('Middlesex');

    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowDown');
    const href = await search.titleLinks().nth(1).getAttribute('href');
    await app.page.keyboard.press('Enter');
    await shell.waitForHash(href ?? '');

    // Back returns to the same results; Escape in the field clears the search.
    await app.page.goBack();
    await search.waitForResults('Middlesex');
    expect(await search.field.inputValue()).toBe('Middlesex');
    await app.page.keyboard.press('Control+K');
    await app.page.keyboard.press('Escape');
    expect(await search.field.inputValue()).toBe('');
    await shell.waitForHash('#/search');
  });

  test('no results: suggests a spelling and popular topics', async ({ app }) => {
    const shell = new AppShell(app.page);
    const search = new SearchPage(app.page);
    await app.open('/search?q=zzqxv%20muncipal');
    await search.status.filter({ hasText: 'No results for “zzqxv muncipal”.' }).waitFor();
    expect(await search.results.count()).toBe(0);

    const topics = app.page.getByRole('link', { name: /^Broadband and cellular connectivity/ });
    expect(await topics.getAttribute('href')).toBe('#/library?topic=broadband');
    await app.page.getByRole('link', { name: 'municipal', exact: true }).click();
    await shell.waitForHash('#/search?q=municipal');
    await search.waitForResults('municipal');
    expect(await search.field.inputValue()).toBe('municipal');
  });

  test('recent searches are kept locally, survive a reload, and can be cleared', async ({
    app,
  }) => {
    const search = new SearchPage(app.page);
    await app.open('/search');
    await search.heading.waitFor();
    await search.typeQuery('ransomware');
    await app.page.keyboard.press('Enter');
    await search.waitForResults('ransomware');
    await search.titleLinks().first().click(); // opening a result also records the search
    await app.open('/search');
    await app.page.reload();

    const recent = app.page.getByRole('region', { name: 'Recent searches' });
    await recent.getByRole('link', { name: 'ransomware', exact: true }).waitFor();
    expect(await recent.getByRole('listitem').count()).toBe(1);
    await recent.getByRole('button', { name: 'Clear recent searches' }).click();
    await recent.waitFor({ state: 'detached' });
    await app.page.reload();
    await search.heading.waitFor();
    await app.page.getByRole('heading', { name: 'Popular topics' }).waitFor();
    expect(await recent.count()).toBe(0);
  });

  test('odd input never breaks the page', async ({ app }) => {
    const search = new SearchPage(app.page);
    await app.open('/search');
    await search.heading.waitFor();
    await search.field.fill(':^~*" -- <script>alert(1)</script> "');
    await search.status.waitFor();
    await search.field.fill('x'.repeat(300));
    expect((await search.field.inputValue()).length).toBe(256);
    await app.page.keyboard.press('Enter');
    await search.status.waitFor();
  });
});

const THEMES: readonly ThemeChoice[] = ['Light', 'Dark'];

describe.each(THEMES)('axe-core on Search, %s theme', (theme) => {
  test.for([
    ['results with a filter', '/search?q=permits&type=case-study', 'permits'],
    ['a search with no results', '/search?q=zzqxv%20muncipal', 'zzqxv muncipal'],
  ] as const)('%s has no violations', async ([, route, query], { app }) => {
    const settings = new SettingsPage(app.page);
    const search = new SearchPage(app.page);
    await app.open('/settings');
    await settings.waitUntilReady();
    await settings.chooseTheme(theme);
    await settings.waitForThemeAttribute(theme.toLowerCase());
    await app.open(route);
    await search.status.filter({ hasText: `for “${query}”` }).waitFor();
    await expectNoAxeViolations(app.page, `Search ${route} (${theme} theme)`);
  });
});
