import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, ipcChannels, ipcContract } from '../../../electron/shared/ipcContract';
import { PACK_LIMITS } from '../../../electron/shared/packRules';

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
    [
      'file:save',
      {
        suggestedName: 'north.onmunipack',
        extensions: ['onmunipack'],
        contents: new Uint8Array(9),
      },
    ],
  ] as const)('accepts good input to %s', (channel, input) => {
    expect(ipcContract[channel].input.safeParse(input).success).toBe(true);
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
});
