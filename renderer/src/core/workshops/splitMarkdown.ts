import MarkdownIt from 'markdown-it';
import { stripEnglishSpans } from '../markdown/englishSpanText';

/**
 * How much fits on one slide at presentation size. Lines are estimated as the text would wrap:
 * every source line takes at least one line, and a long one takes one per `charsPerLine`.
 */
export interface SlideBudget {
  maxLines: number;
  maxChars: number;
  charsPerLine: number;
}

/** Fits large type on a projector in a hall: about ten wrapped lines of 60 characters. */
export const DEFAULT_SLIDE_BUDGET: SlideBudget = { maxLines: 10, maxChars: 600, charsPerLine: 60 };

/** The size of some slide text under a budget. */
export interface SlideMeasure {
  lines: number;
  chars: number;
}

/**
 * Measures Markdown text: estimated wrapped lines (blank lines count) and characters. English
 * wording in a French text (`[words]{lang=en}`) counts as its words: the slide shows no markup.
 */
export function measureSlideText(text: string, budget: SlideBudget): SlideMeasure {
  const trimmed = stripEnglishSpans(text).trim();
  if (trimmed === '') return { lines: 0, chars: 0 };
  const lines = trimmed
    .split('\n')
    .reduce(
      (sum, line) => sum + Math.max(1, Math.ceil(line.trim().length / budget.charsPerLine)),
      0,
    );
  return { lines, chars: trimmed.length };
}

/** True when the text fits on one slide. */
export function fitsOnSlide(text: string, budget: SlideBudget): boolean {
  const { lines, chars } = measureSlideText(text, budget);
  return lines <= budget.maxLines && chars <= budget.maxChars;
}

// Only block structure matters here: raw HTML is off as in the reader, links are not followed.
const parser = new MarkdownIt({ html: false, linkify: false });

/** Kinds of unit, from the coarsest to the finest a split may need. */
type UnitKind = 'block' | 'paragraph' | 'item';

interface Unit {
  text: string;
  kind: UnitKind;
}

/**
 * Splits Markdown into pieces that each fit the budget where possible, without losing or
 * reordering a character: `pieces.join('') === text` always holds. It cuts between top-level
 * blocks and between the items of a list first, then, for a paragraph or list item still too
 * long, between sentences, then between words. A unit that cannot be cut (a code block, a table,
 * one enormous word) is kept whole on its own slide rather than broken.
 */
export function splitMarkdown(text: string, budget: SlideBudget = DEFAULT_SLIDE_BUDGET): string[] {
  if (text.trim() === '') return text === '' ? [] : [text];
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current !== '') pieces.push(current);
    current = '';
  };
  const place = (unit: Unit) => {
    if (fitsOnSlide(current + unit.text, budget)) {
      current += unit.text;
      return;
    }
    if (current.trim() !== '') flush();
    if (fitsOnSlide(unit.text, budget)) {
      current += unit.text;
      return;
    }
    const finer = refine(unit);
    if (finer.length <= 1) {
      // Cannot be cut: it gets a slide of its own (whitespace before it stays with it).
      current += unit.text;
      flush();
      return;
    }
    for (const part of finer) place(part);
  };
  for (const unit of topLevelUnits(text)) place(unit);
  if (current !== '') {
    // Trailing whitespace alone is not worth a slide: keep it with the last piece.
    const last = pieces.at(-1);
    if (current.trim() === '' && last !== undefined) pieces[pieces.length - 1] = last + current;
    else flush();
  }
  return pieces;
}

/** The next finer cut of a unit: sentences of a paragraph or item, then words. */
function refine(unit: Unit): Unit[] {
  if (unit.kind === 'block') return [];
  const sentences = cutAfter(unit.text, SENTENCE_END);
  if (sentences.length > 1) return sentences.map((t) => ({ text: t, kind: 'paragraph' }));
  const words = cutAfter(unit.text, /\s+/g);
  return words.length > 1 ? words.map((t) => ({ text: t, kind: 'block' })) : [];
}

// The end of a sentence: . ! or ? (and closing quotes or brackets), whitespace, then a capital,
// a digit or an opening quote or markup. "e.g. the" does not end a sentence; "e.g. The" does.
export const SENTENCE_END = /[.!?]["'”’)\]]*\s+(?=[A-Z0-9À-Ý"“‘(*_[])/g;

/** Cuts text after each match of `pattern` (global), keeping every character. */
function cutAfter(text: string, pattern: RegExp): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    const end = (match.index ?? 0) + match[0].length;
    if (end >= text.length) break;
    // Leading whitespace of the text is not a word boundary worth cutting at.
    if (text.slice(from, end).trim() === '') continue;
    parts.push(text.slice(from, end));
    from = end;
  }
  parts.push(text.slice(from));
  return parts.filter((p) => p !== '');
}

/**
 * Cuts text into top-level units by line: each block, and each item of a top-level list. A unit
 * runs from its first line to the first line of the next, so blank lines stay in place and the
 * units join back to the text exactly.
 */
function topLevelUnits(text: string): Unit[] {
  const tokens = parser.parse(text, {});
  const starts: Array<{ line: number; kind: UnitKind }> = [];
  let listDepth = 0;
  for (const token of tokens) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') listDepth++;
    if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') listDepth--;
    if (!token.map || token.nesting === -1) continue;
    if (token.level === 0 && !token.type.endsWith('list_open'))
      starts.push({
        line: token.map[0],
        kind: token.type === 'paragraph_open' ? 'paragraph' : 'block',
      });
    else if (token.type === 'list_item_open' && token.level === 1 && listDepth === 1)
      starts.push({ line: token.map[0], kind: 'item' });
  }
  const lineOffsets = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineOffsets.push(i + 1);
  const offsets = starts.map((s) => ({ at: lineOffsets[s.line] ?? text.length, kind: s.kind }));
  if (offsets.length === 0) return [{ text, kind: 'paragraph' }];
  const units: Unit[] = [];
  offsets.forEach((entry, i) => {
    // The first unit also takes any blank lines before it.
    const from = i === 0 ? 0 : entry.at;
    const to = offsets[i + 1]?.at ?? text.length;
    if (to > from) units.push({ text: text.slice(from, to), kind: entry.kind });
  });
  return units;
}
