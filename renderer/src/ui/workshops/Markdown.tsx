import type { MouseEvent } from 'react';
import { useHost } from '../common/HostContext';
import { markdownToSafeHtml } from './markdownToSafeHtml';

export interface MarkdownProps {
  markdown: string;
  /** The document the text comes from (for its links), or the workshop's id for block text. */
  docId: string;
  className?: string;
}

/**
 * Markdown rendered through the app's pipeline. External links (`a[data-external]`) never load
 * in the app window: they go to the host, which asks first.
 */
export function Markdown({ markdown, docId, className }: MarkdownProps) {
  const host = useHost();
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target instanceof Element)) return;
    const link = event.target.closest('a[data-external]');
    if (!(link instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    void host.openExternal(link.href);
  };
  return (
    // The sanitised body cannot carry handlers, so link clicks are caught here (delegation).
    <div
      className={className}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: markdownToSafeHtml(markdown, docId) }}
    />
  );
}
