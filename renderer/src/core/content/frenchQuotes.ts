import { proseIssues } from './frenchProse';
import type { ContentIssue } from './issues';
import { markdownParts, type MarkdownPart } from './markdownParts';
import type { ParsedDocument } from './parseFile';

/** A double-quoted stretch of French prose, or a lone double quotation mark. */
export interface QuotedStretch {
  /** The stretch as written, quotation marks included (from the mark to the end of the text when unclosed). */
  text: string;
  /** Line (1-based, in the Markdown given) where its block starts. */
  line: number;
  /** The mark sits right against a `[...]{lang=en}` span: it belongs inside the span. */
  besideSpan: boolean;
}

const OPENING = '“';
const CLOSING = '”';
const STRAIGHT = '"';

/**
 * The double-quoted stretches ("…" or “…”) in the prose of some French Markdown. French prose
 * quotes with « »; double quotation marks belong to English wording, which a French version
 * quotes only inside a `[...]{lang=en}` span (marked `lang="en"` for WCAG 3.1.2 and checked
 * word for word against the English version). So the text of a span, inline code and code
 * blocks, and link addresses (never prose) are left out, and so is an inch mark: a straight `"`
 * right after a digit (`24"`) when no quotation is open.
 */
export function quotedStretches(markdown: string): QuotedStretch[] {
  const stretches: QuotedStretch[] = [];
  const parts = markdownParts(markdown);
  parts.forEach((part, index) => {
    if (part.english || part.code) return;
    const previous = parts[index - 1];
    const next = parts[index + 1];
    const spanBefore = previous !== undefined && spanOfBlock(previous, part);
    const spanAfter = next !== undefined && spanOfBlock(next, part);
    const text = part.text;
    let open = -1;
    for (let i = 0; i < text.length; i++) {
      const mark = text[i];
      if (mark !== STRAIGHT && mark !== OPENING && mark !== CLOSING) continue;
      if (open >= 0 && mark !== OPENING) {
        stretches.push({ text: text.slice(open, i + 1), line: part.line, besideSpan: false });
        open = -1;
      } else if (mark === STRAIGHT && /\d/.test(text[i - 1] ?? '')) {
        continue; // an inch mark: 24"
      } else if ((i === 0 && spanBefore) || (spanAfter && text.slice(i + 1).trim() === '')) {
        stretches.push({ text: mark, line: part.line, besideSpan: true });
      } else if (mark === CLOSING) {
        stretches.push({ text: mark, line: part.line, besideSpan: false });
      } else {
        if (open >= 0)
          stretches.push({ text: text.slice(open, i), line: part.line, besideSpan: false });
        open = i;
      }
    }
    if (open >= 0) stretches.push({ text: text.slice(open), line: part.line, besideSpan: false });
  });
  return stretches;
}

/** Whether `other` is an English span of the same block as `part` (blocks start on distinct lines). */
function spanOfBlock(other: MarkdownPart, part: MarkdownPart): boolean {
  return other.english && other.line === part.line;
}

/**
 * Issues for every double-quoted stretch outside an English span in a French version's
 * translated fields (title, summary, slides, block text, ...) and its body (unless
 * `bodyFrom: en`, whose body is the English one).
 */
export function frenchQuoteIssues(french: ParsedDocument): ContentIssue[] {
  return proseIssues(french, (text) =>
    quotedStretches(text).map((stretch) => ({
      line: stretch.line,
      message: quoteMessage(stretch),
    })),
  );
}

function quoteMessage(stretch: QuotedStretch): string {
  if (stretch.besideSpan)
    return `the quotation mark ${stretch.text} is outside the [...]{lang=en} span it belongs to; put it inside the span, as the English version writes the quotation (["Words."]{lang=en})`;
  const shown = stretch.text.length > 60 ? `${stretch.text.slice(0, 57)}...` : stretch.text;
  return `${shown} is in double quotation marks but not marked as English: French prose quotes with « » (U+00A0 inside); if it is AMO's or a municipality's English wording, put it, quotation marks included, in a [...]{lang=en} span word for word as the English version has it, followed by an unofficial French translation in « »; if it is French, write « » instead`;
}
