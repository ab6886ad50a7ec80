/**
 * Own documents as the library takes them: built with the pack reader's functions into
 * `local-document`s addressed `own--<id>` (with the headings and plain text the content pipeline
 * gives the same file), catalog entries and a search segment that finds them; the content rules
 * the editor applies; and the export, a pack the pack reader accepts.
 */
import { describe, expect, it } from 'vitest';
import { parseContentFile } from '../../../renderer/src/core/content/parseFile';
import {
  buildOwnCollection,
  checkOwnContent,
} from '../../../renderer/src/core/ownDocuments/buildCollection';
import {
  ownDocumentFile,
  storedDocumentFile,
} from '../../../renderer/src/core/ownDocuments/documentFile';
import {
  exportOwnDocuments,
  packFileName,
  packIdFromTitle,
} from '../../../renderer/src/core/ownDocuments/exportPack';
import { saveOwnDocument } from '../../../renderer/src/core/ownDocuments/operations';
import {
  OWN_LIMITS,
  emptyOwnDocumentsDatabase,
  type OwnDocument,
} from '../../../renderer/src/core/ownDocuments/schema';
import { PACK_LIMITS } from '../../../renderer/src/core/packs/limits';
import { readPack } from '../../../renderer/src/core/packs/readPack';
import { utf8ByteLength } from '../../../renderer/src/core/safeJson/utf8ByteLength';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import { BUNDLED_ID, CONTEXT, T0, TOPICS, VOCABULARY, content } from './fixtures';

function documents(...contents: Array<[string, ReturnType<typeof content>]>): OwnDocument[] {
  let db = emptyOwnDocumentsDatabase();
  for (const [id, c] of contents) db = saveOwnDocument(db, id, c, T0).db;
  return db.documents;
}

const fields = {
  id: 'tinyville-notes',
  title: 'Tinyville notes',
  version: '1.0.0',
  publisher: 'Township of Tinyville',
  created: '2026-11-05',
};

describe('the own collection', () => {
  it('makes local-documents addressed own--<id>, as the content pipeline reads their files', () => {
    const docs = documents(['doc-a', content()]);
    const built = buildOwnCollection(docs, CONTEXT);
    expect(built.documents.map((d) => [d.id, d.type])).toEqual([['own--doc-a', 'local-document']]);
    const file = storedDocumentFile(docs[0] as OwnDocument, VOCABULARY);
    const parsed = parseContentFile(
      { relativePath: 'local-documents/doc-a.md', displayPath: file.path, text: file.text },
      VOCABULARY,
    ).document;
    const doc = built.documents[0];
    expect(doc?.headings).toEqual(parsed?.analysis.headings);
    expect(doc?.plainText).toBe(parsed?.analysis.plainText);
    expect(doc?.plainText).toContain('heritage committee');
    expect(doc?.body).toBe(content().body);
    expect(built.catalog).toEqual([
      {
        id: 'own--doc-a',
        type: 'local-document',
        title: content().title,
        summary: content().summary,
        topics: content().topics,
        updated: file.text.match(/updated: (\S+)/)?.[1],
      },
    ]);
  });

  it('indexes them in one segment that search ranks', async () => {
    const built = buildOwnCollection(
      documents(
        ['doc-a', content()],
        ['doc-b', content({ title: 'Snow clearing routes', body: 'Plough the hills first.' })],
      ),
      CONTEXT,
    );
    const fragments = built.fragments;
    if (!fragments) throw new Error('expected a segment');
    const engine = await SearchEngine.open([(kind) => Promise.resolve(fragments[kind])]);
    expect((await engine.searchWhenReady('heritage')).hits.map((h) => h.id)).toEqual([
      'own--doc-a',
    ]);
    expect((await engine.searchWhenReady('plough')).hits.map((h) => h.id)).toEqual(['own--doc-b']);
  });

  it('has no segment without documents, and leaves out one left with no known topic', () => {
    expect(buildOwnCollection([], CONTEXT)).toEqual({
      documents: [],
      catalog: [],
      fragments: null,
    });
    const built = buildOwnCollection(
      documents(
        ['doc-a', content({ topics: ['retired-topic'] })],
        ['doc-b', content({ topics: ['retired-topic', TOPICS[1]] })],
      ),
      CONTEXT,
    );
    expect(built.documents.map((d) => [d.id, d.topics])).toEqual([['own--doc-b', [TOPICS[1]]]]);
  });

  it('writes front matter that survives any title: quotes, colons, hashes', () => {
    const title = 'Council: “what’s next?” #2 - yes: no';
    const built = buildOwnCollection(documents(['doc-a', content({ title })]), CONTEXT);
    expect(built.documents[0]?.title).toBe(title);
  });
});

describe('the content rules of the editor', () => {
  const context = { ...CONTEXT, ownIds: new Set(['doc-other']) };

  it('accepts a plain document, with links to bundled and own documents', () => {
    const body = `See [this](doc:${BUNDLED_ID}) and [that](doc:doc-other).`;
    expect(checkOwnContent('doc-a', content({ body }), T0, context)).toMatchObject({
      issues: [],
      warnings: [],
    });
  });

  it('names the field and the body line of each problem', () => {
    const body = 'First line.\n\n# A level-one heading\n\n<b>bold</b>\n';
    const checked = checkOwnContent('doc-a', content({ body, topics: ['nope'] }), T0, context);
    const bodyLines = checked.issues
      .filter((i) => i.field === 'body')
      .map((i) => [i.line - checked.bodyStartLine + 1, i.message.slice(0, 20)]);
    expect(bodyLines).toEqual([
      [3, 'headings start at ##'],
      [5, "raw HTML '<b>' is no"],
    ]);
    expect(checked.issues.some((i) => i.field === 'topics[0]')).toBe(true);
  });

  it('checks a quotation of AMO against the release: exact words pass, changed words do not', () => {
    const said = (quote: string) => content({ body: `AMO said in its release that "${quote}"` });
    const exact = 'Digital transformation is occurring in the municipal sector at a rapid pace.';
    expect(checkOwnContent('doc-a', said(exact), T0, context).issues).toEqual([]);
    const changed = checkOwnContent(
      'doc-a',
      said('Digital transformation is finished.'),
      T0,
      context,
    );
    expect(changed.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('the release does not contain them'),
    ]);
  });

  it('warns of a link to a document that is nowhere', () => {
    const checked = checkOwnContent(
      'doc-a',
      content({ body: '[x](doc:no-such-doc)' }),
      T0,
      context,
    );
    expect(checked.issues).toEqual([]);
    expect(checked.warnings).toHaveLength(1);
  });

  it('measures the file as the export writes it: a non-ASCII body that fits in characters may not', async () => {
    const limit = PACK_LIMITS.maxMarkdownBytes;
    const frame = utf8ByteLength(ownDocumentFile('doc-a', content({ body: '' }), T0).text);
    // "é" is one character and two bytes: the longest body of them that fits, and one more.
    const fits = 'é'.repeat(Math.floor((limit - frame) / 2));
    const over = `${fits}é`;
    expect(over.length).toBeLessThan(OWN_LIMITS.body);
    expect(checkOwnContent('doc-a', content({ body: fits }), T0, context).tooLarge).toBeNull();
    expect(checkOwnContent('doc-a', content({ body: over }), T0, context).tooLarge).toEqual({
      bytes: frame + over.length * 2,
      limit,
    });
    // The same line the export draws: the one that fits is written, the other refused for size.
    const exported = (body: string) =>
      exportOwnDocuments(documents(['doc-a', content({ body })]), fields, VOCABULARY);
    expect((await exported(fits)).ok).toBe(true);
    const refused = await exported(over);
    expect(refused.ok ? [] : refused.refusals.map((r) => r.code)).toEqual(['markdownTooLarge']);
  });

  it('counts body lines from the line after the front matter', () => {
    const file = ownDocumentFile('doc-a', content({ body: 'Body line one' }), T0);
    expect(file.text.split('\n')[file.bodyStartLine - 1]).toBe('Body line one');
  });
});

describe('export as a content pack', () => {
  it('writes a pack the pack reader accepts, its documents local-documents of the pack', async () => {
    const docs = documents(
      ['doc-a', content()],
      ['doc-b', content({ title: 'Snow', body: 'See [a](doc:doc-a).' })],
    );
    const written = await exportOwnDocuments(docs, fields, VOCABULARY);
    if (!written.ok) throw new Error(JSON.stringify(written.refusals));
    expect(Object.keys(written.manifest.files)).toEqual([
      'docs/local-documents/doc-a.md',
      'docs/local-documents/doc-b.md',
    ]);
    const read = await readPack(written.bytes, {
      vocabulary: VOCABULARY,
      bundledIds: new Set([BUNDLED_ID]),
    });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.pack.documents.map((d) => [d.id, d.type, d.title])).toEqual([
      ['tinyville-notes--doc-a', 'local-document', content().title],
      ['tinyville-notes--doc-b', 'local-document', 'Snow'],
    ]);
    // The link resolves inside the pack (the reader or the pack reader addresses it).
    expect(read.pack.documents[1]?.body).toMatch(/^See \[a\]\(doc:(tinyville-notes--)?doc-a\)\.$/);
    expect(read.pack.warnings).toEqual([]);
  });

  it('refuses manifest fields a pack may not have, naming them', async () => {
    const written = await exportOwnDocuments(
      documents(['doc-a', content()]),
      { ...fields, id: 'own', version: 'one' },
      VOCABULARY,
    );
    expect(written.ok).toBe(false);
    if (written.ok) return;
    expect(written.refusals.map((r) => r.values?.field)).toEqual(['id', 'version']);
  });

  it('names the file <id>-<version>.onmunipack and makes ids from titles', () => {
    expect(packFileName(fields)).toBe('tinyville-notes-1.0.0.onmunipack');
    expect(packIdFromTitle('  Les notes de Sainte-Étienne!  ', 'x')).toBe(
      'les-notes-de-sainte-etienne',
    );
    expect(packIdFromTitle('Own', 'my-documents')).toBe('my-documents');
    expect(packIdFromTitle('“”', 'my-documents')).toBe('my-documents');
  });
});
