import { createSettingsStore } from '../../core/settings/settingsStore';
import { defaultSettings, type Settings } from '../../core/settings/settingsSchema';
import type { DocumentStorage } from '../../core/store/DocumentStorage';
import type { Loaded } from '../../core/store/StoreBackend';
import { StoreSession } from '../../core/store/StoreSession';
import { wordError } from '../common/i18n/wordMessage';

/** The user's settings for this window: the one store every settings control changes. */
export type SettingsSession = StoreSession<Settings>;

/**
 * Loads the settings, before the first render, so the first paint already has the user's theme
 * and text size (reading one small document takes a few milliseconds on either host).
 */
export async function openSettingsSession(storage: DocumentStorage): Promise<SettingsSession> {
  const store = createSettingsStore(storage);
  let loaded: Loaded<Settings>;
  try {
    loaded = await store.load();
  } catch (error) {
    // load() reports storage failures itself; this catches anything unexpected, so the app
    // still starts with defaults.
    const reason = wordError(error);
    loaded = { data: defaultSettings(), report: { status: 'unreadable', reason } };
  }
  return new StoreSession(store, loaded);
}
