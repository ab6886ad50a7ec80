import type { KeyboardEvent } from 'react';
import { focusSearchField } from './searchFieldFocus';

/** Class of each result's title link; arrow keys move between these. */
export const RESULT_LINK_CLASS = 'search-result__link';

function resultLinks(): HTMLAnchorElement[] {
  return Array.from(document.querySelectorAll<HTMLAnchorElement>(`a.${RESULT_LINK_CLASS}`));
}

/** Focuses the first result's link; false when there are no results on screen. */
export function focusFirstResult(): boolean {
  const first = resultLinks()[0];
  first?.focus();
  return first !== undefined;
}

/**
 * Arrow keys within the results list: Down and Up move from result to result (Up from the first
 * goes back to the search field), Home and End jump, Escape returns to the field. Enter follows
 * the focused link as links always do.
 */
export function onResultsKeyDown(event: KeyboardEvent<HTMLElement>): void {
  const links = resultLinks();
  const at = links.findIndex((link) => link === document.activeElement);
  if (at === -1) return;
  let target: HTMLAnchorElement | undefined;
  switch (event.key) {
    case 'ArrowDown':
      target = links[Math.min(at + 1, links.length - 1)];
      break;
    case 'ArrowUp':
      if (at === 0) {
        event.preventDefault();
        focusSearchField();
        return;
      }
      target = links[at - 1];
      break;
    case 'Home':
      target = links[0];
      break;
    case 'End':
      target = links[links.length - 1];
      break;
    case 'Escape':
      event.preventDefault();
      focusSearchField();
      return;
    default:
      return;
  }
  event.preventDefault();
  target?.focus();
}
