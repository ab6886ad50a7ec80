import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import { classifyHref } from '../../../renderer/src/core/markdown/linkPolicy';
import { createDocumentRenderer } from '../../../renderer/src/core/markdown/renderMarkdown';
import { ALLOWED_LINKS, REFUSED_LINKS } from '../host/externalUrlCases';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const purify = createDOMPurify(window);
const render = createDocumentRenderer(purify);

describe('the Markdown link policy keeps the external-link table', () => {
  it.each(ALLOWED_LINKS)('makes $input a link to exactly $href', ({ input, href }) => {
    expect(classifyHref(input)).toEqual({ kind: 'external', url: href });
  });

  it.each(REFUSED_LINKS)('leaves %j as text', (input) => {
    expect(classifyHref(input)).toMatchObject({ kind: 'refused' });
  });

  it('says why a link that would leave the app was refused', () => {
    expect(classifyHref('mailto:clerk@example.ca?cc=boss@evil.example')).toEqual({
      kind: 'refused',
      reason: 'e-mail links may set only a subject and a body, not "cc"',
    });
  });

  // markdown-it percent-encodes a destination before the policy sees it; the rendered link must
  // still be exactly what the host will open.
  it.each(ALLOWED_LINKS)('renders [a](<$input>) with the href $href', ({ input, href }) => {
    const { html } = render(`[a](<${input.trim()}>)`, { docId: 'doc-a', glossary: null });
    const link = new JSDOM(html).window.document.querySelector('a');
    expect(link?.getAttribute('href')).toBe(href);
    expect(link?.getAttribute('data-external')).toBe('true');
  });
});

describe('in-app links', () => {
  it.each([
    ['doc:case-toronto-311', { kind: 'document', id: 'case-toronto-311', section: null }],
    [
      'doc:case-toronto-311#results',
      { kind: 'document', id: 'case-toronto-311', section: 'results' },
    ],
    [
      'doc:town-pack--council-minutes#when',
      { kind: 'document', id: 'town-pack--council-minutes', section: 'when' },
    ],
    ['#lessons', { kind: 'anchor', section: 'lessons' }],
    [' #été-2019 ', { kind: 'anchor', section: 'été-2019' }],
  ])('reads %j', (input, target) => {
    expect(classifyHref(input)).toEqual(target);
  });

  it.each([
    'doc:Bad_Id',
    'doc:a#b#c',
    'doc:a#',
    'doc:',
    '#',
    '#two words',
    '#a--b',
    'doc:a---b',
    'doc:a--b--c',
  ])('refuses %j', (input) => {
    expect(classifyHref(input)).toEqual({ kind: 'refused' });
  });
});
