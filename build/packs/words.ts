import i18next from 'i18next';
import type { MessageRef } from '../../renderer/src/core/common/messageRef';
import { en } from '../../renderer/src/locales/en';

/**
 * The pack commands word what core names (refusals of a pack) with the app's English catalogue,
 * so a publisher reads the same sentence the app shows a user who imports the pack. Its own
 * i18next instance, as the desktop shell has (electron/main/i18n/i18n.ts): plain text, nothing
 * escaped.
 */
const words = i18next.createInstance();
void words.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en },
  ns: Object.keys(en),
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Words a message core named; a key missing from the catalogue shows the key and its values. */
export function wordRef(ref: MessageRef): string {
  if (!words.exists(ref.key)) return `${ref.key} ${JSON.stringify(ref.values ?? {})}`;
  return words.t(ref.key, ref.values ?? {});
}
