/**
 * The participant page's own small i18next instance, in English and French (issue 18): only the
 * `room` catalogues' `participant` part is registered, so a phone on hall Wi-Fi loads the page's
 * words and not the whole app's. (The bundle still carries each room.json whole: the app imports
 * the same files, so they sit in a chunk both share and the presenter's part cannot be dropped;
 * measured at about 2 KB gzipped.) Same settings as the app's instance
 * (ui/common/i18n/i18n.ts), which the page must not import: it carries every namespace. Every
 * participant text is set with textContent, so nothing is escaped here.
 *
 * The language: the one the participant chose on this page before (kept in localStorage), else
 * the phone's own (`navigator.languages`, as the app's first start reads it).
 */
import i18next from 'i18next';
import { isLanguage, systemLanguage, type Language } from '../../../electron/shared/language';
import { participant as en } from '../locales/en/room.json';
import { participant as fr } from '../locales/fr/room.json';

export type { Language };

/** The page's languages with the locale `Intl` formats their numbers in (as the app's). */
const LOCALES: Readonly<Record<Language, string>> = { en: 'en-CA', fr: 'fr-CA' };

/** Where the participant's choice of language is kept: not personal, so it may outlive the tab. */
const STORAGE_KEY = 'onmuni-room-language';

const i18n = i18next.createInstance();

void i18n.init({
  lng: 'en',
  // A key the French catalogue lacks shows the English words.
  fallbackLng: 'en',
  supportedLngs: Object.keys(LOCALES),
  resources: { en: { room: { participant: en } }, fr: { room: { participant: fr } } },
  ns: ['room'],
  defaultNS: 'room',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * Words a participant-page message in the page's current language: `t('join.code')` is
 * `room:participant.join.code` (no fixed language: each call reads the current one).
 */
export const t = i18n.getFixedT(null, 'room', 'participant');

/** The page's current language. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** The language the page starts in: the participant's earlier choice, else the phone's. */
export function startingLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage may be off (private mode): the phone's language it is.
  }
  return isLanguage(stored) ? stored : systemLanguage(navigator.languages);
}

/**
 * Speaks `language` from now on: the words, `<html lang>`, and (when the participant chose it)
 * the stored choice. The catalogues are in the bundle, so the change is immediate.
 */
export function setLanguage(language: Language, remember = false): void {
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  if (!remember) return;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not kept: the page speaks the chosen language until it is reloaded.
  }
}

const numbers = new Map<Language, Intl.NumberFormat>();

/** A count as the page's language writes it. */
export function formatCount(value: number): string {
  const language = currentLanguage();
  let format = numbers.get(language);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[language]);
    numbers.set(language, format);
  }
  return format.format(value);
}

const lists = new Map<Language, Intl.ListFormat>();

/** Items joined as the page's language joins a list ("a, b and c", « a, b et c »). */
export function formatList(items: string[]): string {
  const language = currentLanguage();
  let format = lists.get(language);
  if (format === undefined) {
    format = new Intl.ListFormat(LOCALES[language], { type: 'conjunction' });
    lists.set(language, format);
  }
  return format.format(items);
}
