/** The id of the header's search field: results hand focus back to it by this id. */
export const SEARCH_FIELD_ID = 'global-search';

let keepFocusOnArrival = false;

/** Puts focus in the search field, optionally selecting its text (as Ctrl+K does). */
export function focusSearchField(select = false): void {
  const field = document.getElementById(SEARCH_FIELD_ID);
  if (!(field instanceof HTMLInputElement)) return;
  field.focus();
  if (select) field.select();
}

/**
 * Called when typing in the field opens the Search page. A newly shown page moves focus to its
 * h1 (for screen reader users arriving by a link); here that would take the field away from
 * someone mid-word, so the Search page gives focus back once it has mounted.
 */
export function keepSearchFieldFocusOnArrival(): void {
  keepFocusOnArrival = true;
}

/** Run by the Search page after its first render: returns focus to the field if asked to. */
export function restoreSearchFieldFocus(): void {
  if (!keepFocusOnArrival) return;
  keepFocusOnArrival = false;
  focusSearchField();
}
