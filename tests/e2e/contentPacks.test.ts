/**
 * Content packs in the built browser edition and real Chromium (issue 15): the sample pack of
 * tests/fixtures/packs/sample, built here with the publishers' own builder, is chosen in the file
 * input labelled "Import content pack", previewed, installed into the browser's IndexedDB, found
 * by search and opened; a pack that breaks a content rule is refused in an alert and changes
 * nothing; the pack is removed. axe-core checks the page with a preview and with the installed
 * list.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { manifestFields, readPackFolder } from '../../build/packs/readFolder';
import { writePack } from '../../renderer/src/core/packs/writePack';
import { SearchPage } from './pages/SearchPage';
import { expectNoAxeViolations } from './support/axe';
import { describe, expect, test } from './support/fixtures';

const SAMPLE = join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample');
const PACK_TITLE = 'Sample township notes';
const DOC_TITLE = 'How we name and file our electronic records';

const folder = mkdtempSync(join(tmpdir(), 'onmuni-packs-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Writes the sample pack to disk, its documents changed by `edit`, and returns its path: Chromium
 * reads it as it would a file picked in the dialog.
 */
async function samplePack(name: string, edit: (text: string) => string = (text) => text) {
  const sample = await readPackFolder(SAMPLE);
  if (sample.problems.length > 0) throw new Error(JSON.stringify(sample.problems));
  const documents = sample.documents.map((doc) => ({ ...doc, text: edit(doc.text) }));
  const written = await writePack(manifestFields(sample.fields), documents);
  if (!written.ok) throw new Error(JSON.stringify(written.refusals));
  const path = join(folder, name);
  writeFileSync(path, written.bytes);
  return path;
}

async function choose(page: Page, path: string): Promise<void> {
  await page.getByLabel('Import content pack', { exact: true }).setInputFiles(path);
}

describe('content packs', () => {
  test('import the sample pack, find its document, refuse a broken pack, remove it', async ({
    app,
  }) => {
    const { page } = app;
    await app.open('/library');
    await page.getByRole('link', { name: 'Content packs', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Content packs' }).waitFor();

    // Preview: nothing is installed until Install.
    await choose(page, await samplePack('sample.onmunipack'));
    await page.getByRole('heading', { name: `${PACK_TITLE}, version 1.0.0` }).waitFor();
    await page.getByText('OnMuni Toolkit test fixtures (publisher not verified)').waitFor();
    await page.getByText('New (3)').waitFor();
    await page.getByRole('listitem').filter({ hasText: DOC_TITLE }).first().waitFor();
    await expectNoAxeViolations(page, 'Content packs, preview');
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    await page.getByText(`Installed ${PACK_TITLE}, version 1.0.0.`).waitFor();
    const remove = page.getByRole('button', { name: `Remove ${PACK_TITLE}`, exact: true });
    await remove.waitFor();
    await expectNoAxeViolations(page, 'Content packs, installed');

    // Search finds the pack's document, ranked with the library's, and the reader opens it.
    const search = new SearchPage(page);
    await search.typeQuery('naming pattern');
    await search.waitForResults('naming pattern');
    expect(await search.titles()).toContain(DOC_TITLE);
    await page.getByRole('link', { name: DOC_TITLE, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: DOC_TITLE }).waitFor();
    expect(page.url()).toContain('#/doc/sample-township-notes--file-naming-guide');

    // A pack that breaks a content rule: refused, said where, nothing changed.
    await app.open('/packs');
    await remove.waitFor();
    await choose(
      page,
      await samplePack('broken.onmunipack', (text) =>
        text.replace(/^topics: \[.*\]$/m, 'topics: [no-such-topic]'),
      ),
    );
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'broken.onmunipack was not installed. Nothing was changed.',
    );
    expect(await alert.textContent()).toMatch(/docs\/[a-z-]+\/[a-z-]+\.md:\d+: topics/);
    await expect.poll(() => page.getByRole('button', { name: 'Install' }).count()).toBe(0);
    expect(await page.locator('.packs__installed').textContent()).toContain('1.0.0');

    // Remove: a confirmation that says what is kept, then the pack is gone.
    await remove.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Your annotations, plan tasks and workshops are kept').waitFor();
    await dialog.getByRole('button', { name: 'Remove the pack' }).click();
    await page.getByText('No content packs are installed.').waitFor();
    await page.getByText(`Removed ${PACK_TITLE}.`).waitFor();
    await search.field.fill('naming pattern');
    await search.status.filter({ hasText: 'for “naming pattern”' }).waitFor();
    expect(await search.titles()).not.toContain(DOC_TITLE);
  });

  test("a pack quoting AMO's release exactly is accepted; a misquotation is refused", async ({
    app,
  }) => {
    const { page } = app;
    const quoting = (quote: string) => (text: string) =>
      text.replace('## The pattern', `AMO said in its release that "${quote}"\n\n## The pattern`);
    await app.open('/packs');

    // The words are the release's: checked against the release the app ships, so it previews.
    const exact = 'Digital transformation is occurring in the municipal sector at a rapid pace.';
    await choose(page, await samplePack('quotes.onmunipack', quoting(exact)));
    await page.getByRole('button', { name: 'Install', exact: true }).waitFor();

    // Changed words are refused, and the alert says which quotation and where.
    const changed = 'Digital transformation is finished in the municipal sector.';
    await choose(page, await samplePack('misquotes.onmunipack', quoting(changed)));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /file-naming-guide\.md:\d+: body: .*the release does not contain them/,
    );
    await expect.poll(() => page.getByRole('button', { name: 'Install' }).count()).toBe(0);
  });
});
