import { translatedFields } from './inStep';
import type { ContentIssue } from './issues';
import type { ParsedDocument } from './parseFile';

/**
 * A French version's translated prose, each text with the field it comes from and the file line
 * it starts at: its translated front-matter fields (title, summary, slides, block text, ...) and
 * its body, unless `bodyFrom: en` (whose body is the English one).
 */
function proseOf(french: ParsedDocument): Array<{ field: string; text: string; start: number }> {
  const prose = translatedFields(french.frontMatter).map(([path, field, text]) => ({
    field,
    text,
    start: french.lineOf(path),
  }));
  if (french.bodyFrom === null)
    prose.push({ field: 'body', text: french.body, start: french.bodyStartLine });
  return prose;
}

/**
 * The French prose rules' one walk: `find` lists what is wrong in one text, each with its line in
 * that text (1 for its first) and its message. A front-matter field is located at its key; a
 * finding in the body at its own line.
 */
export function proseIssues(
  french: ParsedDocument,
  find: (text: string) => Iterable<{ line: number; message: string }>,
): ContentIssue[] {
  return proseOf(french).flatMap(({ field, text, start }) =>
    Array.from(find(text), ({ line, message }) => ({
      file: french.file.displayPath,
      line: field === 'body' ? start + line - 1 : start,
      field,
      message,
    })),
  );
}
