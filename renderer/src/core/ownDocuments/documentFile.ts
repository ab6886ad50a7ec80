import { stringify } from 'yaml';
import type { Vocabulary } from '../content/vocabulary';
import { packDocumentPath, type PackDocumentFile } from '../packs/writePack';
import type { OwnContent, OwnDocument } from './schema';

/**
 * An own document as the Markdown file a pack holds: front matter of type `local-document` (the
 * schema and vocabulary of `content/`) and the body. The app builds its collection from these
 * files with the pack reader's own functions, and exports them as they are, so what the library
 * shows, what search finds and what a neighbour imports are one and the same document.
 */
export interface OwnDocumentFile extends PackDocumentFile {
  /** The file line of the body's first line (issues on the body count from it). */
  bodyStartLine: number;
}

/** The day of `timestamp` where the user is, `YYYY-MM-DD` (front matter's `updated`). */
export function localIsoDate(timestamp: string): string {
  const date = new Date(timestamp);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The file of document `id` with `content`, last updated at `updated` (an ISO timestamp). With
 * `vocabulary`, topics the vocabulary no longer has are left out (a later library may retire
 * one); without it they are written as they are, for the editor's check to report.
 */
export function ownDocumentFile(
  id: string,
  content: OwnContent,
  updated: string,
  vocabulary?: Vocabulary,
): OwnDocumentFile {
  const topics =
    vocabulary === undefined
      ? content.topics
      : content.topics.filter((topic) => Object.hasOwn(vocabulary.topics, topic));
  const fields = {
    id,
    type: 'local-document',
    title: content.title,
    summary: content.summary,
    topics,
    updated: localIsoDate(updated),
    ...(content.sources.length === 0
      ? {}
      : { sources: content.sources.map(({ title, url }) => ({ title, url })) }),
  };
  // No line folding: a long title stays on its line, so issues point at the field's line.
  const frontMatter = stringify(fields, { lineWidth: 0 });
  const text = `---\n${frontMatter}---\n${content.body}`;
  return {
    path: packDocumentPath('local-document', id),
    text,
    bodyStartLine: frontMatter.split('\n').length + 2,
  };
}

/** The file of a stored document, as it is now. */
export function storedDocumentFile(doc: OwnDocument, vocabulary?: Vocabulary): OwnDocumentFile {
  return ownDocumentFile(doc.id, doc, doc.updated, vocabulary);
}
