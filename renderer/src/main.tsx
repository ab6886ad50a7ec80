import '@ongov/ontario-design-system-global-styles/dist/styles/css/compiled/ontario-theme.min.css';
import './ui/styles/theme.css';
import './ui/styles/shell.css';
import './ui/styles/forms.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getHost } from './host';
import { App } from './ui/app/App';
import { HostContext } from './ui/common/HostContext';
import { t } from './ui/common/i18n/i18n';
import { applyTestCatalogue } from './ui/common/i18n/testCatalogue';
import { applyAppearance } from './ui/settings/applyAppearance';
import { applyLanguage } from './ui/settings/applyLanguage';
import { SettingsProvider } from './ui/settings/SettingsContext';
import { openSettingsSession } from './ui/settings/settingsSession';
import { wordError } from './ui/common/i18n/wordMessage';

/**
 * Loads the settings before the first render, so the first paint already has the user's theme
 * and speaks the user's language (never a flash of English before French).
 */
async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');

  // Only end-to-end tests hand the page a catalogue (see testCatalogue.ts).
  applyTestCatalogue(window);
  const host = getHost();
  const settings = await openSettingsSession(host.storage);
  applyAppearance(settings.getSnapshot().db);
  applyLanguage(settings.getSnapshot().db.language);

  createRoot(container).render(
    <StrictMode>
      <HostContext.Provider value={host}>
        <SettingsProvider session={settings}>
          <App />
        </SettingsProvider>
      </HostContext.Provider>
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  // Nothing rendered: say so in plain text rather than leave a blank window.
  const container = document.getElementById('root') ?? document.body;
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = t('app:startFailed', {
    reason: wordError(error),
  });
  container.replaceChildren(message);
});
