import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { DOC_ID_PATTERN } from './ids';
import { fieldName, type ContentIssue } from './issues';
import { locateYamlPath } from './yamlLocate';

const label = z.string().trim().min(1, { error: 'needs a short label' });
const vocabularyList = z.record(
  z.string().regex(DOC_ID_PATTERN, {
    error: 'ids are kebab-case (lowercase words joined by dashes)',
  }),
  label,
);

/** The schema of `content/vocabulary.yml`: topic, region and tier ids with their labels. */
export const vocabularySchema = z.strictObject({
  topics: vocabularyList,
  regions: vocabularyList,
  tiers: vocabularyList,
});

/** The controlled vocabulary front matter draws from. */
export type Vocabulary = z.infer<typeof vocabularySchema>;

/** Parses the text of `vocabulary.yml`, reporting problems with their lines. */
export function parseVocabulary(
  text: string,
  displayPath: string,
): { vocabulary: Vocabulary | null; issues: ContentIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0)
    return {
      vocabulary: null,
      issues: doc.errors.map((error) => ({
        file: displayPath,
        line: error.linePos?.[0].line ?? 1,
        field: 'vocabulary',
        message: `YAML error: ${cleanYamlMessage(error.message)}`,
      })),
    };
  const result = vocabularySchema.safeParse(doc.toJS());
  if (result.success) return { vocabulary: result.data, issues: [] };
  return {
    vocabulary: null,
    issues: result.error.issues.map((issue) => ({
      file: displayPath,
      line: locateYamlPath(doc, lineCounter, issue.path, 1),
      field: fieldName(issue.path),
      // A bad record key carries the key schema's own message one level down.
      message:
        issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message,
    })),
  };
}

/** The first line of a yaml error message without its position (the issue has the line). */
export function cleanYamlMessage(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}
