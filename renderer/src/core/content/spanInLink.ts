import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { proseIssues } from './frenchProse';
import type { ContentIssue } from './issues';
import type { ParsedDocument } from './parseFile';

/**
 * An English span inside a link's text (`[[AMO]{lang=en}](https://…)`) cancels the link: a
 * link's text may not hold a bracketed token of its own, so the reader shows the brackets and
 * the address as text. This parser leaves the span rule out, so such a link parses as the link
 * the writer meant and its text can be searched for a span. Escapes are kept apart (no
 * `text_join`), so an escaped `\[` is never taken for the start of a span.
 */
const linkParser = new MarkdownIt({ html: true, linkify: false });
linkParser.validateLink = () => true;
linkParser.core.ruler.disable('text_join');

/** A span as the reader's rule takes it: no bracket inside, `]{lang=en}` written exactly so. */
const SPAN = /\[([^[\]]+)\]\{lang=en\}/;

/** Stands for an escaped bracket or brace, or code, which cannot be part of a span's markup. */
const NOT_MARKUP = '\u0000';

/** A span found inside a link's text. */
export interface SpanInLink {
  /** The span's text, without the markup. */
  text: string;
  /** Line (1-based, in the Markdown given) where its block starts. */
  line: number;
}

/** The English spans written inside a link's text in some Markdown, in order. */
export function spansInLinkText(markdown: string): SpanInLink[] {
  const found: SpanInLink[] = [];
  let line = 1;
  for (const token of linkParser.parse(markdown, {})) {
    if (token.map) line = token.map[0] + 1;
    if (token.type !== 'inline') continue;
    for (const text of linkTexts(token.children ?? [])) {
      const span = SPAN.exec(text);
      if (span?.[1] !== undefined) found.push({ text: span[1], line });
    }
  }
  return found;
}

/** The text of each link among some inline tokens, emphasis and the like left out. */
function linkTexts(children: readonly Token[]): string[] {
  const texts: string[] = [];
  let depth = 0;
  let text = '';
  for (const child of children) {
    if (child.type === 'link_open') {
      if (depth === 0) text = '';
      depth += 1;
    } else if (child.type === 'link_close') {
      depth -= 1;
      if (depth === 0) texts.push(text);
    } else if (depth > 0) {
      if (child.type === 'text') text += child.content;
      else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
      else if (child.type === 'text_special')
        text += /^[[\]{}]$/.test(child.content) ? NOT_MARKUP : child.content;
      else if (child.type === 'code_inline') text += NOT_MARKUP;
    }
  }
  return texts;
}

/**
 * Issues for every English span inside a link's text in a French version's translated fields
 * and its body (unless `bodyFrom: en`, whose body is the English one).
 */
export function spanInLinkIssues(french: ParsedDocument): ContentIssue[] {
  return proseIssues(french, (text) =>
    spansInLinkText(text).map((span) => ({
      line: span.line,
      message: `the English span [${span.text}]{lang=en} is inside the text of a link, which cancels the link (the reader shows its brackets and address as text); move the span out of the link text and link French words beside it: [${span.text}]{lang=en} ([lien](https://…))`,
    })),
  );
}
