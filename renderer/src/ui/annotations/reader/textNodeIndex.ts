/** NodeFilter.SHOW_TEXT, written out so the module does not need the NodeFilter global. */
const SHOW_TEXT = 4;

/**
 * The article's text nodes with the offset where each starts in its `textContent`, read in one
 * walk, so that thousands of highlights become Ranges by binary search rather than one walk of
 * the article each (`offsetsToRange` in ../textOffsets.ts, which this matches exactly: a start
 * at the boundary of two nodes goes to the later one, an end to the earlier one). Only reads the
 * DOM; build a new index if the article changes.
 */
export class TextNodeIndex {
  private readonly nodes: Text[] = [];
  /** Offset just after each node's text, never decreasing. */
  private readonly ends: number[] = [];

  constructor(private readonly root: Node) {
    const doc = root.ownerDocument;
    if (!doc) return;
    const walker = doc.createTreeWalker(root, SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      seen += (node as Text).length;
      this.nodes.push(node as Text);
      this.ends.push(seen);
    }
  }

  /** A Range over `text.slice(start, end)`, or null when the offsets do not fit the text. */
  range(start: number, end: number): Range | null {
    const doc = this.root.ownerDocument;
    if (!doc || start < 0 || end <= start) return null;
    const first = this.firstEndingAfter(start, false);
    const last = this.firstEndingAfter(end, true);
    const startNode = this.nodes[first];
    const endNode = this.nodes[last];
    if (!startNode || !endNode) return null;
    const range = doc.createRange();
    range.setStart(startNode, start - this.startOf(first));
    range.setEnd(endNode, end - this.startOf(last));
    return range;
  }

  /** The first node whose end is past `offset` (or at it, when `orAt`); nodes.length if none. */
  private firstEndingAfter(offset: number, orAt: boolean): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const end = this.ends[middle] ?? Infinity;
      if (end > offset || (orAt && end === offset)) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  private startOf(index: number): number {
    return index === 0 ? 0 : (this.ends[index - 1] ?? 0);
  }
}
