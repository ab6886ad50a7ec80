import type { Token } from 'markdown-it';
import { parseContentMarkdown } from './bodyAnalysis';

/** A piece of the text of some content Markdown, as a reader sees it. */
export interface MarkdownPart {
  text: string;
  /** The text of one `[text]{lang=en}` span (English wording quoted in a French document). */
  english: boolean;
  /** Inline code or a code block: written as it is in every language. */
  code: boolean;
  /** Line (1-based, in the Markdown given) where the part's block starts. */
  line: number;
}

/**
 * Splits Markdown into the text a reader sees, in order: prose, each English span as one part,
 * and code. Markup (emphasis, link syntax and targets, list markers) is left out; a link's text
 * is kept. Parsed by the same parser as the body checks, so spans are recognised exactly as the
 * reader recognises them.
 */
export function markdownParts(markdown: string): MarkdownPart[] {
  const parts: MarkdownPart[] = [];
  let line = 1;
  for (const token of parseContentMarkdown(markdown)) {
    if (token.map) line = token.map[0] + 1;
    if (token.type === 'inline') parts.push(...inlineParts(token.children ?? [], line));
    else if (token.type === 'fence' || token.type === 'code_block')
      parts.push({ text: token.content, english: false, code: true, line });
  }
  return parts;
}

function inlineParts(children: readonly Token[], line: number): MarkdownPart[] {
  const parts: MarkdownPart[] = [];
  let span: string | null = null;
  let prose = '';
  const flush = () => {
    if (prose !== '') parts.push({ text: prose, english: false, code: false, line });
    prose = '';
  };
  for (const child of children) {
    if (child.type === 'english_span_open') {
      flush();
      span = '';
    } else if (child.type === 'english_span_close') {
      parts.push({ text: span ?? '', english: true, code: false, line });
      span = null;
    } else if (child.type === 'text' || child.type === 'softbreak' || child.type === 'hardbreak') {
      const text = child.type === 'text' ? child.content : ' ';
      if (span !== null) span += text;
      else prose += text;
    } else if (child.type === 'code_inline') {
      if (span !== null) span += child.content;
      else {
        flush();
        parts.push({ text: child.content, english: false, code: true, line });
      }
    }
  }
  flush();
  return parts;
}

/**
 * Where the links of some Markdown go, in order: `doc:ID` (without a `#section`, since each
 * language's version has its own heading slugs) and web or mail addresses as written.
 */
export function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const token of parseContentMarkdown(markdown))
    for (const child of token.children ?? [])
      if (child.type === 'link_open') {
        const href = String(child.attrGet('href') ?? '');
        targets.push(href.startsWith('doc:') ? href.replace(/#.*$/, '') : href);
      }
  return targets;
}

/** The words of a text with runs of white space (line breaks, no-break spaces) as one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00A0\u202F]+/g, ' ').trim();
}
