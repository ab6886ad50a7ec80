import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, ipcChannels, ipcContract } from '../../../electron/shared/ipcContract';
import {
  MAX_STORED_PACK_FILE_BYTES,
  PACK_LIMITS,
  STORED_PACK_FILES,
} from '../../../electron/shared/packRules';
import { MAX_TEAM_FILE_BYTES } from '../../../electron/shared/teamFolderRules';

const packFiles = () =>
  Object.fromEntries(STORED_PACK_FILES.map((name) => [name, new Uint8Array([1, 2, 3])]));
const packRecord = {
  version: '1.2.0-rc.1',
  title: 'Northern stories',
  publisher: 'Township of Example',
  description: 'Case studies',
  created: '2026-03-01',
  installedAt: '2026-03-02T10:00:00.000Z',
  documentCount: 12,
  signedBy: 'ab'.repeat(32),
};

const teamToken = '0123456789abcdef'.repeat(2);

describe('ipcContract', () => {
  it('names every channel domain:action in lowercase camel case', () => {
    for (const channel of ipcChannels) expect(channel).toMatch(/^[a-z]+:[a-z][a-zA-Z]*$/);
    expect(ipcChannels).toEqual(
      expect.arrayContaining([
        'storage:read',
        'storage:write',
        'file:open',
        'file:save',
        'print:pdf',
        'print:page',
        'shell:openExternal',
        'app:info',
      ]),
    );
  });

  it.each([
    ['storage:read', { key: 'settings' }],
    ['storage:read', { key: 'planner-2026' }],
    ['storage:write', { key: 'settings', text: 'x'.repeat(MAX_TEXT_LENGTH) }],
    ['file:open', { title: 'Open', extensions: ['json', 'md'], maxBytes: 1024 }],
    [
      'file:save',
      { suggestedName: 'plan 2026-11-26 (copy).csv', extensions: ['csv'], contents: '' },
    ],
    ['print:pdf', { suggestedName: 'Guide — chapitre 1.pdf' }],
    ['print:page', {}],
    ['shell:openExternal', { url: 'https://www.amo.on.ca/' }],
    ['app:info', {}],
    ['app:setLanguage', { language: 'en' }],
    ['app:setLanguage', { language: 'fr' }],
    [
      'file:save',
      {
        suggestedName: 'north.onmunipack',
        extensions: ['onmunipack'],
        contents: new Uint8Array(9),
      },
    ],
    ['packs:list', {}],
    ['packs:listDamaged', {}],
    ['packs:readFile', { packId: 'north-2', version: '1.0.0', name: 'search-core.bin' }],
    ['packs:install', { id: 'north', version: packRecord, files: packFiles() }],
    [
      'packs:install',
      {
        id: 'north',
        version: { ...packRecord, description: undefined, signedBy: null },
        files: packFiles(),
      },
    ],
    ['packs:rollback', { packId: 'north' }],
    ['packs:remove', { packId: 'north' }],
    ['team:choose', {}],
    ['team:restore', {}],
    ['team:forget', {}],
    ['team:list', { token: teamToken, dir: '' }],
    ['team:list', { token: teamToken, dir: 'members/k3v9' }],
    ['team:read', { token: teamToken, path: 'members/k3v9/log-000001.json', maxBytes: 0 }],
    [
      'team:read',
      {
        token: teamToken,
        path: 'members/k3v9/log-000001 (conflicted copy).json',
        maxBytes: MAX_TEAM_FILE_BYTES,
      },
    ],
    [
      'team:write',
      { token: teamToken, path: 'onmuni-team.json', bytes: new Uint8Array(MAX_TEAM_FILE_BYTES) },
    ],
    ['team:remove', { token: teamToken, path: 'members/k3v9/snapshot-000001.json' }],
  ] as const)('accepts good input to %s', (channel, input) => {
    expect(ipcContract[channel].input.safeParse(input).success).toBe(true);
  });

  it.each([
    ['a path for an id', 'packs:remove', { packId: '../data' }],
    ['the id kept for own documents', 'packs:remove', { packId: 'own' }],
    [
      'a signer that is not a key',
      'packs:install',
      {
        id: 'north',
        version: { ...packRecord, signedBy: 'ab' },
        files: packFiles(),
      },
    ],
    ['a path for a file', 'packs:readFile', { packId: 'north', version: '1.0.0', name: '../x' }],
    ['a file not stored', 'packs:readFile', { packId: 'north', version: '1.0.0', name: 'a.md' }],
    [
      'a version that is not semver',
      'packs:readFile',
      { packId: 'n', version: '1', name: 'pack.json' },
    ],
    ['a path for a version', 'packs:rollback', { packId: 'north', version: '1.0.0' }],
    [
      'an unknown file',
      'packs:install',
      { id: 'north', version: packRecord, files: { ...packFiles(), 'x.bin': new Uint8Array(1) } },
    ],
    [
      'a missing file',
      'packs:install',
      { id: 'north', version: packRecord, files: { 'pack.json': new Uint8Array(1) } },
    ],
    [
      'text for bytes',
      'packs:install',
      { id: 'north', version: packRecord, files: { ...packFiles(), 'pack.json': '{}' } },
    ],
    [
      'a bad record',
      'packs:install',
      { id: 'north', version: { ...packRecord, documentCount: -1 }, files: packFiles() },
    ],
    [
      'an unknown signature state',
      'packs:install',
      {
        id: 'north',
        version: { ...packRecord, signature: { state: 'trusted' } },
        files: packFiles(),
      },
    ],
    [
      'a pack id for a path',
      'packs:install',
      { id: 'a/b', version: packRecord, files: packFiles() },
    ],
    ['a team path out of the folder', 'team:read', { token: teamToken, path: '../x', maxBytes: 1 }],
    [
      'a team file larger than the bound',
      'team:write',
      {
        token: teamToken,
        path: 'x.json',
        bytes: new Uint8Array(MAX_TEAM_FILE_BYTES + 1),
      },
    ],
    ['the team folder itself as a file', 'team:remove', { token: teamToken, path: '' }],
    ['a language the toolkit does not speak', 'app:setLanguage', { language: 'de' }],
    ['a locale for a language', 'app:setLanguage', { language: 'fr-CA' }],
    ['no language', 'app:setLanguage', {}],
  ] as const)('refuses %s', (_what, channel, input) => {
    expect(ipcContract[channel].input.safeParse(input).success).toBe(false);
  });

  // Zero-filled buffers are allocated lazily, so these cost little memory.
  it('saves bytes up to the size a pack may have, and no more', () => {
    const save = {
      suggestedName: 'north.onmunipack',
      extensions: ['onmunipack'],
      contents: new Uint8Array(PACK_LIMITS.maxFileBytes + 1),
    };
    expect(ipcContract['file:save'].input.safeParse(save).success).toBe(false);
    save.contents = new Uint8Array(PACK_LIMITS.maxFileBytes);
    expect(ipcContract['file:save'].input.safeParse(save).success).toBe(true);
  });

  it('refuses a stored pack file over its limit', () => {
    const files = {
      ...packFiles(),
      'pack.json': new Uint8Array(MAX_STORED_PACK_FILE_BYTES['pack.json'] + 1),
    };
    const install = { id: 'north', version: packRecord, files };
    expect(ipcContract['packs:install'].input.safeParse(install).success).toBe(false);
  });
});
