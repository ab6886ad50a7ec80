/**
 * Test seam for the pseudo-locale test (tests/e2e/pseudoLocale.test.ts, issue 18): that test
 * must see, on every screen, which words came out of the catalogue, so it hands the page a copy
 * of the English catalogue with every message wrapped in markers and the app speaks that copy
 * in place of English. A window property is the only way in: the test sets
 * {@link CATALOGUE_TEST_SEAM} before any script runs (Playwright's addInitScript). Nothing in
 * the app sets it, the page's Content-Security-Policy allows no script but the app's own, and
 * the catalogue is not part of the build, so no user ever meets the pseudo-locale. The property
 * may only replace messages of namespaces the app already has, as strings, in English.
 */
import { i18n } from './i18n';

/** The window property that holds the test's catalogue (see the module comment). */
export const CATALOGUE_TEST_SEAM = '__onmuniTestCatalogue';

type Messages = { readonly [key: string]: string | Messages };

function isMessages(value: unknown): value is Messages {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((entry) => typeof entry === 'string' || isMessages(entry));
}

/** Puts the test's catalogue, if the page was given one, in place of the English messages. */
export function applyTestCatalogue(win: Window): void {
  const catalogue: unknown = (win as unknown as Record<string, unknown>)[CATALOGUE_TEST_SEAM];
  if (typeof catalogue !== 'object' || catalogue === null) return;
  for (const [namespace, messages] of Object.entries(catalogue)) {
    if (!i18n.hasResourceBundle('en', namespace) || !isMessages(messages)) continue;
    i18n.addResourceBundle('en', namespace, messages, true, true);
  }
}
