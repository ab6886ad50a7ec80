import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../../../locales/en';

/** The languages the interface speaks, with the locale `Intl` formats their dates and numbers in. */
export const LANGUAGES = { en: 'en-CA' } as const;
export type Language = keyof typeof LANGUAGES;

/**
 * The app's one i18next instance, ready on import: every catalogue is bundled (nothing is ever
 * fetched), so initialisation is synchronous and the first render already has its words.
 * React escapes interpolated values itself, so i18next must not escape them a second time.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: Object.keys(LANGUAGES),
  resources: { en },
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

/** The `Intl` locale of the current interface language, e.g. `en-CA`. */
export function currentLocale(): string {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return language in LANGUAGES ? LANGUAGES[language as Language] : LANGUAGES.en;
}

/** Words a message outside React (hooks' plain functions, announcements, document titles). */
export const t = i18n.t.bind(i18n);
