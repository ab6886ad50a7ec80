import { ENGLISH_SPAN_END } from './rules/englishSpans';

/** A piece of a plain-text field: French (the document's language) or English wording. */
export interface TextPart {
  text: string;
  english: boolean;
}

/**
 * Splits a plain-text field of a French document (a title, a summary, a slide point shown as
 * text) at its `[text]{lang=en}` spans, as the Markdown rule does for bodies (same syntax, same
 * rule: a span holds no unescaped brackets and is not empty; anything else is left as text). A
 * plain field is not Markdown, so a span's text is kept as written (`a\]b` with its backslash,
 * where a body shows "a]b"). Linear: each `[` looks ahead no further than the next bracket.
 */
export function splitEnglishSpans(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let plainFrom = 0;
  let at = text.indexOf('[');
  while (at !== -1) {
    let end = at + 1;
    // A backslash escapes the next character, as in the Markdown rule: `[a\]b]{lang=en}` is one
    // span in both.
    while (end < text.length && text[end] !== '[' && text[end] !== ']')
      end += text[end] === '\\' ? 2 : 1;
    if (text[end] === ']' && end > at + 1 && text.startsWith(ENGLISH_SPAN_END, end)) {
      if (at > plainFrom) parts.push({ text: text.slice(plainFrom, at), english: false });
      parts.push({ text: text.slice(at + 1, end), english: true });
      plainFrom = end + ENGLISH_SPAN_END.length;
      at = text.indexOf('[', plainFrom);
    } else {
      at = text[end] === '[' ? end : text.indexOf('[', end);
    }
  }
  if (plainFrom < text.length) parts.push({ text: text.slice(plainFrom), english: false });
  return parts;
}

/** The text without the span markup (`[`, `]{lang=en}`), as it reads. */
export function stripEnglishSpans(text: string): string {
  return splitEnglishSpans(text)
    .map((part) => part.text)
    .join('');
}
