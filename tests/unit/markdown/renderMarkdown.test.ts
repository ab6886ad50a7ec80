import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import { createDocumentRenderer } from '../../../renderer/src/core/markdown/renderMarkdown';
import { GlossaryMatcher } from '../../../renderer/src/core/markdown/glossaryMatcher';
import { HOSTILE_MARKDOWN } from '../../fixtures/hostileMarkdown';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const purify = createDOMPurify(window);
const render = createDocumentRenderer(purify);
const plain = (markdown: string) => render(markdown, { docId: 'doc-a', glossary: null });

/** Parses rendered HTML and lists everything that could run script or reach the network. */
function dangerousParts(html: string): string[] {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  const found: string[] = [];
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (
      ![
        'a',
        'p',
        'code',
        'pre',
        'h2',
        'h3',
        'em',
        'strong',
        'ul',
        'ol',
        'li',
        'blockquote',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'hr',
        'br',
        's',
        'del',
      ].includes(tag)
    )
      found.push(`element <${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.startsWith('on') || attr.name === 'style' || attr.name === 'src')
        found.push(`attribute ${attr.name} on <${tag}>`);
      if (attr.name === 'href' && !/^(https:|mailto:|#\/)/.test(attr.value))
        found.push(`href ${attr.value}`);
      if (
        attr.name === 'class' &&
        !/^(language-[a-z0-9+#.-]+|glossary-term|align-(left|right|center))$/.test(attr.value)
      )
        found.push(`class ${attr.value}`);
    }
  }
  return found;
}

describe('hostile Markdown renders inert', () => {
  it('has at least 40 cases', () => {
    expect(HOSTILE_MARKDOWN.length).toBeGreaterThanOrEqual(40);
  });
  it.each(HOSTILE_MARKDOWN.map((input) => [input]))('%s', (input) => {
    const { html } = plain(input);
    expect(dangerousParts(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<iframe|<svg|<img|<object|<embed|<style|<meta|<base|<form/i);
  });
});

describe('links follow the policy', () => {
  it.each([
    ['[a](https://www.amo.on.ca/)', 'https://www.amo.on.ca/', true],
    ['[a](mailto:clerk@example.ca)', 'mailto:clerk@example.ca', true],
    ['[a](doc:case-toronto-311)', '#/doc/case-toronto-311', false],
    ['[a](doc:case-toronto-311#results)', '#/doc/case-toronto-311?section=results', false],
    ['[a](#lessons)', '#/doc/doc-a?section=lessons', false],
  ])('%s links to %s', (markdown, href, external) => {
    const doc = new JSDOM(plain(markdown).html).window.document;
    const link = doc.querySelector('a');
    expect(link?.getAttribute('href')).toBe(href);
    expect(link?.hasAttribute('data-external')).toBe(external);
  });

  it.each([
    '[a](http://example.com)',
    '[a](ftp://example.com)',
    '[a](doc:Bad_Id)',
    '[a](custom:thing)',
  ])('refused %s stays as text', (markdown) => {
    const { html } = plain(markdown);
    expect(html).not.toContain('<a');
    expect(html).toContain('[a](');
  });
});

describe('headings', () => {
  it('get prefixed unique ids and feed the table of contents', () => {
    const { html, headings } = plain('## Results\n\ntext\n\n## Results\n\n### Été 2019');
    expect(headings.map((h) => h.domId)).toEqual(['h-results', 'h-results-2', 'h-ete-2019']);
    expect(headings.map((h) => h.level)).toEqual([2, 2, 3]);
    expect(html).toContain('<h2 id="h-results">');
  });
  it('cannot clobber DOM globals', () => {
    const { html } = plain('## name\n\n## location');
    expect(html).not.toMatch(/id="(name|location)"/);
  });
});

describe('glossary terms', () => {
  const glossary = new GlossaryMatcher([
    { id: 'glossary-cao', term: 'CAO', aliases: ['Chief Administrative Officer'] },
    { id: 'glossary-open-data', term: 'open data', aliases: [] },
    { id: 'glossary-data', term: 'data', aliases: [] },
  ]);
  const withGlossary = (markdown: string, docId = 'doc-a') => render(markdown, { docId, glossary });

  it('marks the first mention of each term as a link to its entry', () => {
    const { html } = withGlossary('The CAO backs open data. The CAO again.');
    const doc = new JSDOM(html).window.document;
    const marks = Array.from(doc.querySelectorAll('a.glossary-term')).map((a) => [
      a.textContent,
      a.getAttribute('data-term'),
      a.getAttribute('href'),
    ]);
    expect(marks).toEqual([
      ['CAO', 'glossary-cao', '#/doc/glossary-cao'],
      ['open data', 'glossary-open-data', '#/doc/glossary-open-data'],
    ]);
    expect(doc.body.textContent).toBe('The CAO backs open data. The CAO again.\n');
  });
  it('matches acronyms in capitals only and phrases in any case', () => {
    expect(withGlossary('cao is not an acronym here').html).not.toContain('glossary-term');
    expect(withGlossary('Our chief administrative officer').html).toContain(
      'data-term="glossary-cao"',
    );
  });
  it('leaves headings, links, code and the entry itself alone', () => {
    expect(withGlossary('## CAO\n\n[CAO](https://example.com) `CAO`').html).not.toContain(
      'glossary-term',
    );
    expect(withGlossary('The CAO', 'glossary-cao').html).not.toContain('glossary-term');
  });
});

describe('other rules', () => {
  it('turns images into their alternative text so no request is made', () => {
    expect(plain('![Map of the county](https://example.com/map.png)').html).toBe(
      '<p>[image: Map of the county]</p>\n',
    );
  });
  it('keeps only a plain language name from fence info', () => {
    expect(plain('```TypeScript extra\nx\n```').html).toContain('class="language-typescript"');
  });
  it('aligns table cells with classes, not inline styles', () => {
    const { html } = plain('| a | b |\n|:-:|--:|\n| 1 | 2 |');
    expect(html).toContain('<th class="align-center">a</th>');
    expect(html).not.toContain('style=');
  });
  it('refuses oversized documents with a clear message', () => {
    expect(() => plain('x'.repeat(2_000_001))).toThrow(/too large to display/);
  });
});
