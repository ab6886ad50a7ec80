/**
 * Escaping of user text (notes, quotes, tags, names) for Markdown, so that whatever a person
 * typed is shown as typed and never becomes markup, a link or HTML in any Markdown renderer.
 */

/** Characters that start markup anywhere in a line: emphasis, code, links, HTML, tables. */
const INLINE_SIGNIFICANT = /[\\`*_{}[\]()<>#+!|~&]/g;

/** Escapes one line of user text. Leading spaces are dropped (they would make a code block). */
export function escapeMarkdownLine(line: string): string {
  const escaped = line.trimStart().replace(INLINE_SIGNIFICANT, (ch) => `\\${ch}`);
  // At the start of a line these make list items, setext underlines or thematic breaks.
  return escaped.replace(/^([-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Splits user text into lines, accepting any line ending. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Plain text as Markdown paragraphs: blank lines separate paragraphs and single line breaks are
 * kept as hard breaks (a trailing backslash), so the note reads as it was written.
 */
export function plainTextToMarkdown(text: string): string {
  const paragraphs: string[][] = [[]];
  for (const line of splitLines(text)) {
    if (line.trim() === '') {
      if ((paragraphs[paragraphs.length - 1] ?? []).length > 0) paragraphs.push([]);
    } else {
      paragraphs[paragraphs.length - 1]?.push(escapeMarkdownLine(line));
    }
  }
  return paragraphs
    .filter((p) => p.length > 0)
    .map((p) => p.join('\\\n'))
    .join('\n\n');
}

/** Plain text as a Markdown blockquote, every line escaped and quoted. */
export function plainTextToBlockquote(text: string): string {
  return splitLines(text)
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdownLine(line)}`))
    .join('\n');
}
