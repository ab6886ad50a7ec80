import { describe, expect, it } from 'vitest';
import { pickSnippet } from '../../../renderer/src/core/search/pickSnippet';
import type { SearchField } from '../../../renderer/src/core/search/searchFields';
import type { SnippetPart } from '../../../renderer/src/core/search/snippet';

const texts = (fields: Partial<Record<SearchField, string>>): Record<SearchField, string> => ({
  title: '',
  topics: '',
  summary: '',
  body: '',
  headings: '',
  keywords: '',
  municipality: '',
  ...fields,
});

const joined = (parts: { text: string }[]) => parts.map((p) => p.text).join('');
const marked = (parts: SnippetPart[]) => parts.filter((p) => p.marked).map((p) => p.text);

describe('pickSnippet', () => {
  it('quotes the field whose matches cover the most different words', () => {
    const t = texts({
      summary: 'Broadband for the township.',
      body: 'Rural broadband and a shared service desk.',
    });
    const parts = pickSnippet(t, {
      summary: [[0, 9]],
      body: [
        [6, 9],
        [29, 7],
      ],
    });
    expect(joined(parts)).toContain('shared service desk');
    expect(marked(parts)).toEqual(['broadband', 'service']);
    expect(joined(parts)).not.toContain('township');
  });

  it('prefers the summary when two fields match equally well', () => {
    const t = texts({ summary: 'Broadband in the summary.', body: 'Broadband in the body.' });
    const parts = pickSnippet(t, { summary: [[0, 9]], body: [[0, 9]] });
    expect(joined(parts)).toContain('in the summary');
  });

  it('counts a word matched twice once', () => {
    const t = texts({
      summary: 'Broadband, broadband, broadband.',
      body: 'Broadband and fibre.',
    });
    const parts = pickSnippet(t, {
      summary: [
        [0, 9],
        [11, 9],
        [22, 9],
      ],
      body: [
        [0, 9],
        [14, 5],
      ],
    });
    expect(joined(parts)).toContain('fibre');
  });

  it('shows the summary unmarked when only the title matched', () => {
    const t = texts({ title: 'Broadband', summary: 'A plan for the whole county.' });
    const parts = pickSnippet(t, { title: [[0, 9]] });
    expect(joined(parts)).toBe('A plan for the whole county.');
    expect(marked(parts)).toEqual([]);
  });

  it('keeps a snippet on one line: a space after a sentence, a dot after a heading', () => {
    const t = texts({ body: 'Goals.\nBroadband for all\nServices online' });
    const parts = pickSnippet(t, { body: [[7, 9]] });
    expect(joined(parts)).not.toContain('\n');
    expect(joined(parts)).toContain('Goals. Broadband for all · Services online');
  });
});
