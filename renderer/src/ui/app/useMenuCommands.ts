import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../host/Host';
import { focusSearchField } from '../search/searchFieldFocus';
import { useHost } from '../common/HostContext';
import { menuCommandAction, menuTargetSelector } from './menuCommands';
import type { RouteId } from '../../core/routing/hashRoutes';

/** How long to wait for a lazily loaded page (and its stored data) to show its target. */
const TARGET_WAIT_MS = 5000;

/**
 * Focuses the marked element once it exists (pages and their data load after navigation), and
 * clicks it when asked to.
 */
function focusWhenShown(selector: string, activate: boolean): void {
  const started = performance.now();
  const attempt = (): void => {
    const element = document.querySelector<HTMLElement>(selector);
    if (element !== null) {
      if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
      element.focus();
      element.scrollIntoView({ block: 'start' });
      if (activate) element.click();
      return;
    }
    if (performance.now() - started < TARGET_WAIT_MS) requestAnimationFrame(attempt);
  };
  // After the new page has moved focus to its own heading, so this focus wins.
  requestAnimationFrame(attempt);
}

/** Carries out the desktop menu's File commands (the browser edition has no native menu). */
export function useMenuCommands(current: RouteId | null): void {
  const host = useHost();
  // The subscription lives as long as the host; the page it acts on is read when a command comes.
  const currentRef = useRef(current);
  useEffect(() => {
    currentRef.current = current;
  }, [current]);

  useEffect(() => {
    if (host.onMenuCommand === undefined) return undefined;
    return host.onMenuCommand((command: MenuCommand) => {
      const action = menuCommandAction(command, currentRef.current);
      if (action.kind === 'focus-search') focusSearchField(true);
      else if (action.kind === 'print') void host.print({ toPdf: false }).catch(() => undefined);
      else if (action.kind === 'open') window.location.hash = action.hash;
      else {
        if (window.location.hash.split('?')[0] !== action.hash) window.location.hash = action.hash;
        focusWhenShown(menuTargetSelector(action.target), action.activate);
      }
    });
  }, [host]);
}
