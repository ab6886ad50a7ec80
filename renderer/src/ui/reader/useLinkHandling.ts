import { useCallback, type MouseEvent } from 'react';
import type { Host } from '../../host/Host';

/**
 * One click handler for every link in the reader (event delegation: the sanitised body cannot
 * carry handlers, and nothing may edit it). External links (`a[data-external]`, made by the
 * Markdown link rule and by the sources list) never navigate the app window: they go to
 * `host.openExternal`, which asks first, naming the destination. In-app links navigate as links
 * do; a link to the section already in the address re-scrolls, since no hashchange will come.
 */
export function useLinkHandling(host: Host, goToSection: (slug: string) => void) {
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (!(event.target instanceof Element)) return;
      const link = event.target.closest('a');
      if (!link || !event.currentTarget.contains(link) || event.defaultPrevented) return;
      if (link.hasAttribute('data-external')) {
        // Every button and modifier: a middle or Ctrl-click must not open a tab unasked either.
        event.preventDefault();
        if (event.button === 0 || event.button === 1) void host.openExternal(link.href);
        return;
      }
      const href = link.getAttribute('href') ?? '';
      if (event.button === 0 && href === window.location.hash) {
        const section = new URLSearchParams(href.split('?')[1] ?? '').get('section');
        if (section !== null) goToSection(section);
      }
    },
    [host, goToSection],
  );
}
