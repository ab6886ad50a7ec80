import type { ReactNode } from 'react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
} from 'react';
import type { Settings } from '../../core/settings/settingsSchema';
import type { LoadReport } from '../../core/store/DocumentStorage';
import type { SaveState } from '../../core/store/StoreSession';
import { HostContext } from '../common/HostContext';
import { applyAppearance } from './applyAppearance';
import { applyLanguage } from './applyLanguage';
import type { SettingsSession } from './settingsSession';

// Functions, not methods: they are callbacks that need no `this`, so a component may pass them on.
export interface SettingsContextValue {
  settings: Settings;
  /** Changes settings at once on screen and saves them (after `delayMs`, for typing). */
  update: (patch: Partial<Omit<Settings, 'version'>>, delayMs?: number) => void;
  /** Saves a delayed change now (e.g. when a text field loses focus). */
  flush: () => void;
  /**
   * The user has read the start-up notice. If invalid settings were repaired (the original is
   * safely kept aside), the repaired settings are saved so the notice does not return.
   */
  acknowledgeLoadProblem: () => void;
  saveState: SaveState;
  /** What was found in storage at start-up, for the notice about damaged settings. */
  loadReport: LoadReport;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export interface SettingsProviderProps {
  /** Settings already loaded (see `openSettingsSession`), so the first paint has the theme. */
  session: SettingsSession;
  children: ReactNode;
}

/** Gives the user's settings to the app, applies them to the page as they change. */
export function SettingsProvider({ session, children }: SettingsProviderProps) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const { db: settings, saveState, loadReport } = snapshot;

  const update = useCallback(
    (patch: Partial<Omit<Settings, 'version'>>, delayMs = 0) => {
      const changed = session.apply((current) => ({ ...current, ...patch }), delayMs);
      if (changed.ok) applyAppearance(changed.result);
    },
    [session],
  );

  // The interface speaks the chosen language, and so do the desktop menus (told on start, and on
  // every change). With no choice stored it follows the system, also when the system changes.
  const host = useContext(HostContext);
  const language = settings.language;
  useEffect(() => {
    applyLanguage(language, host ?? undefined);
    if (language !== null) return;
    const follow = () => applyLanguage(null, host ?? undefined);
    window.addEventListener('languagechange', follow);
    return () => window.removeEventListener('languagechange', follow);
  }, [language, host]);

  const flush = useCallback(() => session.flush(), [session]);

  const acknowledgeLoadProblem = useCallback(() => {
    if (loadReport.status === 'repaired' && loadReport.keptCopyAs !== null) session.saveNow();
  }, [loadReport, session]);

  // A change still waiting for its delay must not be lost when the page or window closes.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const value = useMemo(
    () => ({ settings, update, flush, acknowledgeLoadProblem, saveState, loadReport }),
    [settings, update, flush, acknowledgeLoadProblem, saveState, loadReport],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

/** The user's settings and a way to change them. */
export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings() needs a <SettingsProvider> above it.');
  return value;
}
