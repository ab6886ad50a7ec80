import { MEANINGS, type Meaning } from '../../../core/annotations';

/**
 * Paints highlights with the CSS Custom Highlight API: Ranges registered by name and styled by
 * `::highlight(name)` rules in readerAnnotations.css. Nothing is wrapped or inserted, so the
 * sanitised article stays exactly as rendered. Where the API is missing (an old browser), the
 * margin list still shows every highlight; only the colour in the text is absent.
 */

/** The registered name of each meaning's highlight (also used in the CSS). */
export const HIGHLIGHT_NAMES: Readonly<Record<Meaning, string>> = {
  important: 'onmuni-anno-important',
  question: 'onmuni-anno-question',
  idea: 'onmuni-anno-idea',
  concern: 'onmuni-anno-concern',
};

/** The passage being annotated while the dialog is open, and the one just jumped to. */
export const PENDING_HIGHLIGHT = 'onmuni-anno-pending';
export const CURRENT_HIGHLIGHT = 'onmuni-anno-current';

/** True when this browser can paint highlights without touching the DOM. */
export function canPaintHighlights(): boolean {
  return typeof Highlight !== 'undefined' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

/** Replaces the painted highlights of every meaning with the given ranges. */
export function paintMeanings(ranges: readonly { meaning: Meaning; range: Range }[]): void {
  if (!canPaintHighlights()) return;
  for (const meaning of MEANINGS) {
    const mine = ranges.filter((r) => r.meaning === meaning).map((r) => r.range);
    if (mine.length === 0) CSS.highlights.delete(HIGHLIGHT_NAMES[meaning]);
    else CSS.highlights.set(HIGHLIGHT_NAMES[meaning], new Highlight(...mine));
  }
}

/** Paints one range under `name` above the meanings (or clears it with null). */
export function paintSingle(name: string, range: Range | null): void {
  if (!canPaintHighlights()) return;
  if (!range) {
    CSS.highlights.delete(name);
    return;
  }
  const highlight = new Highlight(range);
  highlight.priority = 1;
  CSS.highlights.set(name, highlight);
}

/** Removes every highlight this module painted (when the reader closes). */
export function clearAllHighlights(): void {
  if (!canPaintHighlights()) return;
  for (const name of [...Object.values(HIGHLIGHT_NAMES), PENDING_HIGHLIGHT, CURRENT_HIGHLIGHT]) {
    CSS.highlights.delete(name);
  }
}
