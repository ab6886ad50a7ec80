import type { ContentDocument } from '../../core/content/model';
import type { GlossaryMatcher } from '../../core/markdown/glossaryMatcher';
import type { RenderedDocument } from '../../core/markdown/renderMarkdown';
import { renderMarkdown as render } from '../content/markdownRenderer';
import { wordError } from '../common/i18n/wordMessage';

/** What rendering a document gave: sanitised HTML and its headings, or why it could not. */
export type RenderOutcome =
  { ok: true; rendered: RenderedDocument } | { ok: false; message: string };

const cache = new WeakMap<ContentDocument, RenderOutcome>();

/**
 * Renders a document's body once per loaded document object (reopening a document, or going back
 * to it, costs nothing). Never throws: a body too large to show becomes a message.
 */
export function renderDocumentBody(
  doc: ContentDocument,
  glossary: GlossaryMatcher | null,
): RenderOutcome {
  const cached = cache.get(doc);
  if (cached) return cached;
  let outcome: RenderOutcome;
  try {
    outcome = { ok: true, rendered: render(doc.body, { docId: doc.id, glossary }) };
  } catch (error) {
    outcome = { ok: false, message: wordError(error) };
  }
  cache.set(doc, outcome);
  return outcome;
}
