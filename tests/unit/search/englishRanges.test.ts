import { describe, expect, it } from 'vitest';
import type { DocId } from '../../../renderer/src/core/content/ids';
import { englishRangesIn, englishRangesOf } from '../../../renderer/src/core/search/englishRanges';
import { pickSnippet } from '../../../renderer/src/core/search/pickSnippet';
import { searchFields, type SearchField } from '../../../renderer/src/core/search/searchFields';
import { buildSnippet, type SnippetPart } from '../../../renderer/src/core/search/snippet';
import { stripEnglishSpans } from '../../../renderer/src/core/markdown/englishSpanText';

// English wording quoted in French content (`[text]{lang=en}`) is found again in the indexed
// text, which has lost the markup, so a snippet can mark it lang="en" (WCAG 3.1.2).

const SUMMARY =
  'L\'AMO demande : ["Broadband is essential."]{lang=en} Les conseils s\'y préparent. [Connect Ontario]{lang=en}.';
/** The body as Markdown, the span broken over two lines, and its plain text as indexed. */
const BODY =
  '## Ce que dit l\'AMO\n\nL\'AMO a dit : ["Municipal governments are at\nvarying stages."]{lang=en} Le *DG* dirige.\n';
const PLAIN =
  'Ce que dit l\'AMO\nL\'AMO a dit : "Municipal governments are at varying stages." Le DG dirige.';

const english = (parts: SnippetPart[]) => parts.filter((p) => p.english).map((p) => p.text);

describe('englishRangesIn', () => {
  it('finds each span of a plain field in its text without markup, in order', () => {
    const plain = stripEnglishSpans(SUMMARY);
    const ranges = englishRangesIn(SUMMARY, plain);
    expect(ranges.map(([start, length]) => plain.slice(start, start + length))).toEqual([
      '"Broadband is essential."',
      'Connect Ontario',
    ]);
  });

  it('finds a body span in the plain text whatever the white space between its words', () => {
    const ranges = englishRangesIn(BODY, PLAIN);
    expect(ranges.map(([start, length]) => PLAIN.slice(start, start + length))).toEqual([
      '"Municipal governments are at varying stages."',
    ]);
  });

  it('leaves out a span it cannot find rather than guess, and finds none in English text', () => {
    expect(englishRangesIn('[Not there]{lang=en} et [ici]{lang=en}', 'ici')).toEqual([[0, 3]]);
    expect(
      englishRangesIn('Plain English, [a link](https://example.org).', 'Plain English'),
    ).toEqual([]);
  });

  it('gives the summary and body ranges of a document, by field', () => {
    const doc = {
      id: 'x' as DocId,
      type: 'key-issue' as const,
      title: 'Titre',
      summary: SUMMARY,
      topics: [],
      headings: [],
      plainText: PLAIN,
      body: BODY,
    };
    const fields = searchFields(doc, { topics: {}, regions: {}, tiers: {} });
    const ranges = englishRangesOf(doc, fields);
    expect(Object.keys(ranges).sort()).toEqual(['body', 'summary']);
    expect(englishRangesOf(doc, { ...fields, body: '' }).body).toBeUndefined();
  });
});

describe('snippets with English wording', () => {
  it('split at the ranges, a matched word inside one marked and English both', () => {
    const ranges = englishRangesIn(BODY, PLAIN);
    const at = PLAIN.indexOf('governments');
    const parts = buildSnippet(PLAIN, [[at, 'governments'.length]], 400, ranges);
    expect(parts.map((p) => p.text).join('')).toBe(PLAIN);
    expect(english(parts)).toEqual(['"Municipal ', 'governments', ' are at varying stages."']);
    expect(parts.find((p) => p.marked)).toEqual({
      text: 'governments',
      marked: true,
      english: true,
    });
    expect(parts.filter((p) => !p.english).map((p) => p.text)).toEqual([
      "Ce que dit l'AMO\nL'AMO a dit : ",
      ' Le DG dirige.',
    ]);
  });

  it('are marked in the field pickSnippet quotes, and in the unmarked summary', () => {
    const texts: Record<SearchField, string> = {
      title: '',
      keywords: '',
      municipality: '',
      topics: '',
      headings: '',
      summary: stripEnglishSpans(SUMMARY),
      body: PLAIN,
    };
    const byField = {
      summary: englishRangesIn(SUMMARY, texts.summary),
      body: englishRangesIn(BODY, PLAIN),
    };
    const at = PLAIN.indexOf('dirige');
    // The window opens a little before the match, inside the quotation: its end is English.
    const quoted = english(pickSnippet(texts, { body: [[at, 6]] }, byField));
    expect(quoted).toHaveLength(1);
    expect('"Municipal governments are at varying stages."'.endsWith(quoted[0] ?? '-')).toBe(true);
    expect(english(pickSnippet(texts, {}, byField))).toEqual([
      '"Broadband is essential."',
      'Connect Ontario',
    ]);
    // Without ranges, nothing is said to be English.
    expect(english(pickSnippet(texts, { body: [[at, 6]] }))).toEqual([]);
  });
});
