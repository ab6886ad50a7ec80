import { useDeferredValue, useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { wordError } from '../common/i18n/wordMessage';
import { useHost } from '../common/HostContext';
import { renderMarkdown } from '../content/markdownRenderer';

export interface MarkdownPreviewProps {
  markdown: string;
  /** The document's library id (`own--<id>`): its `#section` links are made for it. */
  docId: string;
}

/**
 * The body as the reader will show it: rendered by the reader's one pipeline (markdown-it with
 * the content rules, then DOMPurify), so what the preview shows is what is safe to show. Typing
 * stays responsive on a long body: the preview follows a deferred copy of it.
 *
 * Links do not leave the editor (the draft would be left behind): external ones go to the host,
 * which asks first, as in the reader; links to documents do nothing here.
 */
export function MarkdownPreview({ markdown, docId }: MarkdownPreviewProps) {
  const { t } = useTranslation('own');
  const host = useHost();
  const deferred = useDeferredValue(markdown);
  const rendered = useMemo(() => {
    try {
      return { html: renderMarkdown(deferred, { docId, glossary: null }).html };
    } catch (error) {
      return { failed: wordError(error) };
    }
  }, [deferred, docId]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target instanceof Element)) return;
    const link = event.target.closest('a');
    if (!(link instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    if (link.hasAttribute('data-external')) void host.openExternal(link.href);
  };

  if ('failed' in rendered)
    return (
      <p className="own-preview__note">{t('editor.previewFailed', { reason: rendered.failed })}</p>
    );
  if (deferred.trim() === '')
    return <p className="own-preview__note">{t('editor.previewEmpty')}</p>;
  return (
    // The sanitised body cannot carry handlers, so link clicks are caught here (delegation).
    <div
      className="own-preview__body"
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: rendered.html }}
    />
  );
}
