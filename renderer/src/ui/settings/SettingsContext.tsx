import type { ReactNode } from 'react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Settings } from '../../core/settings/settingsSchema';
import type { SettingsStore } from '../../core/settings/settingsStore';
import type { LoadReport } from '../../core/store/DocumentStorage';
import { applyAppearance } from './applyAppearance';

/** Where the latest change stands. */
export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; message: string };

export interface SettingsContextValue {
  settings: Settings;
  /** Changes settings at once on screen and saves them (after `delayMs`, for typing). */
  update(patch: Partial<Omit<Settings, 'version'>>, delayMs?: number): void;
  /** Saves a delayed change now (e.g. when a text field loses focus). */
  flush(): void;
  /**
   * The user has read the start-up notice. If invalid settings were repaired (the original is
   * safely kept aside), the repaired settings are saved so the notice does not return.
   */
  acknowledgeLoadProblem(): void;
  saveState: SaveState;
  /** What was found in storage at start-up, for the notice about damaged settings. */
  loadReport: LoadReport;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export interface SettingsProviderProps {
  /** A store that has already been loaded, so the first paint has the user's theme. */
  store: SettingsStore;
  loadReport: LoadReport;
  children: ReactNode;
}

/** Holds the user's settings, applies them to the page and persists every change. */
export function SettingsProvider({ store, loadReport, children }: SettingsProviderProps) {
  const [settings, setSettings] = useState<Settings>(store.db.data);
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const timer = useRef<number | undefined>(undefined);

  const save = useCallback(async () => {
    setSaveState({ status: 'saving' });
    try {
      await store.save();
      setSaveState({ status: 'saved' });
    } catch (error) {
      setSaveState({
        status: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }, [store]);

  const update = useCallback(
    (patch: Partial<Omit<Settings, 'version'>>, delayMs = 0) => {
      const next = { ...store.db.data, ...patch };
      store.replace(next);
      setSettings(next);
      applyAppearance(next);
      window.clearTimeout(timer.current);
      timer.current = undefined;
      if (delayMs > 0) {
        setSaveState({ status: 'saving' });
        timer.current = window.setTimeout(() => {
          timer.current = undefined;
          void save();
        }, delayMs);
      } else {
        void save();
      }
    },
    [store, save],
  );

  const flush = useCallback(() => {
    if (timer.current === undefined) return;
    window.clearTimeout(timer.current);
    timer.current = undefined;
    void save();
  }, [save]);

  const acknowledgeLoadProblem = useCallback(() => {
    if (loadReport.status === 'repaired' && loadReport.keptCopyAs !== null) void save();
  }, [loadReport, save]);

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
