// @vitest-environment jsdom
/**
 * The Content packs page as a person uses it: choose a `.onmunipack`, read the refusal or the
 * preview, install, update, roll back, trust a publisher's key, remove. Packs are real (built with
 * the app's pack writer, checked by the real worker loop); see support/packsFixture.tsx for what is stood in for.
 */
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installModalDialog } from '../support/modalDialog';
import {
  accessibleDescription,
  click,
  getByRole,
  queryAllByRole,
  render,
  unmountAll,
  userAction,
} from '../support/dom';
import { readPack } from '../../../renderer/src/core/packs/readPack';
import { encodeStoredPack } from '../../../renderer/src/core/packs/storedPack';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import { loadCatalog, reloadLibrary } from '../../../renderer/src/ui/content/contentData';
import { registerPackCollections } from '../../../renderer/src/ui/packs/packCollections';
import { BUNDLED_ID, PACK_DOCS, VOCABULARY, serveBundledLibrary } from '../library/libraryFixture';
import {
  PACK_FIELDS,
  PUBLIC_KEY_HEX,
  PacksPage,
  SECRET_KEY,
  inThreadWorker,
  packBytes,
  packsHost,
} from './support/packsFixture';

const CASE_PATH = 'docs/case-studies/case-testville-portal.md';
const CASE_DOC = PACK_DOCS[CASE_PATH] ?? '';
const MANIFEST_FIELDS = PACK_FIELDS;
const host = packsHost();
const TITLE = MANIFEST_FIELDS.title;
const PACK_ID = MANIFEST_FIELDS.id;

beforeAll(() => {
  installModalDialog();
  serveBundledLibrary();
  registerPackCollections(host.packs);
});
beforeEach(async () => {
  for (const pack of await host.packs.list()) await host.packs.remove(pack.id);
  host.storage.documents.clear();
  reloadLibrary();
});
afterEach(unmountAll);

/** Polls, inside act, until `check` passes (the worker answers through timers). */
async function until(check: () => void, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
    }
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

async function packFile(
  docs: Readonly<Record<string, string>> = PACK_DOCS,
  fields: Partial<typeof PACK_FIELDS> = {},
  secretKey?: Uint8Array,
): Promise<File> {
  const bytes = await packBytes(docs, fields, secretKey);
  return new File([new Uint8Array(bytes)], 'testville.onmunipack');
}

/** Chooses `file` in the file input labelled "Import content pack". */
async function choose(file: File): Promise<void> {
  const input = document.getElementById('packs-file') as HTMLInputElement;
  expect(input.labels?.[0]?.textContent).toBe('Import content pack');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await userAction(() => input.dispatchEvent(new Event('change', { bubbles: true })));
}

const page = (start = inThreadWorker()) => render(<PacksPage host={host} start={start} />);
const text = () => document.body.textContent ?? '';

async function importAndInstall(): Promise<void> {
  await choose(await packFile());
  await until(() => getByRole(document.body, 'button', { name: 'Install' }));
  await click(getByRole(document.body, 'button', { name: 'Install' }));
  await until(() => expect(text()).toContain(`Installed ${TITLE}, version`));
}

describe('Content packs page', () => {
  it('previews a pack, installs it into the library, and lists it', async () => {
    page();
    expect(getByRole(document.body, 'heading', { name: 'Content packs' })).toBeTruthy();
    await choose(await packFile());
    await until(() => getByRole(document.body, 'heading', { name: `${TITLE}, version 1.2.0` }));
    expect(text()).toContain('Township of Testville (publisher not verified)');
    expect(text()).toContain('New: not installed yet.');
    expect(text()).toContain('New (3)');
    expect(text()).toContain('Testville opens a portal');
    expect(await host.packs.list()).toEqual([]);

    await click(getByRole(document.body, 'button', { name: 'Install' }));
    await until(() =>
      expect(getByRole(document.body, 'status').textContent).toContain(
        `Installed ${TITLE}, version 1.2.0.`,
      ),
    );
    const [installed] = await host.packs.list();
    expect(installed?.current.version).toBe('1.2.0');
    await until(() => getByRole(document.body, 'button', { name: `Remove ${TITLE}` }));
    expect(queryAllByRole(document.body, 'button', { name: 'Roll back' })).toHaveLength(0);
    const catalog = await loadCatalog();
    expect(catalog.entries.map((entry) => entry.id)).toContain(`${PACK_ID}--case-testville-portal`);
    expect(catalog.collections).toEqual([
      {
        kind: 'pack',
        id: PACK_ID,
        title: TITLE,
        publisher: MANIFEST_FIELDS.publisher,
        version: '1.2.0',
      },
    ]);
  });

  it('refuses a pack that breaks a content rule, saying where, and changes nothing', async () => {
    page();
    const broken = CASE_DOC.replace('topics: [customer-service]', 'topics: [no-such-topic]');
    await choose(await packFile({ ...PACK_DOCS, [CASE_PATH]: broken }));
    await until(() => getByRole(document.body, 'alert'));
    const alert = getByRole(document.body, 'alert');
    expect(alert.textContent).toContain(
      'testville.onmunipack was not installed. Nothing was changed.',
    );
    expect(alert.textContent).toMatch(/docs\/case-studies\/case-testville-portal\.md:6: topics/);
    expect(queryAllByRole(document.body, 'button', { name: 'Install' })).toHaveLength(0);
    expect(await host.packs.list()).toEqual([]);
  });

  it('refuses a damaged archive with the catalogue’s words', async () => {
    page();
    await choose(new File([new Uint8Array([1, 2, 3, 4])], 'junk.onmunipack'));
    await until(() => getByRole(document.body, 'alert'));
    expect(getByRole(document.body, 'alert').textContent).toContain(
      'This file is not a content pack: it is not a ZIP archive.',
    );
  });

  it('previews an update, replaces the installed version, and rolls back', async () => {
    page();
    await importAndInstall();
    const kept = Object.fromEntries(
      Object.entries(PACK_DOCS).filter(([path]) => path !== 'docs/glossary/glossary-e-form.md'),
    );
    const changed = CASE_DOC.replace('Forms went online.', 'Forms and payments went online.');
    await choose(await packFile({ ...kept, [CASE_PATH]: changed }, { version: '1.3.0' }));
    await until(() => getByRole(document.body, 'heading', { name: `${TITLE}, version 1.3.0` }));
    expect(text()).toContain('Update: replaces the installed version 1.2.0.');
    expect(text()).toContain('Updated (1)');
    expect(text()).toContain('Removed (1)');
    expect(text()).toContain('1 document unchanged.');
    await click(getByRole(document.body, 'button', { name: 'Install' }));
    await until(() => getByRole(document.body, 'button', { name: 'Roll back' }));

    const rollBack = getByRole(document.body, 'button', { name: 'Roll back' });
    expect(accessibleDescription(rollBack)).toBe(`Restores version 1.2.0 of ${TITLE}.`);
    await click(rollBack);
    await until(() =>
      expect(getByRole(document.body, 'status').textContent).toContain(
        `${TITLE} is back to version 1.2.0.`,
      ),
    );
    expect((await host.packs.list())[0]?.current.version).toBe('1.2.0');
  });

  it('installs an older version only once the user confirms replacing the newer one', async () => {
    page();
    await importAndInstall();
    await choose(await packFile(PACK_DOCS, { version: '1.0.0' }));
    await until(() => getByRole(document.body, 'button', { name: 'Install' }));
    expect(text()).toContain('Older than the installed version 1.2.0.');
    await click(getByRole(document.body, 'button', { name: 'Install' }));
    expect(getByRole(document.body, 'alert').textContent).toContain('This is not a newer version.');
    expect((await host.packs.list())[0]?.current.version).toBe('1.2.0');

    await click(
      getByRole(document.body, 'checkbox', {
        name: 'Replace the installed version 1.2.0 with version 1.0.0',
      }),
    );
    await click(getByRole(document.body, 'button', { name: 'Install' }));
    await until(() => expect(text()).toContain(`Installed ${TITLE}, version 1.0.0.`));
    expect((await host.packs.list())[0]?.current.version).toBe('1.0.0');
  });

  it('shows a signed pack as verified only once the user trusts its key', async () => {
    page();
    await choose(await packFile(PACK_DOCS, {}, SECRET_KEY));
    await until(() => getByRole(document.body, 'button', { name: 'Trust this key' }));
    expect(text()).toContain('(publisher not verified)');
    expect(text()).toContain(PUBLIC_KEY_HEX);
    await click(getByRole(document.body, 'button', { name: 'Trust this key' }));
    await until(() => expect(text()).toContain('Township of Testville (verified)'));
    await click(getByRole(document.body, 'button', { name: 'Install' }));
    await until(() => expect(text()).toContain(`Installed ${TITLE}`));
    // Stored: which key signed it, not whether it was trusted then.
    expect((await host.packs.list())[0]?.current.signedBy).toBe(PUBLIC_KEY_HEX);
    expect(JSON.parse(host.storage.documents.get('trusted-pack-keys') ?? '{}')).toEqual({
      version: 1,
      keys: [PUBLIC_KEY_HEX],
    });
    const signatureFact = () =>
      [...document.querySelectorAll('.packs__installed dt')].find(
        (term) => term.textContent === 'Signature',
      )?.nextElementSibling?.textContent;
    await until(() => expect(signatureFact()).toBe('verified'));
    expect(text()).toContain(`Signed: ${TITLE}.`);

    // Trust taken back: the installed pack follows at once.
    await click(getByRole(document.body, 'button', { name: 'Stop trusting this key' }));
    await until(() => expect(signatureFact()).toBe('publisher not verified'));
    expect(getByRole(document.body, 'status').textContent).toContain('Key no longer trusted.');
    expect(JSON.parse(host.storage.documents.get('trusted-pack-keys') ?? '{}')).toEqual({
      version: 1,
      keys: [],
    });
    expect(
      queryAllByRole(document.body, 'button', { name: 'Stop trusting this key' }),
    ).toHaveLength(0);
  });

  it('once the pack is being stored, offers no Cancel and finishes the install', async () => {
    let release = () => {};
    host.packs.installGate = new Promise((resolve) => (release = resolve));
    try {
      page();
      await choose(await packFile());
      await until(() => getByRole(document.body, 'button', { name: 'Install' }));
      await click(getByRole(document.body, 'button', { name: 'Install' }));
      await until(() =>
        expect(
          getByRole(document.body, 'button', { name: 'Cancel' }).hasAttribute('disabled'),
        ).toBe(true),
      );
      // Install keeps keyboard focus (aria-disabled) but does nothing until the install ends.
      const install = getByRole(document.body, 'button', { name: 'Install' });
      expect(install.getAttribute('aria-disabled')).toBe('true');
      expect(document.activeElement).toBe(install);
      expect((document.getElementById('packs-file') as HTMLInputElement).disabled).toBe(true);
      expect(text()).toContain('Installing…');
      release();
      await until(() => expect(text()).toContain(`Installed ${TITLE}, version`));
      expect(text()).not.toContain('Import cancelled');
      expect((document.getElementById('packs-file') as HTMLInputElement).disabled).toBe(false);
    } finally {
      host.packs.installGate = null;
      release();
    }
  });

  it('lists a pack whose stored state is damaged, so it can still be removed', async () => {
    host.packs.damaged.add('broken-pack');
    page();
    const name = 'Remove the damaged pack “broken-pack”';
    await until(() => getByRole(document.body, 'button', { name }));
    expect(text()).toContain('The record of this pack cannot be read');
    await click(getByRole(document.body, 'button', { name }));
    // Deleted whole like any pack, so it is confirmed first.
    const dialog = getByRole(document.body, 'dialog');
    expect(dialog.textContent).toContain('Your annotations, plan tasks and workshops are kept');
    await click(getByRole(dialog, 'button', { name: 'Remove the pack' }));
    await until(() => expect(text()).toContain('No content packs are installed.'));
    expect(await host.packs.listDamaged()).toEqual([]);
    expect(document.activeElement?.id).toBe('packs-installed-heading');
  });

  it('removes a pack after a confirmation that says what is kept', async () => {
    page();
    await importAndInstall();
    await click(getByRole(document.body, 'button', { name: `Remove ${TITLE}` }));
    const dialog = getByRole(document.body, 'dialog');
    expect(dialog.textContent).toContain('Its 3 documents leave the library and search.');
    expect(dialog.textContent).toContain('Your annotations, plan tasks and workshops are kept');
    await click(getByRole(dialog, 'button', { name: 'Remove the pack' }));
    await until(() => expect(text()).toContain('No content packs are installed.'));
    expect(await host.packs.list()).toEqual([]);
    expect((await loadCatalog()).collections).toEqual([]);
  });

  it('cancels a check in progress: the worker stops and nothing changes', async () => {
    page(inThreadWorker({ hold: true }));
    await choose(await packFile());
    await until(() => getByRole(document.body, 'button', { name: 'Cancel' }));
    expect(document.querySelector('progress')).not.toBeNull();
    await click(getByRole(document.body, 'button', { name: 'Cancel' }));
    expect(queryAllByRole(document.body, 'button', { name: 'Cancel' })).toHaveLength(0);
    expect(getByRole(document.body, 'status').textContent).toContain(
      'Import cancelled. Nothing was changed.',
    );
    expect(document.activeElement?.id).toBe('packs-file');
    expect(await host.packs.list()).toEqual([]);
  });

  it('lists a stored pack that cannot be read, with why, and leaves it out of the library', async () => {
    const read = await readPack(await packBytes(), {
      vocabulary: VOCABULARY,
      bundledIds: new Set([BUNDLED_ID]),
    });
    if (!read.ok) throw new Error('the valid pack was refused');
    const stored = encodeStoredPack(
      read.pack,
      buildSegment(read.pack.documents, VOCABULARY),
      '2026-12-07T10:00:00.000Z',
    );
    const damaged = Uint8Array.from(
      new TextEncoder().encode('{"version":1,"documents":[{"id":"elsewhere"}]}'),
    );
    await host.packs.install({ ...stored, files: { ...stored.files, 'documents.json': damaged } });
    reloadLibrary();
    page();
    await until(() => expect(text()).toContain('This pack could not be read'));
    expect(text()).toContain('not addressed in pack testville-notes');
    expect(getByRole(document.body, 'button', { name: `Remove ${TITLE}` })).toBeTruthy();
    expect((await loadCatalog()).collections).toEqual([]);
  });
});
