/**
 * The languages the toolkit speaks, as codes (`en`, `fr`): what the settings store, what the
 * page tells the desktop shell over IPC (`app:setLanguage`), and what `lang` on the page says.
 * Pure, like the rest of electron/shared, so main, the IPC contract and the renderer's core share
 * it; the words (and the `Intl` locale each formats in) belong to the interface (ui/common/i18n).
 */
export const LANGUAGE_CODES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGE_CODES)[number];

/** True for a code the toolkit speaks. */
export function isLanguage(value: unknown): value is Language {
  return LANGUAGE_CODES.some((code) => code === value);
}

/**
 * The language a first start speaks, from the system's preferred languages in order (BCP 47 tags
 * such as `fr-CA`, as `navigator.languages` or Electron's `app.getLocale()` give them): the first
 * one the toolkit speaks wins, so `['fr-CA', 'en-CA']` gives French and `['de', 'fr']` too;
 * with none of them, English.
 */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}
