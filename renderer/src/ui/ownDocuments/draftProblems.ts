import type { OwnCollectionContext } from '../../core/ownDocuments/buildCollection';
import { checkOwnContent } from '../../core/ownDocuments/buildCollection';
import type { OwnContent } from '../../core/ownDocuments/schema';
import { formatByteSize } from '../../../../electron/shared/byteSize';
import { currentLocale, t } from '../common/i18n/i18n';

/** The editor's fields, as problems are shown on them. */
export type DraftField = 'title' | 'summary' | 'topics' | 'body' | 'sources';

/** One thing to fix before a document can be saved, on a field or the document as a whole. */
export interface DraftProblem {
  field: DraftField | null;
  message: string;
}

/**
 * What stops `draft` from being saved as document `id`: first the fields a writer must fill
 * (worded for the editor), then, when those are there, the content rules a pack's document
 * follows (the same check an import of the exported pack runs, so what saves also exports) and
 * the size of the file the export writes, which a pack limits in bytes. The content rules' own
 * details are in English for now, as `npm run content:check` words them.
 */
export function draftProblems(
  id: string,
  draft: OwnContent,
  now: string,
  context: OwnCollectionContext & { ownIds: ReadonlySet<string> },
): DraftProblem[] {
  const required: DraftProblem[] = [];
  if (draft.title.trim() === '')
    required.push({ field: 'title', message: t('own:editor.errors.title') });
  if (draft.summary.trim() === '')
    required.push({ field: 'summary', message: t('own:editor.errors.summary') });
  if (draft.topics.length === 0)
    required.push({ field: 'topics', message: t('own:editor.errors.topics') });
  if (draft.sources.some((s) => s.title.trim() === '' || s.url.trim() === ''))
    required.push({ field: 'sources', message: t('own:editor.errors.source') });
  if (required.length > 0) return required;

  const checked = checkOwnContent(id, draft, now, context);
  const size: DraftProblem[] = checked.tooLarge
    ? [
        {
          field: 'body',
          message: t('own:editor.errors.tooLarge', {
            size: formatByteSize(checked.tooLarge.bytes, 'measured', currentLocale()),
            limit: formatByteSize(checked.tooLarge.limit, 'limit', currentLocale()),
          }),
        },
      ]
    : [];
  const rules = checked.issues.map((issue) => {
    const field = fieldOf(issue.field);
    const message =
      field === 'body'
        ? t('own:editor.bodyLine', {
            line: issue.line - checked.bodyStartLine + 1,
            problem: issue.message,
          })
        : issue.message;
    return { field, message };
  });
  return [...size, ...rules];
}

function fieldOf(name: string): DraftField | null {
  const root = name.replace(/[[.].*$/, '');
  return root === 'title' ||
    root === 'summary' ||
    root === 'topics' ||
    root === 'body' ||
    root === 'sources'
    ? root
    : null;
}
