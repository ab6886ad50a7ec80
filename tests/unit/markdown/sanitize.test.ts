import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../renderer/src/core/markdown/sanitize';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const purify = createDOMPurify(window);

describe('sanitizeHtml: spans and lang', () => {
  it('keeps lang="en" on a span and nothing else on any span; lang on no other tag', () => {
    expect(
      sanitizeHtml(
        purify,
        '<span class="x" id="y" lang="en">a</span><span lang="x">b</span><p lang="he">c</p>',
      ),
    ).toBe('<span lang="en">a</span><span>b</span><p>c</p>');
  });

  it('drops a hostile lang and the classes and ids that could restyle the page', () => {
    expect(
      sanitizeHtml(
        purify,
        '<span class="visually-hidden skip-link" id="h-x" lang="javascript:alert(1)">a</span>',
      ),
    ).toBe('<span>a</span>');
  });

  it('leaves the allowed attributes of other tags alone', () => {
    const link = '<h2 id="h-a">t</h2><a href="#/doc/x" data-doc="x" class="doc-link">x</a>';
    expect(sanitizeHtml(purify, link)).toBe(link);
  });
});
