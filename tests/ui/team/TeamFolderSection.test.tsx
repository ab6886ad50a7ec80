// @vitest-environment jsdom
/**
 * Settings → "Team folder" before any folder is joined, over the real browser host, team session,
 * planner and annotations sessions (in-memory storage): what a browser that cannot open a folder
 * says, and the button a remembered folder needs when the browser asks for permission again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type {
  OpenTeamFolder,
  TeamFolderHost,
} from '../../../renderer/src/core/team/teamFolderHost';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import type { Host } from '../../../renderer/src/host/Host';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { SettingsProvider } from '../../../renderer/src/ui/settings/SettingsContext';
import { openSettingsSession } from '../../../renderer/src/ui/settings/settingsSession';
import { TeamFolderSection } from '../../../renderer/src/ui/team/TeamFolderSection';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import { click, getByRole, queryAllByRole, renderSettled, unmountAll } from '../support/dom';

afterEach(unmountAll);

/** The browser host over fresh storage, with `teamFolder` in place of the real one. */
function hostWith(teamFolder: TeamFolderHost): Host {
  return { ...createBrowserHost(window), storage: new MemoryStorage(), teamFolder };
}

async function renderSection(host: Host): Promise<HTMLElement> {
  const settings = await openSettingsSession(host.storage);
  const { container } = await renderSettled(
    <HostContext.Provider value={host}>
      <SettingsProvider session={settings}>
        <TeamFolderSection />
      </SettingsProvider>
    </HostContext.Provider>,
  );
  // The session opens the planner and annotations first: let that finish.
  await renderSettled(null);
  return container;
}

const nothingRemembered = {
  choose: () => Promise.resolve(null),
  restore: () => Promise.resolve(null),
  forget: () => Promise.resolve(),
};

describe('Settings → Team folder', () => {
  it('says why a browser cannot offer one, and that file exchange still works', async () => {
    const section = await renderSection(
      hostWith({ ...nothingRemembered, available: { unavailableReason: 'notThisComputer' } }),
    );
    expect(getByRole(section, 'heading', { name: 'Team folder' })).toBeTruthy();
    expect(section.textContent).toContain('only when the toolkit is opened on this computer');
    expect(section.textContent).toContain('Exporting and importing files still works');
    expect(queryAllByRole(section, 'button', { name: 'Choose team folder' })).toEqual([]);
  });

  it('offers "Choose team folder", and says so when none was chosen', async () => {
    const section = await renderSection(hostWith({ ...nothingRemembered, available: true }));
    await click(getByRole(section, 'button', { name: 'Choose team folder' }));
    expect(getByRole(section, 'status').textContent).toBe('No folder was chosen.');
  });

  it('asks for permission again for a remembered folder, from the user’s click', async () => {
    let asked = 0;
    const section = await renderSection(
      hostWith({
        ...nothingRemembered,
        available: true,
        restore: () => Promise.resolve({ needsPermission: 'Task force' }),
        grantAgain: (): Promise<OpenTeamFolder | null> => {
          asked += 1;
          return Promise.resolve(null);
        },
      }),
    );
    expect(section.textContent).toContain(
      'The toolkit needs your permission again to use the team folder “Task force”.',
    );
    await click(getByRole(section, 'button', { name: 'Allow access to the team folder' }));
    expect(asked).toBe(1);
  });
});
