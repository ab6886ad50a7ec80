import type { DocumentStorage } from '../store/DocumentStorage';
import type { StoreBackend } from '../store/StoreBackend';
import { createJsonDocumentBackend } from '../store/jsonDocumentBackend';
import { parseSettings } from './migrateSettings';
import type { Settings } from './settingsSchema';
import { defaultSettings } from './settingsSchema';

/** The name of the settings document in host storage. */
export const SETTINGS_KEY = 'settings';

/** The store (one lowdb document) holding the user's settings. */
export type SettingsStore = StoreBackend<Settings>;

/** Creates the settings store over a host's storage; `load()` gives the settings and a report. */
export function createSettingsStore(storage: DocumentStorage): SettingsStore {
  return createJsonDocumentBackend({
    storage,
    key: SETTINGS_KEY,
    parse: parseSettings,
    defaults: defaultSettings,
  });
}
