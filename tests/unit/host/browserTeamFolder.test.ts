/**
 * When the browser edition can offer a team folder. (Choosing, remembering and reading one run
 * in Chromium: tests/e2e/teamFolderAccess.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import {
  TEAM_FOLDER_TEST_SEAM,
  teamFolderAvailability,
} from '../../../renderer/src/host/browserTeamFolder';

const picker = (): Promise<never> => Promise.reject(new Error('not in a unit test'));

function windowWith(properties: Record<string, unknown>): Window {
  return properties as unknown as Window;
}

describe('teamFolderAvailability', () => {
  it('is available on a secure page of a browser with the File System Access API', () => {
    const win = windowWith({ isSecureContext: true, showDirectoryPicker: picker });
    expect(teamFolderAvailability(win)).toBe(true);
  });

  it('says the API is missing in a browser without it (Firefox, Safari)', () => {
    const win = windowWith({ isSecureContext: true });
    expect(teamFolderAvailability(win)).toEqual({ unavailableReason: 'noFileSystemAccess' });
  });

  it('says the page must be served on this computer when it is not a secure context', () => {
    // Browsers leave showDirectoryPicker out of such pages; the reason the user can act on wins.
    for (const win of [
      windowWith({ isSecureContext: false }),
      windowWith({ isSecureContext: false, showDirectoryPicker: picker }),
    ]) {
      expect(teamFolderAvailability(win)).toEqual({ unavailableReason: 'notThisComputer' });
    }
  });

  it('is available through the test seam only for a plain folder name', () => {
    const seam = (name: unknown) =>
      teamFolderAvailability(windowWith({ isSecureContext: false, [TEAM_FOLDER_TEST_SEAM]: name }));
    expect(seam('member-a')).toBe(true);
    for (const name of ['', '../x', '.hidden', 'a/b', 42, { name: 'x' }]) {
      expect(seam(name)).toEqual({ unavailableReason: 'notThisComputer' });
    }
  });
});
