// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  offsetsToRange,
  rangeToOffsets,
  selectionOffsets,
  textOf,
  trimOffsets,
} from '../../../renderer/src/ui/annotations/textOffsets';

/** An article like the reader's: block elements, inline markup, white-space text nodes. */
function article(html: string): HTMLElement {
  document.body.innerHTML = `<p id="before">Before the article.</p><div id="article">${html}</div><p id="after">After it.</p>`;
  const root = document.getElementById('article');
  if (!root) throw new Error('no article');
  return root;
}

const SAMPLE =
  '<h2 id="s">Results</h2>\n<p>The township <em>saved</em> money by <a href="#x">sharing</a> staff.</p>\n<ul><li>One</li><li>Two words</li></ul>';

describe('text offsets of DOM ranges', () => {
  it('round-trips every passage of the article text', () => {
    const root = article(SAMPLE);
    const text = textOf(root);
    expect(text).toBe(root.textContent);
    for (let start = 0; start < text.length; start += 3) {
      for (let end = start + 1; end <= text.length; end += 5) {
        const range = offsetsToRange(root, start, end);
        expect(range?.toString()).toBe(text.slice(start, end));
        expect(rangeToOffsets(root, range as Range)).toEqual({ start, end });
      }
    }
  });

  it('maps a range across inline elements and block boundaries', () => {
    const root = article(SAMPLE);
    const text = textOf(root);
    const em = root.querySelector('em')?.firstChild as Text;
    const li = root.querySelectorAll('li')[1]?.firstChild as Text;
    const range = document.createRange();
    range.setStart(em, 2);
    range.setEnd(li, 3);
    const offsets = rangeToOffsets(root, range);
    expect(offsets).not.toBeNull();
    expect(text.slice(offsets?.start, offsets?.end)).toBe(range.toString());
    expect(text.slice(offsets?.start, offsets?.end)).toMatch(/^ved money by sharing.*Two$/s);
  });

  it('accepts boundaries given as element and child index', () => {
    const root = article(SAMPLE);
    const p = root.querySelector('p') as HTMLParagraphElement;
    const range = document.createRange();
    range.setStart(p, 1); // just before <em>
    range.setEnd(p, 2); // just after </em>
    const offsets = rangeToOffsets(root, range);
    expect(textOf(root).slice(offsets?.start, offsets?.end)).toBe('saved');
  });

  it('clips a range that starts before or ends after the article', () => {
    const root = article(SAMPLE);
    const text = textOf(root);
    const range = document.createRange();
    range.setStart(document.getElementById('before')?.firstChild as Text, 3);
    range.setEnd(root.querySelector('em')?.firstChild as Text, 5);
    expect(rangeToOffsets(root, range)).toEqual({ start: 0, end: text.indexOf('saved') + 5 });
    range.setStart(root.querySelector('a')?.firstChild as Text, 0);
    range.setEnd(document.getElementById('after')?.firstChild as Text, 2);
    expect(rangeToOffsets(root, range)).toEqual({
      start: text.indexOf('sharing'),
      end: text.length,
    });
  });

  it('gives null for ranges outside the article, collapsed or empty ones', () => {
    const root = article(SAMPLE);
    const outside = document.createRange();
    outside.selectNodeContents(document.getElementById('after') as HTMLElement);
    expect(rangeToOffsets(root, outside)).toBeNull();
    const collapsed = document.createRange();
    collapsed.setStart(root.querySelector('em')?.firstChild as Text, 1);
    expect(rangeToOffsets(root, collapsed)).toBeNull();
    expect(offsetsToRange(root, 4, 4)).toBeNull();
    expect(offsetsToRange(root, 0, textOf(root).length + 1)).toBeNull();
    expect(offsetsToRange(root, -1, 2)).toBeNull();
  });

  it('puts ranges at node boundaries inside the text nodes they cover', () => {
    const root = article('<p>ab<b>cd</b>ef</p>');
    const range = offsetsToRange(root, 2, 4);
    expect(range?.startContainer.textContent).toBe('cd');
    expect(range?.startOffset).toBe(0);
    expect(range?.endContainer.textContent).toBe('cd');
    expect(range?.endOffset).toBe(2);
  });

  it('trims white space at the edges of a selection', () => {
    const text = '  word one\n\n';
    expect(trimOffsets(text, { start: 0, end: text.length })).toEqual({ start: 2, end: 10 });
    expect(trimOffsets(text, { start: 10, end: 12 })).toBeNull();
  });

  it('reads the document selection inside the article', () => {
    const root = article(SAMPLE);
    const selection = document.getSelection();
    const range = document.createRange();
    const text = root.querySelector('a')?.firstChild as Text;
    range.setStart(text, 0);
    range.setEnd(text, text.length);
    selection?.removeAllRanges();
    selection?.addRange(range);
    const offsets = selectionOffsets(root, selection);
    expect(textOf(root).slice(offsets?.start, offsets?.end)).toBe('sharing');
    selection?.removeAllRanges();
    expect(selectionOffsets(root, selection)).toBeNull();
  });
});
