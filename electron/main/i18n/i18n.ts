/**
 * The desktop shell's words (menus, context menu, dialogs, messages main sends to the page), from
 * a message catalogue instead of Electron roles' built-in English labels, so the shell can be
 * translated like the page. One i18next instance, separate from the renderer's (main is another
 * process with its own bundle). A language is one more JSON file beside en.json with the same
 * keys (tests/unit/i18n/frenchCatalogue.test.ts checks fr.json), added to RESOURCES.
 */
import i18next from 'i18next';
import { isLanguage, type Language } from '../../shared/language';
import en from './en.json';
import fr from './fr.json';

/** Every language the shell speaks, with its catalogue. */
const RESOURCES: Record<Language, { shell: typeof en }> = { en: { shell: en }, fr: { shell: fr } };

const shell = i18next.createInstance();

// Every catalogue is bundled, so initialisation is synchronous and the first menu has its words.
// Nothing here is HTML: menus and native dialogs show text as it is, so nothing is escaped.
void shell.init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: Object.keys(RESOURCES),
  resources: RESOURCES,
  ns: ['shell'],
  defaultNS: 'shell',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The dotted paths of a catalogue's strings, e.g. `menu.file`. */
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of the shell's catalogue: a missing key is a type error, not a label showing its key. */
export type ShellKey = KeysOf<typeof en>;

/**
 * Speaks `language` from now on: menus built after this (see menu.ts) and every dialog main
 * shows. The page says which language when it starts and when the user changes it
 * (`app:setLanguage`); before that, main follows the system (index.ts).
 */
export function setShellLanguage(language: Language): void {
  if (shell.language !== language) void shell.changeLanguage(language);
}

/** The language the shell speaks now. */
export function shellLanguage(): Language {
  return isLanguage(shell.language) ? shell.language : 'en';
}

/** Words one message of the shell's catalogue, with its values. */
export function t(key: ShellKey, values?: Readonly<Record<string, string | number>>): string {
  return shell.t(key, values ?? {});
}

/** The product's name, as menus and dialog titles write it. */
export function appName(): string {
  return t('appName');
}
