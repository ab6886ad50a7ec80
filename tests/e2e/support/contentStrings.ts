/**
 * The strings of the content the page loads, for the language walks (pseudoLocale.test.ts,
 * frenchWalk.test.ts): a visible text that is one of them is content, checked as content by
 * `npm run content:check`, not interface text that must come from the catalogue.
 */
import type { AppSession } from './fixtures';

/**
 * Every string in a JSON value; with `codesToo` false, not the lowercase ones, which in content
 * are ids and codes ("north", "lower-tier") rather than words a reader sees.
 */
export function stringsOf(value: unknown, into: Set<string>, codesToo = false): Set<string> {
  if (typeof value === 'string') {
    if (codesToo || /[A-Z\s]/.test(value)) into.add(value.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) stringsOf(item, into, codesToo);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) stringsOf(item, into, codesToo);
  }
  return into;
}

/**
 * The library's strings in one language, from the data files the app loads: English
 * (`catalog.json`, `documents.json`) or French (`catalog.fr.json`, `documents.fr.json`), whose
 * municipalities keep their official English names and sources their own titles.
 */
export async function contentStrings(app: AppSession, language: 'en' | 'fr'): Promise<Set<string>> {
  const strings = new Set<string>();
  const suffix = language === 'en' ? '' : `.${language}`;
  for (const file of [`data/catalog${suffix}.json`, `data/documents${suffix}.json`]) {
    const response = await app.context.request.get(new URL(file, app.baseURL).href);
    stringsOf(await response.json(), strings);
  }
  return strings;
}
