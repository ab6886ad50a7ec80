import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, type Language } from '../../../../../electron/shared/language';
import { en } from '../../../locales/en';
import { fr } from '../../../locales/fr';

export type { Language };

/** The languages the interface speaks, with the locale `Intl` formats their dates and numbers in. */
export const LANGUAGES: Readonly<Record<Language, string>> = { en: 'en-CA', fr: 'fr-CA' };

/**
 * Each language's name in that language, as a language chooser shows it (Canada.ca's toggle
 * too): a reader looks for their own language's name, so these are not translated, and the
 * element showing one carries its `lang` (WCAG 3.1.2).
 */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  fr: 'Français',
};

/**
 * The app's one i18next instance, ready on import: every catalogue is bundled (nothing is ever
 * fetched), so initialisation is synchronous and the first render already has its words.
 * React escapes interpolated values itself, so i18next must not escape them a second time.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'en',
  // A French namespace not written yet (or a key missing from it) shows the English words.
  fallbackLng: 'en',
  supportedLngs: Object.keys(LANGUAGES),
  resources: { en, fr },
  ns: Object.keys(en),
  defaultNS: 'common',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  // A dynamic key (a template literal over an id) can miss the catalogue at run time; i18next
  // then shows the key itself. Say so on the console in every build, so that the end-to-end
  // walk through the screens (tests/e2e/catalogue.test.ts) catches it. Only a miss costs anything.
  saveMissing: true,
  saveMissingPlurals: false,
  missingKeyHandler: (_languages, ns, key) => {
    console.warn(`Missing catalogue key ${ns}:${key}`);
  },
});

/** The current interface language. */
export function currentLanguage(): Language {
  return interfaceLanguageOf(i18n);
}

/**
 * The interface language of an i18next instance: the language it resolved to (the one whose
 * catalogue it speaks), English for anything the app does not speak. One rule for code outside
 * React (`currentLanguage`) and components (`useInterfaceLanguage`).
 */
export function interfaceLanguageOf(instance: {
  resolvedLanguage?: string | undefined;
  language: string;
}): Language {
  const language = instance.resolvedLanguage ?? instance.language;
  return isLanguage(language) ? language : 'en';
}

/** The `Intl` locale of the current interface language, e.g. `en-CA` or `fr-CA`. */
export function currentLocale(): string {
  return LANGUAGES[currentLanguage()];
}

/**
 * Speaks `language` from now on: i18next changes language (at once, since every catalogue is
 * bundled), react-i18next re-renders every component that words something, and the page's
 * `lang` and `dir` follow, so assistive technology reads it with the right voice (WCAG 3.1.1).
 * The route is not touched, so the reader stays on the same document and section.
 */
export function setLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  // Core's tests import the catalogue in Node, where there is no page.
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.lang = language;
  root.dir = i18n.dir(language);
}

/** Words a message outside React (hooks' plain functions, announcements, document titles). */
export const t = i18n.t.bind(i18n);
