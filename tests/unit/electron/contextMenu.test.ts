import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const popup = vi.fn();
  return {
    popup,
    window: { id: 1 },
    Menu: { buildFromTemplate: vi.fn(() => ({ popup })) },
    BrowserWindow: { fromWebContents: vi.fn() },
  };
});
vi.mock('electron', () => electron);

import {
  buildContextMenuTemplate,
  installContextMenu,
  type ContextMenuInput,
  type ContextMenuOptions,
} from '../../../electron/main/contextMenu';

beforeEach(() => {
  vi.clearAllMocks();
  electron.BrowserWindow.fromWebContents.mockReturnValue(electron.window);
});

const allFlags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const noFlags = { canCut: false, canCopy: false, canPaste: false, canSelectAll: false };

function params(overrides: Partial<ContextMenuInput> = {}): ContextMenuInput {
  return {
    isEditable: false,
    editFlags: allFlags,
    selectionText: '',
    misspelledWord: '',
    dictionarySuggestions: [],
    ...overrides,
  };
}

function options(overrides: Partial<ContextMenuOptions> = {}): ContextMenuOptions {
  return {
    spellcheck: false,
    replaceMisspelling: vi.fn(),
    addToDictionary: vi.fn(),
    ...overrides,
  };
}

/** One short name per item: its role, its label, or '---' for a separator. */
function names(template: MenuItemConstructorOptions[]): string[] {
  return template.map((item) =>
    item.type === 'separator' ? '---' : String(item.role ?? item.label ?? '?'),
  );
}

function enabledOf(template: MenuItemConstructorOptions[]): Record<string, boolean | undefined> {
  return Object.fromEntries(
    template.filter((item) => item.role).map((item) => [String(item.role), item.enabled]),
  );
}

const misspelt = {
  isEditable: true,
  misspelledWord: 'councl',
  dictionarySuggestions: ['council', 'counsel'],
};

describe('buildContextMenuTemplate', () => {
  it.each<[string, Partial<ContextMenuInput>, Partial<ContextMenuOptions>, string[]]>([
    ['nothing: no menu', {}, {}, []],
    ['whitespace-only selection: no menu', { selectionText: ' \n ' }, {}, []],
    ['editable field', { isEditable: true }, {}, ['cut', 'copy', 'paste', 'selectAll']],
    [
      'editable field with a selection',
      { isEditable: true, selectionText: 'Ward 3' },
      {},
      ['cut', 'copy', 'paste', 'selectAll'],
    ],
    ['selected text elsewhere', { selectionText: 'Ward 3' }, {}, ['copy', 'selectAll']],
    [
      'misspelling, spellcheck on',
      misspelt,
      { spellcheck: true },
      ['council', 'counsel', 'Add to dictionary', '---', 'cut', 'copy', 'paste', 'selectAll'],
    ],
    [
      'misspelling without suggestions, spellcheck on',
      { ...misspelt, dictionarySuggestions: [] },
      { spellcheck: true },
      ['Add to dictionary', '---', 'cut', 'copy', 'paste', 'selectAll'],
    ],
    [
      'misspelling, spellcheck off',
      misspelt,
      { spellcheck: false },
      ['cut', 'copy', 'paste', 'selectAll'],
    ],
    [
      'spellcheck on but no misspelled word',
      { isEditable: true, dictionarySuggestions: ['stray'] },
      { spellcheck: true },
      ['cut', 'copy', 'paste', 'selectAll'],
    ],
    [
      'a misspelled word outside an editable field is ignored',
      { ...misspelt, isEditable: false },
      { spellcheck: true },
      [],
    ],
  ])('%s', (_name, input, opts, expected) => {
    expect(names(buildContextMenuTemplate(params(input), options(opts)))).toEqual(expected);
  });

  it.each([
    ['canCut', 'cut'],
    ['canCopy', 'copy'],
    ['canPaste', 'paste'],
    ['canSelectAll', 'selectAll'],
  ] as const)('in an editable field, %s false disables only %s', (flag, role) => {
    const template = buildContextMenuTemplate(
      params({ isEditable: true, editFlags: { ...allFlags, [flag]: false } }),
      options(),
    );
    expect(enabledOf(template)).toEqual({
      cut: true,
      copy: true,
      paste: true,
      selectAll: true,
      [role]: false,
    });
  });

  it('enables Copy and Select All on a selection from editFlags', () => {
    const template = buildContextMenuTemplate(
      params({ selectionText: 'x', editFlags: { ...noFlags, canCopy: true } }),
      options(),
    );
    expect(enabledOf(template)).toEqual({ copy: true, selectAll: false });
  });

  it('never has a leading, trailing or double separator', () => {
    for (const isEditable of [true, false]) {
      for (const selectionText of ['', 'text']) {
        for (const misspelledWord of ['', 'councl']) {
          for (const spellcheck of [true, false]) {
            for (const dictionarySuggestions of [[], ['council']]) {
              const found = names(
                buildContextMenuTemplate(
                  params({ isEditable, selectionText, misspelledWord, dictionarySuggestions }),
                  options({ spellcheck }),
                ),
              );
              const label = JSON.stringify(found);
              expect(found[0], label).not.toBe('---');
              expect(found.at(-1), label).not.toBe('---');
              expect(found.join(' '), label).not.toContain('--- ---');
            }
          }
        }
      }
    }
  });

  it('offers nothing that leaves the app or opens developer tools', () => {
    const template = buildContextMenuTemplate(
      params({ ...misspelt, selectionText: 'council' }),
      options({ spellcheck: true }),
    );
    const text = JSON.stringify(template).toLowerCase();
    for (const word of ['inspect', 'devtools', 'search', 'google', 'lookup', 'share', 'open']) {
      expect(text).not.toContain(word);
    }
  });

  it('replaces the misspelling with the chosen suggestion and adds words to the dictionary', () => {
    const opts = options({ spellcheck: true });
    const template = buildContextMenuTemplate(params(misspelt), opts);
    template[1]?.click?.({} as never, undefined, {});
    expect(opts.replaceMisspelling).toHaveBeenCalledExactlyOnceWith('counsel');
    template[2]?.click?.({} as never, undefined, {});
    expect(opts.addToDictionary).toHaveBeenCalledExactlyOnceWith('councl');
  });
});

class FakeContents extends EventEmitter {
  replaceMisspelling = vi.fn();
  session = { addWordToSpellCheckerDictionary: vi.fn(() => true) };
}

function install(spellcheck: boolean) {
  const contents = new FakeContents();
  installContextMenu(contents as unknown as WebContents, { spellcheck });
  return contents;
}

function lastTemplate(): MenuItemConstructorOptions[] {
  const call = electron.Menu.buildFromTemplate.mock.calls.at(-1) as unknown[] | undefined;
  if (!call) throw new Error('no menu was built');
  return call[0] as MenuItemConstructorOptions[];
}

describe('installContextMenu', () => {
  it('pops the menu up over the window when there is something to offer', () => {
    const contents = install(false);
    contents.emit('context-menu', {}, params({ isEditable: true }));
    expect(electron.BrowserWindow.fromWebContents).toHaveBeenCalledWith(contents);
    expect(electron.popup).toHaveBeenCalledExactlyOnceWith({ window: electron.window });
    expect(names(lastTemplate())).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('shows no menu when there is nothing to offer', () => {
    const contents = install(true);
    contents.emit('context-menu', {}, params());
    expect(electron.Menu.buildFromTemplate).not.toHaveBeenCalled();
    expect(electron.popup).not.toHaveBeenCalled();
  });

  it('wires suggestions to replaceMisspelling and Add to dictionary to the session', () => {
    const contents = install(true);
    contents.emit('context-menu', {}, params(misspelt));
    const [first, , add] = lastTemplate();
    first?.click?.({} as never, undefined, {});
    expect(contents.replaceMisspelling).toHaveBeenCalledExactlyOnceWith('council');
    add?.click?.({} as never, undefined, {});
    expect(contents.session.addWordToSpellCheckerDictionary).toHaveBeenCalledExactlyOnceWith(
      'councl',
    );
  });

  it('offers no suggestions when spellcheck is off', () => {
    const contents = install(false);
    contents.emit('context-menu', {}, params(misspelt));
    expect(names(lastTemplate())).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('labels the editing items itself, from the catalogue, rather than leaving it to a role', () => {
    const contents = install(true);
    contents.emit('context-menu', {}, params(misspelt));
    expect(lastTemplate().map((item) => item.label ?? '---')).toEqual([
      'council',
      'counsel',
      'Add to dictionary',
      '---',
      'Cut',
      'Copy',
      'Paste',
      'Select All',
    ]);
  });
});
