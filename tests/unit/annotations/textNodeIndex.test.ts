// @vitest-environment jsdom
/**
 * The reader paints thousands of highlights from one walk of the article: TextNodeIndex makes
 * the same Ranges as offsetsToRange (which walks the article for each), without walking again.
 */
import { describe, expect, it } from 'vitest';
import { TextNodeIndex } from '../../../renderer/src/ui/annotations/reader/textNodeIndex';
import { offsetsToRange } from '../../../renderer/src/ui/annotations/textOffsets';

/** An article like the reader's, with an empty text node at a boundary as well. */
function article(): HTMLElement {
  document.body.innerHTML =
    '<div id="article"><h2>Results</h2>\n<p>The township <em>saved</em> money by <a href="#x">sharing</a> staff.</p>\n<ul><li>One</li><li>Two words</li></ul></div>';
  const root = document.getElementById('article');
  if (!root) throw new Error('no article');
  root.querySelector('em')?.after(document.createTextNode(''));
  return root;
}

function endpoints(range: Range | null) {
  return range
    ? [range.startContainer, range.startOffset, range.endContainer, range.endOffset]
    : null;
}

describe('TextNodeIndex', () => {
  it('makes exactly the Ranges offsetsToRange makes, for every passage and beyond the text', () => {
    const root = article();
    const length = root.textContent?.length ?? 0;
    const index = new TextNodeIndex(root);
    for (let start = -1; start <= length + 1; start++) {
      for (let end = start; end <= length + 2; end++) {
        expect(endpoints(index.range(start, end))).toEqual(
          endpoints(offsetsToRange(root, start, end)),
        );
      }
    }
  });

  it('walks the article once, however many Ranges it makes', () => {
    const root = article();
    let walks = 0;
    const walk = document.createTreeWalker.bind(document);
    document.createTreeWalker = (...args: Parameters<Document['createTreeWalker']>) => {
      walks++;
      return walk(...args);
    };
    try {
      const index = new TextNodeIndex(root);
      for (let start = 0; start < 40; start++) index.range(start, start + 5);
    } finally {
      document.createTreeWalker = walk;
    }
    expect(walks).toBe(1);
  });
});
