/**
 * Maps between DOM Ranges inside an element and plain-text offsets of its `textContent`, the
 * string annotations are anchored on. Everything here only reads the DOM (a TreeWalker over text
 * nodes, Ranges): the article's sanitised HTML is never changed. Takes the root element and uses
 * its own document, so the same code runs in the app and in jsdom tests.
 */

/** NodeFilter.SHOW_TEXT, written out so the module does not need the NodeFilter global. */
const SHOW_TEXT = 4;

/** Offsets of a passage in the root's text: `text.slice(start, end)`. */
export interface TextOffsets {
  start: number;
  end: number;
}

/** The root's text, exactly as annotations see it (equal to `root.textContent`). */
export function textOf(root: Node): string {
  return root.textContent ?? '';
}

/**
 * The text offsets of the part of `range` that lies inside `root`, or null when the range does
 * not reach into it or covers no text there. A selection that starts before the article or ends
 * after it is clipped to the article.
 */
export function rangeToOffsets(root: Node, range: Range): TextOffsets | null {
  const doc = root.ownerDocument;
  if (!doc || range.collapsed || !range.intersectsNode(root)) return null;
  const whole = doc.createRange();
  whole.selectNodeContents(root);
  const startsInside = range.compareBoundaryPoints(Range.START_TO_START, whole) >= 0;
  const endsInside = range.compareBoundaryPoints(Range.END_TO_END, whole) <= 0;
  const start = startsInside ? offsetAt(root, range.startContainer, range.startOffset) : 0;
  const end = endsInside
    ? offsetAt(root, range.endContainer, range.endOffset)
    : textOf(root).length;
  return end > start ? { start, end } : null;
}

/** The number of text characters in `root` before the boundary point (container, offset). */
function offsetAt(root: Node, container: Node, offset: number): number {
  const doc = root.ownerDocument;
  if (!doc) return 0;
  const before = doc.createRange();
  before.setStart(root, 0);
  before.setEnd(container, offset);
  // Range.toString() concatenates the text nodes' data in the range: the same characters
  // textContent counts, so the length is the offset.
  return before.toString().length;
}

/**
 * A Range over `text.slice(start, end)` of the root's text, or null when the offsets do not fit
 * it. A start at the boundary of two text nodes is put at the beginning of the later one, and an
 * end at such a boundary at the end of the earlier one, so the Range covers no empty edges.
 */
export function offsetsToRange(root: Node, start: number, end: number): Range | null {
  const doc = root.ownerDocument;
  if (!doc || start < 0 || end <= start) return null;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  let seen = 0;
  let startPoint: [Node, number] | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as CharacterData).length;
    const nodeEnd = seen + length;
    if (!startPoint && start < nodeEnd) startPoint = [node, start - seen];
    if (startPoint && end <= nodeEnd) {
      const range = doc.createRange();
      range.setStart(startPoint[0], startPoint[1]);
      range.setEnd(node, end - seen);
      return range;
    }
    seen = nodeEnd;
  }
  return null;
}

/**
 * Moves the offsets inwards past white space at either edge, so that a double- or triple-click
 * selection (which often takes a trailing space or line break) stores just the words. Null when
 * nothing but white space is left.
 */
export function trimOffsets(text: string, offsets: TextOffsets): TextOffsets | null {
  let { start, end } = offsets;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

/** The offsets of the current selection inside `root`, trimmed; null when nothing is selected. */
export function selectionOffsets(root: Node, selection: Selection | null): TextOffsets | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const offsets = rangeToOffsets(root, selection.getRangeAt(0));
  return offsets ? trimOffsets(textOf(root), offsets) : null;
}
