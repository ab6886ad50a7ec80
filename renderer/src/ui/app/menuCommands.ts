/**
 * What the desktop's File menu commands do in the page. Search and Print act where you are;
 * Import and Export take you to the place that imports and exports what you are working on:
 * annotations from the reader or the Annotations page, the planner's backups and exports from
 * anywhere else. Import then opens the open dialog there, as its "Choose file…" button would.
 * Import content pack opens the Content packs page, asking it to focus its file input.
 * Pure, so the rule is tested without a browser.
 */
import { IMPORT_PACK_QUERY, routeHref } from '../../core/routing/hashRoutes';
import type { MenuCommand } from '../../host/Host';

/** The attribute that marks the heading a menu command moves focus to. */
export const MENU_TARGET_ATTRIBUTE = 'data-menu-target';

export type MenuAction =
  | { kind: 'focus-search' }
  | { kind: 'print' }
  /**
   * Go to `hash` (unless already there) and move focus to the element marked `target`; with
   * `activate`, then click it (the import control, which opens the open dialog).
   */
  | { kind: 'go-to'; hash: string; target: 'import' | 'export'; activate: boolean }
  /** Go to `hash`, query included: the page it opens acts on the query. */
  | { kind: 'open'; hash: string };

/**
 * The action for a command, given the id of the page that is showing (a RouteId; null when the
 * address matches no page). Typed as a string so this stays free of the route table's imports.
 */
export function menuCommandAction(command: MenuCommand, current: string | null): MenuAction {
  switch (command) {
    case 'search':
      return { kind: 'focus-search' };
    case 'print':
      return { kind: 'print' };
    case 'import':
    case 'export': {
      const annotating = current === 'annotations' || current === 'doc';
      const hash = annotating ? '#/annotations' : '#/planner';
      return { kind: 'go-to', hash, target: command, activate: command === 'import' };
    }
    case 'import-pack':
      return { kind: 'open', hash: `${routeHref('packs')}?${IMPORT_PACK_QUERY}` };
  }
}

/** The CSS selector of the element a go-to action focuses (the value is a space-separated list). */
export function menuTargetSelector(target: 'import' | 'export'): string {
  return `[${MENU_TARGET_ATTRIBUTE}~="${target}"]`;
}
