/**
 * The desktop shell's words (menus, context menu, dialogs, messages main sends to the page), from
 * a message catalogue instead of Electron roles' built-in English labels, so the shell can be
 * translated like the page. One i18next instance, separate from the renderer's (main is another
 * process with its own bundle); English only for now: a language is one more JSON file beside
 * en.json with the same keys, added to RESOURCES.
 */
import i18next from 'i18next';
import en from './en.json';

/** Every language the shell speaks, with its catalogue. */
const RESOURCES = { en: { shell: en } } as const;

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

/** Words one message of the shell's catalogue, with its values. */
export function t(key: ShellKey, values?: Readonly<Record<string, string | number>>): string {
  return shell.t(key, values ?? {});
}

/** The product's name, as menus and dialog titles write it. */
export function appName(): string {
  return t('appName');
}
