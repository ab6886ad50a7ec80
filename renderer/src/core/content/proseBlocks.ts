import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/**
 * Headings that label a section as this toolkit's own words: everything under one (until the
 * next heading of the same or a higher level) may say what AMO means without quoting it.
 */
export const LABEL_HEADINGS = [
  "This toolkit's reading",
  'What this could mean for a small municipality',
] as const;

/** A paragraph or list item that starts with this, in bold, is labelled the same way. */
export const PARAGRAPH_LABEL = "**This toolkit's reading:**";

/**
 * What a block of prose follows with, when it ends in a colon: the quotation it introduces. A
 * block quote is named by its {@link ProseBlock.quote} number; its paragraphs are blocks too.
 */
export type Follower =
  { kind: 'blockquote'; quote: number } | { kind: 'list'; items: string[] } | null;

/** One run of prose (a heading, a paragraph or a table cell) as plain text. */
export interface ProseBlock {
  text: string;
  /** A heading, not running text. */
  heading: boolean;
  /** The targets of the block's links, as written. */
  links: string[];
  /** 1-based line of the Markdown where the block starts. */
  line: number;
  /** Offsets in `text` where a new source line begins, ascending. */
  lineBreaks: number[];
  /** Under a label heading, or in a paragraph or list item that starts with the label. */
  labelled: boolean;
  /**
   * Inside a `>` block quote: which one (the same number for each of its paragraphs), or null.
   * A quotation, unless nothing says whose.
   */
  quote: number | null;
  /** The blockquote or list right after this block, which a final colon introduces. */
  follower: Follower;
  /** Index (in the returned list) of the block whose final colon introduces this one's list or quote. */
  intro: number | null;
}

// html: true so raw HTML is a token of its own and never read as prose (the body check refuses it).
const parser = new MarkdownIt({ html: true, linkify: false });

/** Splits Markdown into prose blocks, in order, each knowing whether it is labelled. */
export function proseBlocks(markdown: string): ProseBlock[] {
  const tokens = parser.parse(markdown, {});
  const blocks: ProseBlock[] = [];
  let labelLevel: number | null = null;
  const itemLabels: boolean[] = [];
  let quoteDepth = 0;
  let quote: number | null = null;
  let paragraphLabelled = false;
  // Blocks before token `end` sit in the list or quote that block `block` introduces.
  const intros: Array<{ block: number; end: number }> = [];

  tokens.forEach((token, index) => {
    while (intros.length > 0 && index > (intros.at(-1)?.end ?? 0)) intros.pop();
    const inline = tokens[index + 1];
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      if (labelLevel !== null && level <= labelLevel) labelLevel = null;
      if (inline && startsWithLabelHeading(plainText(inline).text)) labelLevel = level;
    } else if (token.type === 'list_item_open') {
      const first = tokens.slice(index + 1).find((t) => t.type === 'inline');
      itemLabels.push(first !== undefined && startsWithParagraphLabel(first.content));
    } else if (token.type === 'list_item_close') {
      itemLabels.pop();
    } else if (token.type === 'blockquote_open') {
      if (quoteDepth++ === 0) quote = index;
    } else if (token.type === 'blockquote_close') {
      if (--quoteDepth === 0) quote = null;
    } else if (token.type === 'paragraph_open') {
      paragraphLabelled = inline !== undefined && startsWithParagraphLabel(inline.content);
    } else if (token.type === 'inline') {
      const { text, lineBreaks } = plainText(token);
      if (text === '') return;
      const closing = tokens[index + 1];
      const follower = text.trimEnd().endsWith(':') ? followerAt(tokens, index + 2) : null;
      blocks.push({
        text,
        heading: closing?.type === 'heading_close',
        links: (token.children ?? [])
          .filter((child) => child.type === 'link_open')
          .map((child) => String(child.attrGet('href') ?? '')),
        line: (token.map?.[0] ?? 0) + 1,
        lineBreaks,
        labelled: labelLevel !== null || paragraphLabelled || itemLabels.includes(true),
        quote,
        follower,
        intro: intros.at(-1)?.block ?? null,
      });
      if (follower)
        intros.push({ block: blocks.length - 1, end: matchingClose(tokens, index + 2) });
      if (closing?.type === 'paragraph_close') paragraphLabelled = false;
    }
  });
  return blocks;
}

function startsWithLabelHeading(text: string): boolean {
  const heading = sameApostrophes(text).toLowerCase();
  return LABEL_HEADINGS.some((label) => heading.startsWith(sameApostrophes(label).toLowerCase()));
}

function startsWithParagraphLabel(markdown: string): boolean {
  // The colon may sit inside or just outside the bold; both read as the same label.
  const label = sameApostrophes(PARAGRAPH_LABEL);
  const text = sameApostrophes(markdown.trimStart());
  return text.startsWith(label) || text.startsWith(label.replace(':**', '**:'));
}

function sameApostrophes(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'");
}

/** Plain text of an inline token; each soft or hard line break becomes a space. */
function plainText(token: Token): { text: string; lineBreaks: number[] } {
  let text = '';
  const lineBreaks: number[] = [];
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') {
      text += ' ';
      lineBreaks.push(text.length);
    }
  }
  return { text, lineBreaks };
}

/** The blockquote or list starting at `start` (after a paragraph or heading closes), if any. */
function followerAt(tokens: readonly Token[], start: number): Follower {
  const open = tokens[start];
  if (!open) return null;
  const end = matchingClose(tokens, start);
  const inner = tokens.slice(start + 1, end);
  if (open.type === 'blockquote_open') return { kind: 'blockquote', quote: start };
  if (open.type !== 'bullet_list_open' && open.type !== 'ordered_list_open') return null;
  const items: string[] = [];
  let depth = 0;
  for (const t of inner) {
    if (t.type === 'list_item_open' && depth++ === 0) items.push('');
    else if (t.type === 'list_item_close') depth -= 1;
    else if (t.type === 'inline' && items.length > 0)
      items[items.length - 1] = `${items.at(-1) ?? ''} ${plainText(t).text}`.trim();
  }
  return { kind: 'list', items };
}

function matchingClose(tokens: readonly Token[], start: number): number {
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    depth += tokens[i]?.nesting ?? 0;
    if (depth === 0) return i;
  }
  return tokens.length;
}

/** The 1-based Markdown line of an offset in a block's text. */
export function lineAt(block: ProseBlock, offset: number): number {
  return block.line + block.lineBreaks.filter((at) => at <= offset).length;
}
