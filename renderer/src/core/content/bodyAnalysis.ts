import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { classifyHref } from '../markdown/linkPolicy';
import { englishSpan } from '../markdown/rules/englishSpans';
import { slugify } from '../markdown/slug';

/** A heading of a document body; `slug` is what `doc:ID#slug` links point at. */
export interface Heading {
  level: number;
  text: string;
  slug: string;
}

/** A link to another document or a section, with the body line it is on (1-based). */
export interface InternalLink {
  kind: 'document' | 'anchor';
  /** Target document id; null for an in-page `#anchor`. */
  id: string | null;
  section: string | null;
  line: number;
}

/** Something in a body the reader cannot show as written. */
export interface BodyProblem {
  line: number;
  message: string;
}

/** What the pipeline needs from a Markdown body. */
export interface BodyAnalysis {
  headings: Heading[];
  /** The body as plain text: what the search index's `body` field holds, and snippets quote. */
  plainText: string;
  links: InternalLink[];
  problems: BodyProblem[];
}

// The checker sees raw HTML and every link so it can reject them; the reader itself runs with
// `html: false`, where the same input would show up as literal text or a dead link. Like the
// reader, it does not linkify: a bare address in prose stays text, so it is not a link to check.
// A French version's `[text]{lang=en}` span is parsed as the reader parses it, so its text is
// plain text (without the markup) and a span is never mistaken for a link.
const checker = new MarkdownIt({ html: true, linkify: false });
checker.validateLink = () => true;
checker.inline.ruler.before('link', 'onmuni_english_span', englishSpan);

/** The parser the content checks share with {@link analyzeBody} (spans and all). */
export function parseContentMarkdown(markdown: string): Token[] {
  return checker.parse(markdown, {});
}

/**
 * Parses a Markdown body once and returns its headings (slugged exactly as the reader slugs
 * them), plain text, internal links and problems. Lines are 1-based within the body.
 */
export function analyzeBody(body: string): BodyAnalysis {
  const tokens = parseContentMarkdown(body);
  const lines = body.split('\n');
  const headings: Heading[] = [];
  const links: InternalLink[] = [];
  const problems: BodyProblem[] = [];
  const textBlocks: string[] = [];
  const seenSlugs = new Map<string, number>();
  let blockLine = 1;
  let blockEnd = 1;

  tokens.forEach((token, index) => {
    if (token.map) [blockLine, blockEnd] = [token.map[0] + 1, token.map[1]];
    if (token.type === 'heading_open') {
      const inline = tokens[index + 1];
      const level = Number(token.tag.slice(1));
      // Same text and de-duplication as the reader's headingIds rule, so anchors always land.
      const headingText = inline?.children?.map((t) => t.content).join('') ?? inline?.content ?? '';
      const base = slugify(headingText) || 'section';
      const count = seenSlugs.get(base) ?? 0;
      seenSlugs.set(base, count + 1);
      headings.push({
        level,
        text: headingText,
        slug: count === 0 ? base : `${base}-${count + 1}`,
      });
      if (level === 1)
        problems.push({
          line: blockLine,
          message:
            'headings start at ## (the title is the only level-1 heading); use ## instead of #',
        });
    } else if (token.type === 'html_block') {
      problems.push({ line: blockLine, message: rawHtmlMessage(token.content) });
    } else if (token.type === 'inline') {
      textBlocks.push(inlineText(token));
      for (const child of token.children ?? []) {
        const line = findLine(lines, child, blockLine, blockEnd);
        if (child.type === 'html_inline') {
          // `<b>bold</b>` is one mistake: a closing tag after an opening one on its line adds nothing.
          const previous = problems.at(-1);
          if (!(
            child.content.startsWith('</') &&
            previous?.line === line &&
            previous.message.startsWith('raw HTML')
          ))
            problems.push({ line, message: rawHtmlMessage(child.content) });
        }
        if (child.type === 'image')
          problems.push({
            line,
            message:
              'images are not supported (content ships no pictures and must not load any); describe it in words',
          });
        else if (child.type === 'link_open')
          checkLink(String(child.attrGet('href') ?? ''), line, links, problems);
      }
    } else if (token.type === 'fence' || token.type === 'code_block') {
      textBlocks.push(token.content.trimEnd());
    }
  });

  return { headings, plainText: textBlocks.filter((t) => t !== '').join('\n'), links, problems };
}

function checkLink(
  href: string,
  line: number,
  links: InternalLink[],
  problems: BodyProblem[],
): void {
  const target = classifyHref(href);
  if (target.kind === 'document')
    links.push({ kind: 'document', id: target.id, section: target.section, line });
  else if (target.kind === 'anchor')
    links.push({ kind: 'anchor', id: null, section: target.section, line });
  else if (target.kind === 'refused')
    problems.push({ line, message: refusedLinkMessage(href, target.reason) });
}

function refusedLinkMessage(href: string, policyReason: string | undefined): string {
  const shown = href.length > 60 ? `${href.slice(0, 57)}...` : href;
  // An https: or mailto: link the external-link policy refused: its reason is the useful one.
  if (policyReason !== undefined && /^\s*(https|mailto):/i.test(href))
    return `link '${shown}' is refused: ${policyReason}`;
  if (/^http:/i.test(href))
    return `link '${shown}' uses http:; external links must use https: (or mailto:), so change it to https:// or remove the link`;
  if (href.startsWith('doc:'))
    return `link '${shown}' is not a valid document link; write doc:ID or doc:ID#heading-slug with a kebab-case id`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href))
    return `link '${shown}' uses a scheme the reader refuses; use https:, mailto:, doc:ID or #heading-slug`;
  return `link '${shown}' is not allowed; link documents with doc:ID, sections with #heading-slug, and the web with https:`;
}

function rawHtmlMessage(html: string): string {
  const first = html.trim().split('\n')[0] ?? '';
  const shown = first.length > 40 ? `${first.slice(0, 37)}...` : first;
  return `raw HTML '${shown}' is not rendered (it would show as text); write it in Markdown instead`;
}

/** Plain text of an inline token: text and code, with line breaks kept as spaces. */
function inlineText(token: Token): string {
  let out = '';
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') out += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') out += ' ';
  }
  return out.trim();
}

/** Inline tokens carry no line map, so find the line of a link or tag within its block. */
function findLine(lines: readonly string[], child: Token, start: number, end: number): number {
  const needle =
    child.type === 'link_open'
      ? String(child.attrGet('href') ?? '')
      : child.type === 'image'
        ? String(child.attrGet('src') ?? '')
        : child.content;
  if (needle !== '')
    for (let line = start; line <= Math.max(start, end); line++) {
      if (lines[line - 1]?.includes(needle)) return line;
    }
  return start;
}
