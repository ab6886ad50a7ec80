import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATA_DIR_ENV,
  PORTABLE_DATA_FOLDER,
  chooseProfileDir,
  documentsDir,
  logsDir,
  programDir,
  type ProgramLocation,
} from '../../../electron/main/dataDir';

const linux = (env: ProgramLocation['env'] = {}): ProgramLocation => ({
  env,
  exePath: '/opt/OnMuni Toolkit/onmuni-toolkit',
  platform: 'linux',
});
/** An AppImage runs from a read-only mount; APPIMAGE names the file the person downloaded. */
const appImage = (env: ProgramLocation['env'] = {}): ProgramLocation => ({
  env: {
    APPIMAGE: '/home/sam/Apps/OnMuni-Toolkit-0.1.0-x86_64.AppImage',
    APPDIR: '/tmp/.mount_OnMuniAbc123',
    ...env,
  },
  exePath: '/tmp/.mount_OnMuniAbc123/onmuni-toolkit',
  platform: 'linux',
});
const mac = (env: ProgramLocation['env'] = {}): ProgramLocation => ({
  env,
  exePath: '/Volumes/USB/OnMuni Toolkit.app/Contents/MacOS/OnMuni Toolkit',
  platform: 'darwin',
});
/** The portable .exe unpacks itself to a temporary folder and names its own folder in the env. */
const portable = (env: ProgramLocation['env'] = {}): ProgramLocation => ({
  env: { PORTABLE_EXECUTABLE_DIR: '/media/usb/OnMuni', ...env },
  exePath: '/tmp/2Xa9/OnMuni Toolkit.exe',
  platform: 'win32',
});

describe('programDir: where the person put the program', () => {
  it.each([
    ['an installed Linux app', linux(), '/opt/OnMuni Toolkit'],
    ['an AppImage: the folder of the .AppImage file, not its mount', appImage(), '/home/sam/Apps'],
    ['a macOS app: the folder holding the .app bundle', mac(), '/Volumes/USB'],
    ['the portable .exe: its own folder, not the temporary one', portable(), '/media/usb/OnMuni'],
  ])('%s', (_name, location, expected) => {
    expect(programDir(location)).toBe(resolve(expected));
  });
});

describe('chooseProfileDir', () => {
  it('keeps the default per-user folder when nothing asks otherwise', () => {
    expect(chooseProfileDir(linux())).toEqual({ dir: undefined, reason: 'default' });
    expect(chooseProfileDir(mac())).toEqual({ dir: undefined, reason: 'default' });
    expect(chooseProfileDir(appImage())).toEqual({ dir: undefined, reason: 'default' });
  });

  it('puts a portable copy’s data beside the .exe without any environment variable', () => {
    expect(chooseProfileDir(portable())).toEqual({
      dir: join(resolve('/media/usb/OnMuni'), PORTABLE_DATA_FOLDER),
      reason: 'portable',
    });
  });

  it('uses an absolute ONMUNI_DATA_DIR as given, even for a portable copy', () => {
    expect(chooseProfileDir(linux({ [DATA_DIR_ENV]: '/srv/onmuni' })).dir).toBe(
      resolve('/srv/onmuni'),
    );
    expect(chooseProfileDir(portable({ [DATA_DIR_ENV]: '/data/x' }))).toEqual({
      dir: resolve('/data/x'),
      reason: 'environment',
    });
  });

  it('ignores a blank ONMUNI_DATA_DIR', () => {
    expect(chooseProfileDir(linux({ [DATA_DIR_ENV]: '   ' })).reason).toBe('default');
  });

  it.each([
    ['an installed app', linux({ [DATA_DIR_ENV]: 'Data' }), '/opt/OnMuni Toolkit/Data'],
    ['an AppImage', appImage({ [DATA_DIR_ENV]: 'Data' }), '/home/sam/Apps/Data'],
    ['a macOS app', mac({ [DATA_DIR_ENV]: 'Data' }), '/Volumes/USB/Data'],
    ['the portable .exe', portable({ [DATA_DIR_ENV]: 'Data' }), '/media/usb/OnMuni/Data'],
  ])('resolves a relative ONMUNI_DATA_DIR against the program folder of %s', (_n, loc, dir) => {
    expect(chooseProfileDir(loc)).toEqual({ dir: resolve(dir), reason: 'environment' });
  });

  it.each([
    ['the AppImage mount', appImage({ [DATA_DIR_ENV]: '/tmp/.mount_OnMuniAbc123/data' })],
    ['the AppImage mount itself', appImage({ [DATA_DIR_ENV]: '/tmp/.mount_OnMuniAbc123' })],
    ['the .app bundle', mac({ [DATA_DIR_ENV]: 'OnMuni Toolkit.app/Contents/Data' })],
    [
      'the .app bundle, by an absolute path',
      mac({ [DATA_DIR_ENV]: '/Volumes/USB/OnMuni Toolkit.app/Contents/Resources' }),
    ],
  ])('never resolves inside %s: falls back to the default and says why', (_name, location) => {
    const choice = chooseProfileDir(location);
    expect(choice.dir).toBeUndefined();
    expect(choice.reason).toBe('default');
    expect(choice.warning).toMatch(/points inside the program's read-only folder/);
  });

  it('does not take a sibling folder with a similar name for the bundle', () => {
    const choice = chooseProfileDir(mac({ [DATA_DIR_ENV]: 'OnMuni Toolkit.app Data' }));
    expect(choice).toEqual({
      dir: resolve('/Volumes/USB/OnMuni Toolkit.app Data'),
      reason: 'environment',
    });
  });
});

describe('folders inside a profile', () => {
  it('keeps documents in data/ and logs in logs/', () => {
    expect(documentsDir('/p')).toBe(join('/p', 'data'));
    expect(logsDir('/p')).toBe(join('/p', 'logs'));
  });
});
