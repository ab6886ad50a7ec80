import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import {
  createDocumentRenderer,
  createMarkdownIt,
} from '../../../renderer/src/core/markdown/renderMarkdown';
import { GlossaryMatcher } from '../../../renderer/src/core/markdown/glossaryMatcher';
import {
  splitEnglishSpans,
  stripEnglishSpans,
} from '../../../renderer/src/core/markdown/englishSpanText';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const render = createDocumentRenderer(createDOMPurify(window));
const html = (markdown: string) => render(markdown, { docId: 'doc-a', glossary: null }).html;
const body = (markdown: string) => new JSDOM(html(markdown)).window.document.body;

describe('[text]{lang=en} in Markdown', () => {
  it('becomes a span with lang="en" and nothing else', () => {
    expect(html('AMO : ["We ask."]{lang=en} (traduction : « Nous demandons. »)')).toBe(
      '<p>AMO : <span lang="en">"We ask."</span> (traduction : « Nous demandons. »)</p>\n',
    );
  });

  it('parses the span text as inline Markdown, and works in lists, headings and quotes', () => {
    const doc = body(
      '- [*Digital* `code`]{lang=en}\n\n## Titre [Ready]{lang=en}\n\n> [Quoted]{lang=en}',
    );
    expect(doc.querySelector('li span[lang="en"] em')?.textContent).toBe('Digital');
    expect(doc.querySelector('li span[lang="en"] code')?.textContent).toBe('code');
    expect(doc.querySelector('h2')?.id).toBe('h-titre-ready');
    expect(doc.querySelector('h2 span[lang="en"]')?.textContent).toBe('Ready');
    expect(doc.querySelector('blockquote span[lang="en"]')?.textContent).toBe('Quoted');
  });

  it('spans a soft line break', () => {
    expect(body('["one\ntwo"]{lang=en}').querySelector('span')?.textContent).toBe('"one\ntwo"');
  });

  it.each([
    ['another language', '[texte]{lang=fr}'],
    ['a class', '[text]{.note}'],
    ['an event handler', '[text]{onclick=alert(1)}'],
    ['a second attribute', '[text]{lang=en onclick=alert(1)}'],
    ['quoted value', '[text]{lang="en"}'],
    ['a space before the brace', '[text] {lang=en}'],
    ['empty text', '[]{lang=en}'],
    ['nested brackets', '[a [b] c]{lang=en}'],
    ['an escaped opening', '\\[text]{lang=en}'],
  ])('leaves %s as text', (_, markdown) => {
    const doc = body(markdown);
    expect(doc.querySelector('span')).toBeNull();
    expect(doc.textContent?.trim()).toBe(markdown.replace('\\[', '['));
  });

  it('lets a link keep its own brackets, and a span sit beside a link', () => {
    const doc = body('[lien](https://www.amo.on.ca/) et [English]{lang=en}');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://www.amo.on.ca/');
    expect(doc.querySelector('span[lang="en"]')?.textContent).toBe('English');
  });

  it('marks glossary terms inside the span like any text', () => {
    const glossary = new GlossaryMatcher([{ id: 'glossary-cao', term: 'CAO', aliases: [] }]);
    const out = render('[The CAO agreed.]{lang=en}', { docId: 'doc-a', glossary }).html;
    expect(out).toContain('<span lang="en">The <a href="#/doc/glossary-cao"');
  });

  it('cannot carry markup out of the span', () => {
    const doc = body('[<img src=x onerror=alert(1)> "><script>x</script>]{lang=en}');
    expect(doc.querySelector('img, script')).toBeNull();
    const span = doc.querySelector('span');
    expect(span?.getAttributeNames()).toEqual(['lang']);
  });

  /**
   * The parser's time for `markdown`, the best of three runs (a slow machine's pause is not
   * ours). Parsing is where a rule can go quadratic; sanitising costs the same per element for
   * these spans as for links, which the hostile-Markdown tests already cover.
   */
  const md = createMarkdownIt();
  function bestParseTime(markdown: string): number {
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      md.render(markdown, { docId: 'doc-a', glossary: null, headings: [] });
      best = Math.min(best, performance.now() - started);
    }
    return best;
  }

  it.each([
    ['thousands of [', '['.repeat(50_000)],
    ['thousands of ]{lang=en}', ']{lang=en}'.repeat(20_000)],
    ['[ then ]{lang=en}', '['.repeat(20_000) + 'x' + ']{lang=en}'.repeat(20_000)],
    ['[x alternating', '[x'.repeat(30_000) + ']{lang=en}'],
    ['spans back to back', '[x]{lang=en}'.repeat(20_000)],
    ['[x]{lang=e near misses', '[x]{lang=e'.repeat(20_000)],
    ['[ before a long line', '[ ' + 'a '.repeat(50_000)],
  ])('parses %s in bounded time', (_, markdown) => {
    // A quadratic scan of these inputs takes many seconds; linear work, tens of milliseconds.
    expect(bestParseTime(markdown)).toBeLessThan(1000);
  });

  it('renders and sanitises a hostile run of them, inert', () => {
    const doc = body(
      '['.repeat(2_000) + '<img src=x onerror=alert(1)>' + ']{lang=en}'.repeat(2_000),
    );
    expect(doc.querySelector('img')).toBeNull();
    const spans = doc.querySelectorAll('span');
    expect(spans.length).toBe(1);
    expect(spans[0]?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('[text]{lang=en} in plain text fields', () => {
  it('splits a field at its spans', () => {
    expect(splitEnglishSpans('AMO : ["Ready."]{lang=en} (prêt)')).toEqual([
      { text: 'AMO : ', english: false },
      { text: '"Ready."', english: true },
      { text: ' (prêt)', english: false },
    ]);
    expect(splitEnglishSpans('[a]{lang=en}[b]{lang=en}')).toEqual([
      { text: 'a', english: true },
      { text: 'b', english: true },
    ]);
  });

  it('leaves anything else as text', () => {
    for (const text of ['[a]{lang=fr}', '[a [b]{lang=en', '[]{lang=en}', 'a]{lang=en}', '[[']) {
      expect(splitEnglishSpans(text)).toEqual([{ text, english: false }]);
    }
    expect(splitEnglishSpans('')).toEqual([]);
  });

  it('takes the innermost bracket as the span start', () => {
    expect(splitEnglishSpans('[[a]{lang=en}')).toEqual([
      { text: '[', english: false },
      { text: 'a', english: true },
    ]);
  });

  it('finds the same span as the Markdown rule when a bracket is escaped, its text as written', () => {
    for (const [field, shown] of [
      ['[a\\]b]{lang=en}', 'a]b'],
      ['[a\\[b]{lang=en}', 'a[b'],
    ] as const) {
      expect(splitEnglishSpans(`x ${field}`)).toEqual([
        { text: 'x ', english: false },
        { text: field.slice(1, -']{lang=en}'.length), english: true },
      ]);
      expect(body(field).querySelector('span[lang="en"]')?.textContent).toBe(shown);
    }
  });

  it('drops the markup and keeps the words', () => {
    expect(stripEnglishSpans('Selon ["AMO"]{lang=en}, oui')).toBe('Selon "AMO", oui');
  });

  it('is linear on hostile fields', () => {
    const started = performance.now();
    stripEnglishSpans('['.repeat(100_000) + ']{lang=en}'.repeat(100_000));
    stripEnglishSpans('[x'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
