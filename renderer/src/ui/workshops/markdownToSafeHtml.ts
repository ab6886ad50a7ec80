import { renderMarkdown as render } from '../content/markdownRenderer';
import { t } from '../common/i18n/i18n';

// Slides, notes and block text go through the app's one Markdown pipeline (markdown-it with the
// content rules, then DOMPurify last); only its sanitised output is ever inserted.

const cache = new Map<string, string>();
const CACHE_LIMIT = 500;

/**
 * Sanitised HTML for Markdown from a document (`docId`) or a workshop block. Never throws: text
 * too large to show becomes a sentence saying so. Results are cached, since the presenter view
 * re-renders every second for its clock.
 */
export function markdownToSafeHtml(markdown: string, docId: string): string {
  const key = `${docId}\u0000${markdown}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let html: string;
  try {
    html = render(markdown, { docId, glossary: null }).html;
  } catch (error) {
    html = render(error instanceof Error ? error.message : t('workshops:errors.cannotShow'), {
      docId,
      glossary: null,
    }).html;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, html);
  return html;
}
