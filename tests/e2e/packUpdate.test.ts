/**
 * Updating a content pack keeps the user's annotations (issue 15), in the built browser edition
 * and real Chromium: version 1.0.0 of the sample pack is installed and one of its paragraphs is
 * annotated; version 1.1.0, with that paragraph reworded, replaces it; the annotation is placed
 * again and listed on the Annotations page under "Review after update", where it is marked
 * reviewed without being lost; "Roll back" then restores version 1.0.0.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { manifestFields, readPackFolder } from '../../build/packs/readFolder';
import { writePack } from '../../renderer/src/core/packs/writePack';
import { expectNoAxeViolations } from './support/axe';
import { describe, expect, test } from './support/fixtures';
import { ReaderAnnotations } from './support/pages/ReaderAnnotations';

const SAMPLE = join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample');
const PACK_TITLE = 'Sample township notes';
const DOC_ID = 'sample-township-notes--file-naming-guide';
const PASSAGE = 'Avoid personal names and words such as';
const REWORDED = 'Never use personal names or words such as';

const folder = mkdtempSync(join(tmpdir(), 'onmuni-pack-update-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes the sample pack as `version`, its texts changed by `edit`, and returns its path. */
async function samplePack(version: string, edit: (text: string) => string = (text) => text) {
  const sample = await readPackFolder(SAMPLE);
  if (sample.problems.length > 0) throw new Error(JSON.stringify(sample.problems));
  const documents = sample.documents.map((doc) => ({ ...doc, text: edit(doc.text) }));
  const written = await writePack({ ...manifestFields(sample.fields), version }, documents);
  if (!written.ok) throw new Error(JSON.stringify(written.refusals));
  const path = join(folder, `sample-${version}.onmunipack`);
  writeFileSync(path, written.bytes);
  return path;
}

async function install(page: Page, path: string, version: string): Promise<void> {
  await page.getByLabel('Import content pack', { exact: true }).setInputFiles(path);
  await page.getByRole('heading', { name: `${PACK_TITLE}, version ${version}` }).waitFor();
  await page.getByRole('button', { name: 'Install', exact: true }).click();
  await page.getByText(`Installed ${PACK_TITLE}, version ${version}.`).waitFor();
}

describe('updating a content pack', () => {
  test('an annotation on a reworded paragraph is listed for review, kept, and roll back works', async ({
    app,
  }) => {
    const { page } = app;
    await app.open('/packs');
    await install(page, await samplePack('1.0.0'), '1.0.0');

    // Annotate the paragraph that version 1.1.0 rewords.
    await app.open(`/doc/${DOC_ID}`);
    const reader = new ReaderAnnotations(page);
    await reader.waitUntilReady();
    await reader.select(PASSAGE);
    await reader.toolbar.getByRole('button', { name: 'Concern' }).click();
    await reader.dialog.waitFor();
    await reader.fillDialog({ note: 'Ask records staff', name: 'Sam Clerk' });
    await reader.dialog.getByRole('button', { name: 'Save' }).click();
    await reader.dialog.waitFor({ state: 'hidden' });
    await reader.item(PASSAGE).waitFor();

    // The update: the preview names the changed document; Install replaces version 1.0.0.
    await app.open('/packs');
    await page.getByRole('button', { name: `Remove ${PACK_TITLE}`, exact: true }).waitFor();
    await install(
      page,
      await samplePack('1.1.0', (text) => text.replace(PASSAGE, REWORDED)),
      '1.1.0',
    );
    // The installed list reloads after the install's message: wait for it to show the update.
    await expect.poll(() => page.locator('.packs__installed').textContent()).toContain('1.1.0');

    // The reader shows the new wording; the annotation is not lost.
    await app.open(`/doc/${DOC_ID}`);
    await page.getByText(REWORDED).first().waitFor();

    // Annotations: the note is listed for review, marked reviewed, and still there.
    await app.open('/annotations');
    const review = page.getByRole('region', { name: 'Review after update' });
    await review.waitFor();
    await review.getByText('Your note: Ask records staff').waitFor();
    await review.getByText('Now: “Never use personal names or words such as”').waitFor();
    await expectNoAxeViolations(page, 'Annotations, review after update');
    await review.getByRole('button', { name: /^Mark reviewed/ }).click();
    await review.getByText('Nothing left to review.').waitFor();
    await expect
      .poll(() => page.getByRole('main').getByText('Ask records staff').count())
      .toBeGreaterThan(0);

    // Roll back restores the previous version, and its wording.
    await app.open('/packs');
    await page.getByRole('button', { name: 'Roll back', exact: true }).click();
    await page.getByText(`${PACK_TITLE} is back to version 1.0.0.`).waitFor();
    // The message comes when the roll back is stored; the list is read again just after it.
    await expect.poll(() => page.locator('.packs__installed').textContent()).not.toContain('1.1.0');
    expect(await page.locator('.packs__installed').textContent()).toContain('1.0.0');
    await app.open(`/doc/${DOC_ID}`);
    await page.getByText(PASSAGE).first().waitFor();
  });
});
