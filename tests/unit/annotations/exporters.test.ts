import markdownIt from 'markdown-it';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import {
  COLLECTION_LABEL,
  toAnnotationCollection,
} from '../../../renderer/src/core/annotations/exchange/annotationCollection';
import { annotationExportFileName } from '../../../renderer/src/core/annotations/exchange/formats';
import { escapeMarkdownLine } from '../../../renderer/src/core/annotations/exchange/markdownText';
import { selectForExport } from '../../../renderer/src/core/annotations/exchange/selectForExport';
import { toAnnotationsCsv } from '../../../renderer/src/core/annotations/exchange/toCsv';
import { toAnnotationsMarkdown } from '../../../renderer/src/core/annotations/exchange/toMarkdown';
import {
  deleteAnnotation,
  updateAnnotation,
} from '../../../renderer/src/core/annotations/operations';
import { COMMA_CSV } from '../../../renderer/src/core/csv/csvCell';
import { csvDialect } from '../../../renderer/src/ui/common/i18n/format';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { annotationExportWords } from '../../../renderer/src/ui/annotations/exportWords';
import { annotate, at, clockAt, DOC_A, DOC_B, idOf, when } from './fixtures';

const HOSTILE_NOTE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)">',
  '[click me](javascript:alert(3)) and <https://evil.example>',
  '# Not a heading',
  '- not a list',
  '1. not a numbered list',
  '**not bold** _not italic_ `not code` &lt;b&gt;',
  '',
  '===',
].join('\n');

function sampleDb() {
  let db = annotate('open data', {
    id: idOf(1),
    note: HOSTILE_NOTE,
    tags: ['<b>tag</b>', '=cmd|calc'],
    author: '<i>Mallory</i>',
    meaning: 'concern',
    now: at(0),
  }).db;
  db = annotate('by a third', { db, id: idOf(2), note: 'Line one\nLine two', now: at(5) }).db;
  db = annotate('Readiness', {
    db,
    id: idOf(3),
    docId: DOC_B,
    text: 'Readiness matters.',
    author: 'Bo Chen',
    meaning: 'idea',
    now: at(9),
  }).db;
  return deleteAnnotation(annotate('a small pilot', { db, id: idOf(4) }).db, idOf(4), ...when(20));
}

const titleOf = (docId: string) =>
  docId === DOC_A ? 'Cobourg: agendas online' : docId === DOC_B ? 'Guide 1 <Assess>' : null;

/** Renders Markdown the most permissive way (raw HTML allowed), to prove nothing becomes HTML. */
const render = (markdown: string) => markdownIt({ html: true, linkify: false }).render(markdown);

afterEach(() => setLanguage('en'));

describe('JSON-LD export', () => {
  it('is a W3C AnnotationCollection with one embedded page and the tombstones', () => {
    const db = sampleDb();
    const collection = toAnnotationCollection(db, { now: at(60), id: idOf(99) });
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: idOf(99),
      type: 'AnnotationCollection',
      label: COLLECTION_LABEL,
      generated: at(60).toISOString(),
      // No annotation on a French version: the format before target.lang, which older apps read.
      schemaVersion: 4,
      total: 3,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(collection.first.items).toEqual(db.annotations);
    expect(collection.tombstones).toEqual([
      {
        id: idOf(4),
        deleted: at(20).toISOString(),
        rev: '1793523620000-0000-aaaaaaaaaaaaaaaa',
        docId: DOC_A,
      },
    ]);
  });

  it('marks every note as plain text, never HTML', () => {
    const collection = toAnnotationCollection(sampleDb());
    const bodies = collection.first.items.flatMap((a) => a.body);
    expect(bodies.every((b) => b.format === 'text/plain')).toBe(true);
    expect(JSON.stringify(collection)).not.toContain('text/html');
  });

  it('selects one document or a filtered list', () => {
    const db = sampleDb();
    expect(selectForExport(db, { kind: 'document', docId: DOC_B }).annotations).toHaveLength(1);
    expect(selectForExport(db, { kind: 'document', docId: DOC_B }).tombstones).toEqual([]);
    const one = db.annotations.slice(0, 1);
    expect(selectForExport(db, { kind: 'selection', annotations: one })).toEqual({
      annotations: one,
      tombstones: [],
    });
  });
});

describe('Markdown export', () => {
  const words = annotationExportWords();
  const markdown = toAnnotationsMarkdown(sampleDb().annotations, { titleOf, now: at(60), words });

  it('groups annotations by document title, with quote, note, meaning, tags, author and date', () => {
    expect(markdown).toContain(
      '# OnMuni Toolkit annotations\n\nExported 2026-11-01: 3 annotations.',
    );
    expect(markdown.indexOf('## Cobourg: agendas online')).toBeLessThan(
      markdown.indexOf('## Guide 1 \\<Assess\\>'),
    );
    expect(markdown).toContain('### Concern: \\<i\\>Mallory\\</i\\>, 2026-11-01');
    expect(markdown).toContain('> open data');
    expect(markdown).toContain('Line one\\\nLine two');
    expect(markdown).toContain('Tags: \\<b\\>tag\\</b\\>, =cmd\\|calc');
    expect(markdown).toContain('### Idea for us: Bo Chen, 2026-11-01');
  });

  it('renders the structure we wrote and no markup from user text', () => {
    const html = render(markdown);
    // Our structure.
    expect(html).toContain('<h1>OnMuni Toolkit annotations</h1>');
    expect(html.match(/<h2>/g)).toHaveLength(2);
    expect(html.match(/<h3>/g)).toHaveLength(3);
    expect(html.match(/<blockquote>/g)).toHaveLength(3);
    // Nothing from the note, tags, author or title became an element.
    for (const tag of [
      '<script',
      '<img',
      '<a ',
      '<i>',
      '<b>',
      '<strong>',
      '<em>',
      '<code>',
      '<ul>',
      '<ol>',
      '<hr',
    ]) {
      expect(html).not.toContain(tag);
    }
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('[click me](javascript:alert(3))');
    expect(html).toContain('# Not a heading');
    expect(html).toContain('&amp;lt;b&amp;gt;');
  });

  it('escapes every line-start construct', () => {
    expect(escapeMarkdownLine('- item')).toBe('\\- item');
    expect(escapeMarkdownLine('12) item')).toBe('12\\) item');
    expect(escapeMarkdownLine('3. item')).toBe('3\\. item');
    expect(escapeMarkdownLine('    code')).toBe('code');
    expect(escapeMarkdownLine('> quote')).toBe('\\> quote');
  });

  it('says when an annotation was edited on a later day, and counts one annotation', () => {
    const { db, annotation } = annotate('open data', { now: at(0) });
    const edited = updateAnnotation(
      db,
      annotation.id,
      { note: 'later' },
      clockAt(0),
      new Date(Date.UTC(2026, 10, 3)),
    );
    const text = toAnnotationsMarkdown(edited.annotations, { titleOf, now: at(60), words });
    expect(text).toContain('Exported 2026-11-01: 1 annotation.');
    expect(text).toContain('### Important: Ada Lovelace, 2026-11-01, edited 2026-11-03');
  });

  it('names documents that are not in the library', () => {
    const text = toAnnotationsMarkdown(sampleDb().annotations, { titleOf: () => null, words });
    expect(text).toContain('## Document not in this library \\(case-study-cobourg\\)');
  });
});

describe('CSV export', () => {
  const words = annotationExportWords();
  const csv = toAnnotationsCsv(sampleDb().annotations, { titleOf, words, dialect: COMMA_CSV });

  it('starts with a byte-order mark and the quoted column headings', () => {
    expect(csv.startsWith('\uFEFF"Document","Document ID","Meaning"')).toBe(true);
  });

  it('parses back (RFC 4180) to the same text, with formulas neutralised', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([
      'Document',
      'Document ID',
      'Meaning',
      'Quote',
      'Note',
      'Tags',
      'Author',
      'Created',
      'Modified',
      'Annotation ID',
    ]);
    expect(rows).toHaveLength(3);
    const mallory = rows.find((r) => r[9] === idOf(1));
    expect(mallory?.slice(0, 4)).toEqual([
      'Cobourg: agendas online',
      DOC_A,
      'Concern',
      'open data',
    ]);
    // Line breaks are kept as typed; a line that starts like a formula is marked, since a
    // spreadsheet reading with ";" could start a cell there (tests/unit/csv).
    expect(mallory?.[4]).toBe(HOSTILE_NOTE.replace(/\n(?=[-=])/g, "\n'"));
    expect(mallory?.[5]).toBe("<b>tag</b>;' =cmd|calc");
    const line = rows.find((r) => r[9] === idOf(2));
    expect(line?.[4]).toBe('Line one\nLine two');
  });

  it('neutralises a formula in a note', () => {
    const { db } = annotate('open data', { note: '=HYPERLINK("https://evil.example","x")' });
    const text = toAnnotationsCsv(db.annotations, { titleOf, words, dialect: COMMA_CSV });
    const row = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true })
      .data[1];
    expect(row?.[4]).toBe(`'=HYPERLINK("https://evil.example","x")`);
  });

  it('produces no HTML from notes: the note is the exact text, tags and all', () => {
    expect(csv).toContain('<script>alert(1)</script>');
    expect(csv).not.toContain('&lt;script');
  });

  it('in French, is the ";" file Excel in French expects, with French headings', () => {
    setLanguage('fr');
    const text = toAnnotationsCsv(sampleDb().annotations, {
      titleOf,
      words: annotationExportWords(),
      dialect: csvDialect(),
    });
    setLanguage('en');
    expect(text.startsWith('\uFEFF"Document";"Identifiant du document";"Type";')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), {
      delimiter: ';',
      newline: '\r\n',
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((row) => row.length)).toEqual([10, 10, 10, 10]);
    const mallory = parsed.data.find((r) => r[9] === idOf(1));
    expect(mallory?.[0]).toBe('Cobourg: agendas online');
  });
});

describe('export file names', () => {
  it('dates the file and names the scope', () => {
    expect(annotationExportFileName('jsonld', at(0))).toBe('annotations-2026-11-01.jsonld');
    expect(annotationExportFileName('csv', at(0), DOC_A)).toBe(
      'annotations-case-study-cobourg-2026-11-01.csv',
    );
  });
});
