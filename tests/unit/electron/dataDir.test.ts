import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR_ENV, documentsDir, profileDirFromEnv } from '../../../electron/main/dataDir';

describe('profileDirFromEnv', () => {
  it('is undefined when ONMUNI_DATA_DIR is unset or blank', () => {
    expect(profileDirFromEnv({}, '/opt/app')).toBeUndefined();
    expect(profileDirFromEnv({ [DATA_DIR_ENV]: '   ' }, '/opt/app')).toBeUndefined();
  });

  it('uses an absolute folder as given', () => {
    expect(profileDirFromEnv({ [DATA_DIR_ENV]: '/media/usb/OnMuni' }, '/opt/app')).toBe(
      resolve('/media/usb/OnMuni'),
    );
  });

  it('resolves a relative folder against the program folder', () => {
    expect(profileDirFromEnv({ [DATA_DIR_ENV]: 'OnMuniData' }, '/media/usb')).toBe(
      resolve('/media/usb/OnMuniData'),
    );
  });

  it('keeps documents in the data subfolder of the profile', () => {
    expect(documentsDir('/p')).toBe(join('/p', 'data'));
  });
});
