import { useEffect, useRef } from 'react';
import { useHost } from '../common/HostContext';
import { useSettings } from '../settings/SettingsContext';

/**
 * Opens the team folder joined in an earlier session again at start-up, whatever page the
 * window shows, so teammates' changes arrive without a visit to Settings. Renders nothing. A
 * window that never joined one loads no team code and opens no planner here: the host is asked
 * first whether it remembers a folder. (Renaming is the Settings page's: the name field is there.)
 */
export function TeamFolderStarter() {
  const host = useHost();
  const name = useSettings().settings.authorName.trim();
  const nameAtStart = useRef(name);
  useEffect(() => {
    const { teamFolder } = host;
    if (!teamFolder || teamFolder.available !== true) return;
    let live = true;
    teamFolder
      .restore()
      .then(async (remembered) => {
        if (remembered === null || !live) return;
        const { teamSessionFor } = await import('./openTeamSession');
        const session = await teamSessionFor(host);
        if (live) session.start(nameAtStart.current);
      })
      // The planner could not be opened (its own page says why), or the folder store failed
      // (Settings says so when the user looks).
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);
  return null;
}
