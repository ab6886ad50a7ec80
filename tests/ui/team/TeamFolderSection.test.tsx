// @vitest-environment jsdom
/**
 * Settings → "Team folder" before any folder is joined, over the real browser host, team session,
 * planner and annotations sessions (in-memory storage): what a browser that cannot open a folder
 * says, the button a remembered folder needs when the browser asks for permission again, and
 * (joined to a folder in memory) what the section says when a choice cannot be stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FolderAccess, FolderEntry } from '../../../renderer/src/core/team/folderAccess';
import { HybridClock, type MemberId } from '../../../renderer/src/core/team/hlc';
import { TeamSync } from '../../../renderer/src/core/team/teamSync';
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
import { teamSessionFor } from '../../../renderer/src/ui/team/openTeamSession';
import { TEAM_PREFERENCES_KEY } from '../../../renderer/src/ui/team/teamPreferences';
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

/** A team folder in memory: files by path, folders implied by them (no mtimes: never re-read). */
function memoryFolder(): FolderAccess {
  const files = new Map<string, Uint8Array>();
  return {
    list(dir) {
      const prefix = dir === '' ? '' : `${dir}/`;
      const entries = new Map<string, FolderEntry>();
      for (const [path, bytes] of files) {
        if (!path.startsWith(prefix)) continue;
        const [name = '', ...rest] = path.slice(prefix.length).split('/');
        entries.set(
          name,
          rest.length > 0
            ? { name, kind: 'directory', size: 0, modifiedMs: 0 }
            : { name, kind: 'file', size: bytes.length, modifiedMs: 0 },
        );
      }
      return Promise.resolve([...entries.values()]);
    },
    read(path, maxBytes) {
      const bytes = files.get(path);
      if (!bytes) return Promise.resolve({ status: 'missing' });
      if (bytes.length > maxBytes)
        return Promise.resolve({ status: 'tooLarge', size: bytes.length });
      return Promise.resolve({ status: 'ok', bytes });
    },
    writeAtomic(path, bytes) {
      files.set(path, bytes.slice());
      return Promise.resolve();
    },
    remove(path) {
      files.delete(path);
      return Promise.resolve();
    },
  };
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

  it('says so when the choice to share assessments cannot be stored', async () => {
    const folder = memoryFolder();
    const host = hostWith({
      ...nothingRemembered,
      available: true,
      choose: () => Promise.resolve({ folder, name: 'Task force' }),
    });
    const section = await renderSection(host);
    await click(getByRole(section, 'button', { name: 'Choose team folder' }));
    const session = await teamSessionFor(host);
    while (session.getSnapshot().status === 'joining') await renderSettled(null);
    // Joining ends with its first read: then the button's work is done, and its message said.
    await session.readNow();
    await renderSettled(null);
    (host.storage as MemoryStorage).failWritesTo.set(
      TEAM_PREFERENCES_KEY,
      new Error('The disk is full'),
    );
    await click(getByRole(section, 'checkbox', { name: 'Share assessments with the team' }));
    const said = () => queryAllByRole(section, 'status').map((status) => status.textContent);
    for (let tries = 0; tries < 20 && said().join('').trim() === ''; tries += 1) {
      await renderSettled(null);
    }
    expect(said().join(' ')).toContain('The disk is full');
    session.dispose();
  });

  it('says so when a teammate removed this member, and publishes nothing more', async () => {
    const folder = memoryFolder();
    const host = hostWith({
      ...nothingRemembered,
      available: true,
      choose: () => Promise.resolve({ folder, name: 'Task force' }),
    });
    const section = await renderSection(host);
    await click(getByRole(section, 'button', { name: 'Choose team folder' }));
    const session = await teamSessionFor(host);
    while (session.getSnapshot().status === 'joining') await renderSettled(null);
    // Alice, on her computer, removes this member: her member folder says so.
    const alice = 'alice00000000000' as MemberId;
    const clock = new HybridClock(alice);
    const aliceSync = new TeamSync({
      folder,
      me: alice,
      displayName: 'Alice',
      appVersion: 'test',
      clock,
    });
    await aliceSync.join();
    const at = clock.tick();
    await aliceSync.publish([{ kind: 'member', id: session.me, at, set: { removedAt: at } }]);
    const mine = `members/${session.me}`;
    const filesBefore = (await folder.list(mine)).map((entry) => entry.name);

    await session.readNow();
    await renderSettled(null);
    expect(session.getSnapshot().status).toBe('removed');
    expect(section.textContent).toContain('A teammate removed you from this team.');
    await session.publishNow();
    expect((await folder.list(mine)).map((entry) => entry.name)).toEqual(filesBefore);
    session.dispose();
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
