import markdownIt, { type MarkdownIt } from 'markdown-it';
import type { DOMPurify } from 'dompurify';
import type { RenderEnv, RenderedHeading } from './env';
import type { GlossaryMatcher } from './glossaryMatcher';
import { classifyHref } from './linkPolicy';
import { contentRules } from './rules';
import { englishSpan } from './rules/englishSpans';
import { sanitizeHtml } from './sanitize';

export interface RenderedDocument {
  /** Sanitised HTML, safe to insert as is. */
  html: string;
  headings: RenderedHeading[];
}

/** Documents larger than this are refused rather than rendered (a guard for imported files). */
export const MAX_MARKDOWN_CHARS = 2_000_000;

/** Builds the markdown-it instance with our options and ordered rules. */
export function createMarkdownIt(): MarkdownIt {
  const md = markdownIt('default', { html: false, linkify: false, typographer: false });
  // A link the policy refuses never becomes a link: markdown-it leaves its source as text.
  md.validateLink = (url) => classifyHref(url).kind !== 'refused';
  // Before `link`, which would otherwise take the `[` of `[text]{lang=en}` as a link label.
  md.inline.ruler.before('link', 'onmuni_english_span', englishSpan);
  for (const [name, rule] of contentRules) md.core.ruler.push(name, rule);
  return md;
}

/**
 * Renders content Markdown to sanitised HTML: markdown-it with raw HTML off, our rules in
 * order, then DOMPurify once, last.
 */
export function createDocumentRenderer(purify: DOMPurify) {
  const md = createMarkdownIt();
  return function renderDocument(
    markdown: string,
    options: { docId: string; glossary: GlossaryMatcher | null },
  ): RenderedDocument {
    if (markdown.length > MAX_MARKDOWN_CHARS) {
      throw new RangeError(
        `This document is too large to display (${markdown.length} characters; the limit is ${MAX_MARKDOWN_CHARS}).`,
      );
    }
    const env: RenderEnv = { docId: options.docId, glossary: options.glossary, headings: [] };
    const html = md.render(markdown, env);
    return { html: sanitizeHtml(purify, html), headings: env.headings };
  };
}
