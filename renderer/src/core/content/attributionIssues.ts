import { checkAttribution, type AttributionProblem } from './attributionRule';
import type { ContentIssue } from './issues';
import type { ParsedDocument } from './parseFile';
import type { ReleaseText } from './releaseText';
import { MARKDOWN_FIELDS } from './workshopRules';

/**
 * Applies the attribution rule to everything a reader sees as prose: the body, the summary
 * (shown on cards), curated slide bullets and, in a workshop, each block's Markdown (shown in
 * the presenter view and the handout).
 */
export function attributionIssues(
  doc: ParsedDocument,
  release: ReleaseText | null,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const add = (
    field: string,
    problems: AttributionProblem[],
    lineOf: (problem: AttributionProblem) => number,
  ) => {
    for (const problem of problems)
      issues.push({
        file: doc.file.displayPath,
        line: lineOf(problem),
        field,
        message: problem.message,
      });
  };
  add(
    'body',
    checkAttribution(doc.body, release),
    (problem) => doc.bodyStartLine + problem.line - 1,
  );
  const fields: Array<[string, ReadonlyArray<PropertyKey>, string]> = [
    ['summary', ['summary'], doc.frontMatter.summary],
  ];
  // Curated slide bullets are projected to a room: the same rule as the summary.
  doc.frontMatter.slides?.forEach((bullet, index) =>
    fields.push([`slides[${index}]`, ['slides', index], bullet]),
  );
  if (doc.frontMatter.type === 'workshop')
    doc.frontMatter.blocks.forEach((block, index) => {
      for (const name of MARKDOWN_FIELDS)
        fields.push([`blocks[${index}].${name}`, ['blocks', index, name], block[name]]);
    });
  for (const [field, path, text] of fields)
    add(field, checkAttribution(text, release), (problem) =>
      lineInField(doc, path, problem.phrase),
    );
  return issues;
}

/**
 * A YAML value may be folded or quoted, so its lines are not the file's: find the line of the
 * field that holds the attributing words, searching from the field's first line.
 */
function lineInField(
  doc: ParsedDocument,
  path: ReadonlyArray<PropertyKey>,
  phrase: string,
): number {
  const first = doc.lineOf(path);
  const lines = doc.file.text.replace(/\r\n?/g, '\n').split('\n');
  const words = phrase.split(/\s+/).filter((w) => w !== '');
  // The phrase may wrap: try its first four words, then fewer, on each line of the field.
  for (let count = Math.min(4, words.length); count >= 1; count--) {
    const needle = words.slice(0, count).join(' ');
    for (let line = first; line < Math.min(lines.length, first + 80); line++) {
      if (line > first && /^\S/.test(lines[line - 1] ?? '')) break;
      if (lines[line - 1]?.includes(needle)) return line;
    }
  }
  return first;
}
