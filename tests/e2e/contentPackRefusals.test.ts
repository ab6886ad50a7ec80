/**
 * Every refused content pack shows an alert and changes nothing (issue 15, "Done when"), in the
 * built browser edition and real Chromium. The sample pack of tests/fixtures/packs/sample is
 * installed first; then hostile or broken files are chosen one after another in the file input
 * labelled "Import content pack": each must be refused in an element with role alert that says
 * what is wrong (and in which file), offer no Install button, and leave the installed pack and
 * the library as they were, also after a reload (nothing half-written to IndexedDB).
 *
 * The broken packs are the valid sample pack unzipped and reassembled with one change, byte by
 * byte where no ZIP library would write them (tests/unit/packs/zipAssembler.ts); each refusal's
 * every variant is covered by tests/unit/packs; here the point is what a person sees.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { manifestFields, readPackFolder } from '../../build/packs/readFolder';
import { writePack } from '../../renderer/src/core/packs/writePack';
import { assembleZip, type RawEntry } from '../unit/packs/zipAssembler';
import { LibraryPage } from './pages/LibraryPage';
import { describe, expect, test } from './support/fixtures';

const SAMPLE = join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample');
const PACK_TITLE = 'Sample township notes';
const GUIDE = 'docs/local-documents/file-naming-guide.md';

const folder = mkdtempSync(join(tmpdir(), 'onmuni-refusals-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The sample pack built by the publishers' builder, its documents changed by `edit`. */
async function sampleBytes(
  edit: (text: string, path: string) => string = (text) => text,
): Promise<Uint8Array> {
  const sample = await readPackFolder(SAMPLE);
  if (sample.problems.length > 0) throw new Error(JSON.stringify(sample.problems));
  const documents = sample.documents.map((doc) => ({ ...doc, text: edit(doc.text, doc.path) }));
  const written = await writePack(manifestFields(sample.fields), documents);
  if (!written.ok) throw new Error(JSON.stringify(written.refusals));
  return written.bytes;
}

/** The valid sample pack's entries, to reassemble with one change. */
async function sampleEntries(): Promise<Record<string, Uint8Array>> {
  return unzipSync(await sampleBytes());
}

/** The sample pack's entries, changed by `change`, as a ZIP archive. */
async function reassembled(
  change: (entries: Record<string, Uint8Array>) => void,
  extra: RawEntry[] = [],
): Promise<Uint8Array> {
  const entries = await sampleEntries();
  change(entries);
  return assembleZip([
    ...Object.entries(entries).map(([name, content]) => ({ name, content })),
    ...extra,
  ]);
}

/** Writes `bytes` where Chromium reads them as a file picked in the dialog. */
function saved(name: string, bytes: Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

/** A refused file: its name, its bytes, and what the alert must say of it. */
interface Refusal {
  name: string;
  bytes: () => Promise<Uint8Array>;
  says: Array<string | RegExp>;
}

const REFUSALS: Refusal[] = [
  {
    name: 'not-a-zip.onmunipack',
    bytes: () => Promise.resolve(utf8('---\ntitle: Minutes\n---\nA Markdown file, renamed.\n')),
    says: ['This file is not a content pack: it is not a ZIP archive.'],
  },
  {
    name: 'escapes-docs.onmunipack',
    bytes: () =>
      reassembled(
        () => undefined,
        [
          { name: '../x.md', content: utf8('# Outside\n') },
          { name: '/etc/x.md', content: utf8('# Absolute\n') },
        ],
      ),
    says: [
      '../x.md: names may not contain “.” or “..” parts.',
      '/etc/x.md: names must be relative, not start with a slash.',
    ],
  },
  {
    name: 'changed-after-hashing.onmunipack',
    bytes: () =>
      reassembled((entries) => {
        const text = new TextDecoder().decode(entries[GUIDE]);
        entries[GUIDE] = utf8(text.replace(/\n$/, '\nA sentence added after the pack was made.\n'));
      }),
    says: [
      `${GUIDE}: the file does not match its SHA-256 in pack.json; it was changed or damaged.`,
    ],
  },
  {
    name: 'zip-bomb.onmunipack',
    bytes: () =>
      reassembled(
        () => undefined,
        // A megabyte of zeros deflates to about a kilobyte: far over 100 to 1.
        [{ name: 'docs/local-documents/zeros.md', content: new Uint8Array(1024 * 1024) }],
      ),
    says: ['docs/local-documents/zeros.md: compressed more than 100 to 1, as in a zip bomb.'],
  },
  {
    name: 'no-manifest.onmunipack',
    bytes: () => reassembled((entries) => delete entries['pack.json']),
    says: ['This content pack has no pack.json at its top.'],
  },
  {
    name: 'unknown-topic.onmunipack',
    // A well-made pack (every hash right) whose one document breaks a content rule.
    bytes: () =>
      sampleBytes((text, path) =>
        path === GUIDE ? text.replace(/^topics: \[.*\]$/m, 'topics: [no-such-topic]') : text,
      ),
    // Where: the file and the line of its front matter.
    says: [
      '1 problem:',
      `${GUIDE}:8: topics[0]: 'no-such-topic' is not in content/vocabulary.yml \`topics\``,
    ],
  },
  {
    name: 'own-id.onmunipack',
    bytes: () =>
      reassembled((entries) => {
        // A pack claiming the id of the user's own documents, hashes intact (pack.json itself
        // is not hashed), so the id is the only thing wrong.
        const manifest = JSON.parse(new TextDecoder().decode(entries['pack.json'])) as {
          id: string;
        };
        entries['pack.json'] = utf8(JSON.stringify({ ...manifest, id: 'own' }, null, 2));
      }),
    says: ['pack.json: id: "own" is kept for the user\'s own documents; choose another id'],
  },
];

async function choose(page: Page, path: string): Promise<void> {
  await page.getByLabel('Import content pack', { exact: true }).setInputFiles(path);
}

/** The installed list: the sample pack, its version, and the bundled library. */
async function expectSampleInstalled(page: Page): Promise<void> {
  const installed = page.locator('.packs__installed');
  await installed.getByRole('button', { name: `Remove ${PACK_TITLE}`, exact: true }).waitFor();
  const text = (await installed.textContent()) ?? '';
  expect(text).toContain(PACK_TITLE);
  expect(text).toContain('1.0.0');
  expect(await installed.getByRole('button', { name: /^Remove / }).count()).toBe(1);
}

/** The library's count and its Source choices (the bundled library and the sample pack only). */
async function librarySnapshot(
  library: LibraryPage,
): Promise<{ count: number; sources: string[] }> {
  await library.waitUntilShown();
  const sources = await library.page
    .getByRole('group', { name: 'Source', exact: true })
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent));
  return { count: await library.shownCount(), sources: sources.map((s) => s ?? '') };
}

describe('refused content packs', () => {
  test('every refused pack shows an alert naming what is wrong, and changes nothing', async ({
    app,
  }) => {
    const { page } = app;
    const library = new LibraryPage(page);

    await app.open('/library');
    await library.waitUntilShown();
    const bundledCount = await library.shownCount();

    await app.open('/packs');
    await choose(page, saved('sample.onmunipack', await sampleBytes()));
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    await page.getByText(`Installed ${PACK_TITLE}, version 1.0.0.`).waitFor();
    await expectSampleInstalled(page);

    await app.open('/library');
    const before = await librarySnapshot(library);
    expect(before.count).toBe(bundledCount + 3);
    expect(before.sources).toEqual([
      `OnMuni Toolkit library (${bundledCount})`,
      `${PACK_TITLE} (3)`,
    ]);

    for (const refusal of REFUSALS) {
      await app.open('/packs');
      await expectSampleInstalled(page);
      await choose(page, saved(refusal.name, await refusal.bytes()));
      const alert = page
        .getByRole('alert')
        .filter({ hasText: `${refusal.name} was not installed. Nothing was changed.` });
      await alert.waitFor();
      const said = (await alert.textContent()) ?? '';
      for (const words of refusal.says)
        if (typeof words === 'string') expect(said, refusal.name).toContain(words);
        else expect(said, refusal.name).toMatch(words);
      expect(await page.getByRole('button', { name: 'Install' }).count(), refusal.name).toBe(0);
      await expectSampleInstalled(page);

      await app.open('/library');
      expect(await librarySnapshot(library), refusal.name).toEqual(before);
    }

    // Nothing was half-written to storage either: a fresh start reads what was there before.
    await page.reload({ waitUntil: 'load' });
    expect(await librarySnapshot(library)).toEqual(before);
    await app.open('/packs');
    await expectSampleInstalled(page);
  });
});
