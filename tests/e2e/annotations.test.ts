/**
 * Annotations end to end, in the built browser edition and real Chromium, each test with fresh
 * storage: highlighting with the toolbar and with the keyboard shortcut, the margin list, reload,
 * the Annotations page with its filters, export and import (preview, Merge, twice, refusals,
 * another member's file), hostile notes, orphans, undo, and axe-core in both themes.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import {
  createAnnotation,
  deleteAnnotation,
  emptyAnnotationsDatabase,
  serializeAnnotationCollection,
  type AnnotationsDatabase,
  type Meaning,
} from '../../renderer/src/core/annotations';
import type { DocId } from '../../renderer/src/core/content/ids';
import { expectNoAxeViolations } from './support/axe';
import { describe, expect, test, type AppSession } from './support/fixtures';
import { ConsoleRecorder } from './support/console-recorder';
import { RequestRecorder } from './support/request-recorder';
import { AnnotationsPage, storeAnnotations } from './support/pages/AnnotationsPage';
import { ReaderAnnotations } from './support/pages/ReaderAnnotations';
import { HybridClock, randomMemberId } from '../../renderer/src/core/team/hlc';

const DOC_ID = 'case-halton-hills-lets-talk';
const DOC_TITLE = /Halton Hills offers eight ways/;
const PHRASE = 'Halton Hills is a town in the Greater Toronto Area';
const SECOND = 'a mapping tool for comments tied to places';

/** Opens the reader on the case study and waits for its body. */
async function openDocument(app: AppSession, query = ''): Promise<void> {
  await app.open(`/doc/${DOC_ID}${query}`);
  await app.page.getByRole('heading', { level: 1, name: DOC_TITLE }).waitFor();
  await app.page.locator('.reader-body').waitFor();
}

/** Opens the reader on the case study and waits until the annotations panel is ready. */
async function openReader(app: AppSession, query = ''): Promise<ReaderAnnotations> {
  await openDocument(app, query);
  const reader = new ReaderAnnotations(app.page);
  await reader.waitUntilReady();
  return reader;
}

/** The article's text as the reader shows it (what annotations are anchored on). */
function articleText(page: Page): Promise<string> {
  return page.locator('.reader-body').evaluate((element) => element.textContent ?? '');
}

interface Seed {
  phrase: string;
  meaning: Meaning;
  note?: string;
  tags?: string[];
  author: string;
}

/** Stamps the seeded annotations, as a member's clock would. */
const SEED_CLOCK = new HybridClock(randomMemberId());

/** A database made by the app's own operations, on the real text of the case study. */
function seedDatabase(text: string, seeds: readonly Seed[]): AnnotationsDatabase {
  let db = emptyAnnotationsDatabase();
  seeds.forEach((seed, index) => {
    const start = text.indexOf(seed.phrase);
    if (start < 0) throw new Error(`"${seed.phrase}" is not in the article`);
    db = createAnnotation(db, {
      docId: DOC_ID as DocId,
      text,
      start,
      end: start + seed.phrase.length,
      meaning: seed.meaning,
      note: seed.note ?? '',
      tags: seed.tags ?? [],
      author: seed.author,
      clock: SEED_CLOCK,
      now: new Date(Date.now() - 60_000 + index * 1000),
    }).db;
  });
  return db;
}

/** A stored list in id order, to compare two lists that hold the same items. */
function byId(list: readonly unknown[] | undefined): unknown[] {
  const id = (item: unknown) => (item as { id: string }).id;
  return [...(list ?? [])].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

/** Puts a database in storage and reloads, as if the app had saved it earlier. */
async function store(page: Page, db: AnnotationsDatabase): Promise<void> {
  await storeAnnotations(page, db);
  await page.reload();
}

/** Sets the theme directly in the settings document (the Settings page is tested elsewhere). */
async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((value) => {
    window.localStorage.setItem(
      'onmuni:settings',
      JSON.stringify({ version: 1, theme: value, textSize: 100, authorName: 'Aurélie Tremblay' }),
    );
  }, theme);
  await page.reload();
  await page.waitForFunction((value) => document.documentElement.dataset.theme === value, theme);
}

describe('annotations in the reader', () => {
  test('highlight with the toolbar, note and tag; margin list; survives a reload', async ({
    app,
  }) => {
    const reader = await openReader(app);
    await expect(reader.items.count()).resolves.toBe(0);
    const articleHtml = () => app.page.locator('.reader-body').evaluate((el) => el.innerHTML);
    const untouched = await articleHtml();

    await reader.select(PHRASE);
    await reader.toolbar.waitFor();
    await reader.toolbar.getByRole('button', { name: 'Question' }).click();
    await reader.dialog.waitFor();
    // Fresh storage: no name in Settings yet, so the dialog asks for one.
    await reader.fillDialog({
      note: 'Is this GTA-only?\nAsk the clerk.',
      tags: 'engagement, GTA',
      name: 'Aurélie Tremblay',
    });
    await expect(reader.dialog.getByRole('radio', { name: 'Question' }).isChecked()).resolves.toBe(
      true,
    );
    await reader.dialog.getByRole('button', { name: 'Save' }).click();
    await reader.dialog.waitFor({ state: 'hidden' });

    const item = reader.item(PHRASE);
    await item.waitFor();
    const itemText = await item.innerText();
    for (const expected of [
      'Question',
      'Is this GTA-only?',
      'Ask the clerk.',
      'engagement',
      'GTA',
      'Aurélie Tremblay',
    ]) {
      expect(itemText).toContain(expected);
    }
    expect(await reader.painted('Question')).toEqual([PHRASE]);
    // Painted with the CSS Custom Highlight API: the sanitised article is exactly as rendered.
    expect(await articleHtml()).toBe(untouched);
    await app.page.getByText('All changes saved').waitFor();

    await app.page.reload();
    await reader.waitUntilReady();
    await reader.item(PHRASE).waitFor();
    expect(await reader.painted('Question')).toEqual([PHRASE]);
    // The name given in the dialog went to Settings: the next dialog does not ask again.
    await reader.select(SECOND);
    await reader.toolbar.getByRole('button', { name: 'Idea for us' }).click();
    await expect(reader.dialog.getByLabel('Your name').count()).resolves.toBe(0);
    await reader.dialog.getByRole('button', { name: 'Cancel' }).click();
    await reader.dialog.waitFor({ state: 'hidden' });
    expect(await reader.painted('Idea for us')).toEqual([]);
  });

  test('keyboard only: extend a selection with Shift+arrows, Ctrl+Shift+H, type, Enter', async ({
    app,
  }) => {
    const reader = await openReader(app);
    // Start with the first word selected, then extend it with the keyboard, as caret browsing does.
    await reader.select(PHRASE, 0, 'Halton'.length);
    for (let i = 0; i < ' Hills is a town'.length; i++)
      await app.page.keyboard.press('Shift+ArrowRight');
    expect(await reader.selectedText()).toBe('Halton Hills is a town');

    await app.page.keyboard.press('Control+Shift+H');
    await reader.dialog.waitFor();
    // Focus starts in the note, so typing goes straight in.
    await app.page.keyboard.type('Keyboard note');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.type('kbd');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.type('Kim Keys');
    await app.page.keyboard.press('Enter');
    await reader.dialog.waitFor({ state: 'hidden' });

    const item = reader.item('Halton Hills is a town');
    await item.waitFor();
    expect(await item.innerText()).toContain('Keyboard note');
    expect(await item.innerText()).toContain('Important');
    expect(await reader.painted('Important')).toEqual(['Halton Hills is a town']);
    // Focus came back from the dialog to the page, not to nowhere.
    expect(await app.page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  });

  test('"Annotate selection" without a selection says what to do; with one it opens the dialog', async ({
    app,
  }) => {
    const reader = await openReader(app);
    await reader.annotateButton.focus();
    await app.page.keyboard.press('Enter');
    await expect(reader.status.textContent()).resolves.toMatch(/Select some text/);
    await reader.select(SECOND);
    await reader.annotateButton.click();
    await reader.dialog.waitFor();
    expect(await reader.dialog.innerText()).toContain(SECOND);
  });

  test('delete from the margin with Undo; jump to a highlight', async ({ app }) => {
    const reader = await openReader(app);
    const text = await articleText(app.page);
    await store(
      app.page,
      seedDatabase(text, [
        { phrase: PHRASE, meaning: 'important', note: 'First', author: 'A' },
        { phrase: SECOND, meaning: 'concern', note: 'Second', author: 'B' },
      ]),
    );
    await reader.waitUntilReady();
    await expect(reader.items.count()).resolves.toBe(2);

    await reader.item(SECOND).getByRole('button', { name: 'Delete' }).click();
    await expect(reader.items.count()).resolves.toBe(1);
    expect(await reader.painted('Concern')).toEqual([]);
    await app.page.getByRole('button', { name: 'Undo' }).click();
    await reader.item(SECOND).waitFor();
    expect(await reader.painted('Concern')).toEqual([SECOND]);

    await reader.item(SECOND).getByRole('button', { name: 'Edit' }).click();
    await reader.dialog.getByRole('heading', { name: 'Edit the highlight' }).waitFor();
    await reader.fillDialog({ note: 'Second, edited', meaning: 'Idea for us' });
    await reader.dialog.getByRole('button', { name: 'Save' }).click();
    await reader.item('Second, edited').waitFor();
    expect(await reader.painted('Idea for us')).toEqual([SECOND]);
    expect(await reader.painted('Concern')).toEqual([]);

    await app.page.evaluate(() => window.scrollTo(0, 0));
    await reader.item(SECOND).getByRole('button', { name: 'Go to highlight' }).click();
    await expect(reader.status.textContent()).resolves.toContain('Moved to the highlight');
    const current = await app.page.evaluate(() => {
      const highlight = CSS.highlights.get('onmuni-anno-current');
      const range = highlight ? [...highlight][0] : undefined;
      return range instanceof Range
        ? { text: range.toString(), top: range.getBoundingClientRect().top }
        : null;
    });
    expect(current?.text).toBe(SECOND);
    expect(current?.top).toBeGreaterThanOrEqual(0);
    expect(current?.top).toBeLessThan(800);
  });

  test('an annotation whose passage is gone is listed as orphaned, then re-attached', async ({
    app,
  }) => {
    const reader = await openReader(app);
    const text = await articleText(app.page);
    const changed = text.replace(PHRASE, 'Once upon a time this passage said something else');
    // Made on an older text: its quote is not in today's text at all.
    const db = seedDatabase(changed, [
      {
        phrase: 'Once upon a time this passage said something else',
        meaning: 'idea',
        note: 'Lost note',
        author: 'A',
      },
    ]);
    await store(app.page, db);
    await reader.waitUntilReady();
    await reader.orphans.waitFor();
    expect(await reader.orphans.innerText()).toContain(
      'Once upon a time this passage said something else',
    );
    expect(await reader.orphans.innerText()).toContain('Lost note');
    await expect(reader.items.count()).resolves.toBe(0);

    await reader.select(PHRASE);
    await reader.orphans.getByRole('button', { name: 'Re-attach to selection' }).click();
    await reader.item(PHRASE).waitFor();
    expect(await reader.item(PHRASE).innerText()).toContain('Lost note');
    await expect(reader.orphans.count()).resolves.toBe(0);
    expect(await reader.painted('Idea for us')).toEqual([PHRASE]);
  });
});

describe('the Annotations page', () => {
  test('lists every annotation with quote and note, filters, and jumps to the text', async ({
    app,
  }) => {
    await openDocument(app);
    const text = await articleText(app.page);
    await store(
      app.page,
      seedDatabase(text, [
        {
          phrase: PHRASE,
          meaning: 'question',
          note: 'Where exactly?',
          tags: ['geography'],
          author: 'Aurélie Tremblay',
        },
        {
          phrase: SECOND,
          meaning: 'idea',
          note: 'We could map our parks',
          tags: ['maps', 'Parks'],
          author: 'Sam Lee',
        },
      ]),
    );
    const annotations = new AnnotationsPage(app.page);
    await annotations.open(app.baseURL);
    await expect(annotations.items.count()).resolves.toBe(2);
    const first = annotations.item(PHRASE);
    expect(await first.innerText()).toContain('Where exactly?');
    expect(await annotations.item(SECOND).innerText()).toContain('We could map our parks');

    await annotations.filter('Author').selectOption('Sam Lee');
    await expect(annotations.items.count()).resolves.toBe(1);
    await annotations.filter('Author').selectOption('');
    await annotations.filter('Meaning').selectOption({ label: 'Question' });
    await expect(annotations.items.count()).resolves.toBe(1);
    await annotations.filter('Meaning').selectOption('');
    await annotations.filter('Tag').selectOption('Parks');
    await expect(annotations.items.count()).resolves.toBe(1);
    await annotations.filter('Tag').selectOption('');
    await annotations.filter('Text contains').fill('PARKS');
    await expect(annotations.item(SECOND).count()).resolves.toBe(1);
    await expect(annotations.items.count()).resolves.toBe(1);
    await annotations.filter('Text contains').fill('nothing matches this');
    await annotations.count.filter({ hasText: 'Showing 0 of 2' }).waitFor();
    await app.page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(annotations.items.count()).resolves.toBe(2);
    await annotations.filter('Sort by').selectOption({ label: 'Newest first' });
    await expect(annotations.items.first().innerText()).resolves.toContain(SECOND);

    await annotations.item(SECOND).getByRole('link', { name: DOC_TITLE }).click();
    await app.page.waitForURL(/#\/doc\/case-halton-hills-lets-talk\?annotation=urn%3Auuid%3A/);
    const reader = new ReaderAnnotations(app.page);
    await reader.waitUntilReady();
    await app.page.waitForFunction(() => CSS.highlights.get('onmuni-anno-current')?.size === 1);
    const top = await app.page.evaluate(() => {
      const range = [...(CSS.highlights.get('onmuni-anno-current') ?? [])][0];
      return range instanceof Range ? range.getBoundingClientRect().top : -1;
    });
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(800);
  });

  test('export JSON-LD, import into a fresh profile, Merge; importing again changes nothing', async ({
    app,
    browser,
  }) => {
    await openDocument(app);
    const text = await articleText(app.page);
    let db = seedDatabase(text, [
      {
        phrase: PHRASE,
        meaning: 'important',
        note: 'Keep',
        tags: ['a'],
        author: 'Aurélie Tremblay',
      },
      { phrase: SECOND, meaning: 'concern', note: 'Gone soon', author: 'Aurélie Tremblay' },
      { phrase: 'The town offers one site with eight tools', meaning: 'idea', author: 'Sam Lee' },
    ]);
    const deleted = db.annotations.find((a) => a.body.some((b) => b.value === 'Gone soon'));
    if (!deleted) throw new Error('the seed has no "Gone soon" annotation');
    db = deleteAnnotation(db, deleted.id, SEED_CLOCK);
    await store(app.page, db);
    const page = new AnnotationsPage(app.page);
    await page.open(app.baseURL);
    const download = await page.download('JSON-LD');
    expect(download.suggestedFilename()).toMatch(/^annotations-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const exported = await readFile(await download.path(), 'utf8');
    const before = await page.stored();
    const markdown = await readFile(await (await page.download('Markdown')).path(), 'utf8');
    expect(markdown).toContain('## Halton Hills offers eight ways');
    expect(markdown).toContain(`> ${PHRASE}`);
    expect(markdown).not.toContain('Gone soon');
    await page.filter('Author').selectOption('Sam Lee');
    const csvDownload = await page.download('CSV', 'The filtered list');
    expect(csvDownload.suggestedFilename()).toMatch(/^annotations-filtered-.*\.csv$/);
    const csv = await readFile(await csvDownload.path(), 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(2); // the header and Sam's one annotation
    expect(csv).toContain('"Sam Lee"');

    // A second, fresh profile: a colleague's laptop.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const requests = await RequestRecorder.attach(context, app.baseURL);
    const fresh = await context.newPage();
    const consoleRecorder = ConsoleRecorder.attach(fresh);
    try {
      const other = new AnnotationsPage(fresh);
      await other.open(app.baseURL);
      await expect(other.items.count()).resolves.toBe(0);
      await other.importFile('from-aurelie.jsonld', exported);
      await other.preview.waitFor();
      expect(await other.previewCount('New')).toBe(2);
      expect(await other.previewCount('Orphaned')).toBe(0);
      await fresh.getByRole('button', { name: 'Merge' }).click();
      await other.preview.waitFor({ state: 'detached' });
      await expect(other.items.count()).resolves.toBe(2);
      expect(await other.item(PHRASE).innerText()).toContain('Keep');
      await fresh.getByText('All changes saved').waitFor();
      const after = await other.stored();
      // The same annotations and deletions (a merge keeps them in id order).
      expect(byId(after?.annotations)).toEqual(byId(before?.annotations));
      expect(byId(after?.tombstones)).toEqual(byId(before?.tombstones));

      // The same file again: a preview that says so, and no Merge button.
      await other.importFile('from-aurelie.jsonld', exported);
      await other.preview.getByText('Nothing to merge').waitFor();
      expect(await other.previewCount('Unchanged')).toBe(2);
      await expect(other.preview.getByRole('button', { name: 'Merge' }).count()).resolves.toBe(0);
      await other.preview.getByRole('button', { name: 'Close' }).click();
      expect(await other.stored()).toEqual(after);
    } finally {
      await context.close();
    }
    expect([...requests.problems(), ...consoleRecorder.problems()]).toEqual([]);
  });

  test("importing a second member's file keeps both members' notes", async ({ app }) => {
    await openDocument(app);
    const text = await articleText(app.page);
    const mine = seedDatabase(text, [
      { phrase: PHRASE, meaning: 'important', note: 'My note', author: 'Aurélie Tremblay' },
    ]);
    const theirs = seedDatabase(text, [
      { phrase: PHRASE, meaning: 'concern', note: 'Their note', author: 'Sam Lee' },
    ]);
    await store(app.page, mine);
    const page = new AnnotationsPage(app.page);
    await page.open(app.baseURL);
    await page.importFile('sam.jsonld', serializeAnnotationCollection(theirs));
    await page.preview.waitFor();
    expect(await page.previewCount('New')).toBe(1);
    await app.page.getByRole('button', { name: 'Merge' }).click();
    // The merge is shown once it is stored (after the worker and the save), so wait for it.
    await page.item('Their note').waitFor();
    await expect(page.items.count()).resolves.toBe(2);
    expect(await page.item('My note').innerText()).toContain('Aurélie Tremblay');
    expect(await page.item('Their note').innerText()).toContain('Sam Lee');
    await page.filter('Author').selectOption('Sam Lee');
    await expect(page.items.count()).resolves.toBe(1);
  });

  test('refuses bad files in an alert and changes nothing', async ({ app }) => {
    await openDocument(app);
    const text = await articleText(app.page);
    await store(
      app.page,
      seedDatabase(text, [{ phrase: PHRASE, meaning: 'important', author: 'A' }]),
    );
    const page = new AnnotationsPage(app.page);
    await page.open(app.baseURL);
    const stored = await page.stored();
    const unknownDoc = serializeAnnotationCollection(
      seedDatabase(text, [{ phrase: SECOND, meaning: 'idea', author: 'B' }]),
    ).replaceAll(DOC_ID, 'case-nowhere-at-all');
    const bad: [string, string | Buffer, RegExp][] = [
      ['empty.jsonld', '', /empty/i],
      ['cut.jsonld', '{"type": "AnnotationCollection", "first": {', /./],
      ['wrong.jsonld', JSON.stringify({ type: 'Planner', tasks: [] }), /AnnotationCollection/],
      ['proto.jsonld', '{"type":"AnnotationCollection","__proto__":{"x":1}}', /__proto__/],
      ['unknown.jsonld', unknownDoc, /not a document in this library/],
      [
        'huge.jsonld',
        Buffer.alloc(21 * 1024 * 1024, 32),
        /the file is larger than 20 MB, the most that can be imported/,
      ],
    ];
    for (const [name, contents, reason] of bad) {
      await page.importFile(name, contents);
      const alert = page.alert.filter({ hasText: name });
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(reason);
      await expect(page.preview.count()).resolves.toBe(0);
    }
    expect(await page.stored()).toEqual(stored);
    await expect(page.items.count()).resolves.toBe(1);
  });

  test('hostile notes and tags are shown as text; only https links are clickable', async ({
    app,
  }) => {
    await openDocument(app);
    const text = await articleText(app.page);
    const hostile =
      '<img src=x onerror="window.__pwned=1"> javascript:window.__pwned=2 <a href="javascript:alert(1)">x</a> https://example.ca/ok';
    const file = serializeAnnotationCollection(
      seedDatabase(text, [
        {
          phrase: PHRASE,
          meaning: 'concern',
          note: hostile,
          tags: ['<b onmouseover=alert(1)>tag</b>'],
          author: '<script>alert(1)</script>',
        },
      ]),
    );
    const page = new AnnotationsPage(app.page);
    await page.open(app.baseURL);
    await page.importFile('hostile.jsonld', file);
    await app.page.getByRole('button', { name: 'Merge' }).click();
    const item = page.item('onerror');
    await item.waitFor();

    for (const [where, container] of [
      ['Annotations page', item],
      ['reader margin', null],
    ] as const) {
      let scope = container;
      if (!scope) {
        const reader = await openReader(app);
        scope = reader.item(PHRASE);
        await scope.waitFor();
      }
      const shown = await scope.innerText();
      expect(shown, where).toContain('<img src=x onerror="window.__pwned=1">');
      expect(shown, where).toContain('<b onmouseover=alert(1)>tag</b>');
      expect(shown, where).toContain('<script>alert(1)</script>');
      await expect(scope.locator('img, script, b').count()).resolves.toBe(0);
      const hrefs = await scope
        .locator('a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(
        hrefs.filter((href) => href?.startsWith('#/doc/') !== true),
        where,
      ).toEqual(['https://example.ca/ok']);
    }
    expect(await app.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

describe('accessibility of annotations', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe-core: the Annotations page and the reader with highlights (${theme})`, async ({
      app,
    }) => {
      await openReader(app);
      const text = await articleText(app.page);
      await useTheme(app.page, theme);
      await store(
        app.page,
        seedDatabase(text, [
          {
            phrase: PHRASE,
            meaning: 'important',
            note: 'Line one\nhttps://example.ca/a',
            tags: ['x'],
            author: 'A',
          },
          { phrase: SECOND, meaning: 'question', author: 'B' },
          { phrase: 'The town offers one site with eight tools', meaning: 'idea', author: 'C' },
          { phrase: 'The site is hosted by a third party', meaning: 'concern', author: 'D' },
        ]),
      );
      const reader = new ReaderAnnotations(app.page);
      await reader.waitUntilReady();
      await expect(reader.items.count()).resolves.toBe(4);
      await reader.select(SECOND);
      await reader.toolbar.waitFor();
      await expectNoAxeViolations(app.page, `reader with highlights (${theme})`);
      await reader.toolbar.getByRole('button', { name: 'Concern' }).click();
      await reader.dialog.waitFor();
      await expectNoAxeViolations(app.page, `annotate dialog (${theme})`);
      await reader.dialog.getByRole('button', { name: 'Cancel' }).click();

      const page = new AnnotationsPage(app.page);
      await page.open(app.baseURL);
      await expect(page.items.count()).resolves.toBe(4);
      await expectNoAxeViolations(app.page, `Annotations page (${theme})`);
      await page.importFile('again.jsonld', '{"type":"AnnotationCollection"}');
      await page.alert.waitFor();
      await expectNoAxeViolations(app.page, `Annotations page with an import error (${theme})`);
    });
  }
});
