/**
 * Own documents in the built browser edition and real Chromium (issue 15): from the Library's
 * "New document", write a document in the editor (its preview follows the body), save it, find
 * it by search and open it in the reader, link it from a plan and open it from there; select it
 * under "Your documents" and export it as a content pack (the browser's download is captured),
 * then import that pack into fresh storage on the Content packs page and find the document there
 * as the pack's. axe-core checks the editor and the Library section.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { SearchPage } from './pages/SearchPage';
import { PlanScreen } from './support/pages/PlanScreen';
import { PlannerHomeScreen } from './support/pages/PlannerHomeScreen';
import { expectNoAxeViolations } from './support/axe';
import { describe, expect, test } from './support/fixtures';

const TITLE = 'How Tinyville clears snow from its hills';
const SUMMARY = 'The roads crew ploughs the steep streets first. This note says why and how.';
const BODY = [
  '## The order of work',
  '',
  'The crew starts with the **escarpment** streets before the school buses run.',
  '',
  '- Hills first',
  '- Then bus routes',
].join('\n');
const PACK = {
  title: 'Tinyville winter notes',
  id: 'tinyville-winter-notes',
  publisher: 'Township of Tinyville',
};

const folder = mkdtempSync(join(tmpdir(), 'onmuni-own-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('own documents', () => {
  test('write one, find it, read it, export it and import the pack elsewhere', async ({
    app,
    browser,
  }) => {
    const { page } = app;
    await app.open('/library');
    const yours = page.getByRole('region', { name: 'Your documents', exact: true });
    await yours.getByRole('heading', { level: 2, name: 'Your documents' }).waitFor();
    await expectNoAxeViolations(page, 'Library with Your documents, empty');
    await yours.getByRole('button', { name: 'New document', exact: true }).click();

    // The editor: labelled fields, a preview that follows the body.
    await page.getByRole('heading', { level: 1, name: 'New document' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.getByLabel('Summary', { exact: true }).fill(SUMMARY);
    await page
      .getByRole('group', { name: 'Topics' })
      .getByRole('checkbox', { name: 'Governance and strategy' })
      .check();
    await page.getByLabel('Body', { exact: true }).fill(BODY);
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { name: 'The order of work' }).waitFor();
    expect(await preview.locator('strong').textContent()).toBe('escarpment');
    await expectNoAxeViolations(page, 'Own document editor, new');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Edit “${TITLE}”` }).waitFor();
    await page.getByText('All changes saved').waitFor();
    expect(page.url()).toMatch(/#\/own\/doc-[0-9a-f-]+$/);
    await expectNoAxeViolations(page, 'Own document editor, saved');

    // Search finds it (the bundled index is not rebuilt), and the reader opens it.
    const search = new SearchPage(page);
    await search.typeQuery('escarpment');
    await search.waitForResults('escarpment');
    expect(await search.titles()).toContain(TITLE);
    await page.getByRole('link', { name: TITLE, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(page.url()).toMatch(/#\/doc\/own--doc-[0-9a-f-]+$/);

    // A plan links it ("Link a document" offers local documents) and opens it from there.
    await app.open('/planner');
    const planner = new PlannerHomeScreen(page);
    await planner.waitUntilReady();
    await planner.createPlan('Winter roads', 'empty');
    await new PlanScreen(page).openView('Plan details');
    await page.getByLabel('Link a document', { exact: true }).selectOption({ label: TITLE });
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    const linked = page.getByRole('group', { name: 'Linked documents' });
    await linked.getByRole('link', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // Export it as a content pack; the browser edition downloads the file.
    await app.open('/library');
    await yours.getByRole('checkbox', { name: `Select “${TITLE}”` }).check();
    await yours.getByRole('button', { name: 'Export as content pack', exact: true }).click();
    const form = yours.getByRole('region', { name: 'Export as content pack' });
    await form.getByLabel('Pack title', { exact: true }).fill(PACK.title);
    expect(await form.getByLabel('Pack id', { exact: true }).inputValue()).toBe(PACK.id);
    await form.getByLabel('Publisher', { exact: true }).fill(PACK.publisher);
    await expectNoAxeViolations(page, 'Library, export as content pack');
    const downloading = page.waitForEvent('download');
    await form.getByRole('button', { name: 'Save pack', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${PACK.id}-1.0.0.onmunipack`);
    const packPath = join(folder, download.suggestedFilename());
    await download.saveAs(packPath);

    // A neighbour's fresh storage: import the pack on the Content packs page.
    const elsewhere = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const other = await elsewhere.newPage();
      await other.goto(app.urlFor('/packs'), { waitUntil: 'load' });
      await other.getByLabel('Import content pack', { exact: true }).setInputFiles(packPath);
      await other.getByRole('heading', { name: `${PACK.title}, version 1.0.0` }).waitFor();
      await other.getByRole('button', { name: 'Install', exact: true }).click();
      await other.getByText(`Installed ${PACK.title}, version 1.0.0.`).waitFor();
      const found = new SearchPage(other);
      await found.typeQuery('escarpment');
      await found.waitForResults('escarpment');
      expect(await found.titles()).toContain(TITLE);
      await other.getByRole('link', { name: TITLE, exact: true }).first().click();
      await other.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      expect(other.url()).toMatch(new RegExp(`#/doc/${PACK.id}--doc-[0-9a-f-]+$`));
      // Not the neighbour's own document: their "Your documents" is empty.
      await other.goto(app.urlFor('/library'), { waitUntil: 'load' });
      await other.getByText('You have not written any documents yet.').waitFor();
    } finally {
      await elsewhere.close();
    }
  });
});
