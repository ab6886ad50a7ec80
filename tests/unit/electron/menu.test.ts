import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() } }));

import { setShellLanguage } from '../../../electron/main/i18n/i18n';
import { buildMenuTemplate, type MenuOptions } from '../../../electron/main/menu';

function template(overrides: Partial<MenuOptions> = {}) {
  const options = {
    isMac: false,
    isDev: false,
    send: vi.fn(),
    showMainWindow: vi.fn(),
    ...overrides,
  };
  return { options, menu: buildMenuTemplate(options) };
}

/** Every item of the template, depth first. */
function items(menu: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}

function roles(menu: readonly MenuItemConstructorOptions[]): string[] {
  return items(menu).flatMap((item) => (item.role === undefined ? [] : [item.role]));
}

function submenu(menu: readonly MenuItemConstructorOptions[], label: string) {
  const found = menu.find((item) => item.label === label);
  return (found?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View (zoom, full screen), Window and Help', () => {
    const { menu } = template();
    expect(menu.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    for (const role of [
      'editMenu',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'about',
    ]) {
      expect(roles(menu)).toContain(role);
    }
  });

  it.each([
    ['Search…', 'CommandOrControl+K', 'search'],
    ['Import…', 'CommandOrControl+O', 'import'],
    ['Export…', 'CommandOrControl+Shift+E', 'export'],
    ['Print…', 'CommandOrControl+P', 'print'],
  ] as const)('File → %s (%s) sends "%s" to the page', (label, accelerator, command) => {
    const { menu, options } = template();
    const item = submenu(menu, 'File').find((candidate) => candidate.label === label);
    expect(item?.accelerator).toBe(accelerator);
    (item?.click as () => void)();
    expect(options.send).toHaveBeenCalledWith(command);
  });

  it('File → Import Content Pack… sends "import-pack" to the page', () => {
    const { menu, options } = template();
    const item = submenu(menu, 'File').find(
      (candidate) => candidate.label === 'Import Content Pack…',
    );
    (item?.click as () => void)();
    expect(options.send).toHaveBeenCalledWith('import-pack');
  });

  it('ends File with Exit on Windows and Linux, and Close on macOS (whose app menu has Quit)', () => {
    expect(submenu(template().menu, 'File').at(-1)).toMatchObject({ role: 'quit', label: 'Exit' });
    const mac = template({ isMac: true }).menu;
    expect(submenu(mac, 'File').at(-1)).toMatchObject({ role: 'close' });
    expect(mac[0]).toMatchObject({ role: 'appMenu', label: 'OnMuni Toolkit' });
    expect((mac[0]?.submenu as MenuItemConstructorOptions[]).map((item) => item.label)).toEqual([
      'About OnMuni Toolkit',
      undefined,
      'Services',
      undefined,
      'Hide OnMuni Toolkit',
      'Hide Others',
      'Show All',
      undefined,
      'Quit OnMuni Toolkit',
    ]);
  });

  it('labels every item itself, from the catalogue, rather than leaving it to a role', () => {
    for (const isMac of [false, true]) {
      for (const isDev of [false, true]) {
        for (const item of items(template({ isMac, isDev }).menu)) {
          if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toBeTruthy();
        }
      }
    }
    const edit = submenu(template().menu, 'Edit');
    expect(edit.map((item) => item.label ?? '---')).toEqual([
      'Undo',
      'Redo',
      '---',
      'Cut',
      'Copy',
      'Paste',
      'Delete',
      '---',
      'Select All',
    ]);
    expect(submenu(template().menu, 'View').map((item) => item.label ?? '---')).toEqual([
      'Actual Size',
      'Zoom In',
      'Zoom Out',
      'Zoom In',
      'Zoom In',
      'Zoom Out',
      'Actual Size',
      '---',
      'Toggle Full Screen',
    ]);
  });

  it('zooms with Ctrl+= and the keypad too, through hidden aliases', () => {
    const view = submenu(template().menu, 'View');
    const hidden = view.filter((item) => item.visible === false);
    expect(hidden.map((item) => [item.role, item.accelerator])).toEqual([
      ['zoomIn', 'CommandOrControl+='],
      ['zoomIn', 'CommandOrControl+numadd'],
      ['zoomOut', 'CommandOrControl+numsub'],
      ['resetZoom', 'CommandOrControl+num0'],
    ]);
    for (const item of hidden) expect(item.acceleratorWorksWhenHidden).toBe(true);
  });

  it('can always bring the main window back from the Window menu', () => {
    const { menu, options } = template();
    const item = submenu(menu, 'Window').find((candidate) => candidate.label === 'Main Window');
    expect(item?.accelerator).toBe('CommandOrControl+Shift+M');
    (item?.click as () => void)();
    expect(options.showMainWindow).toHaveBeenCalledTimes(1);
  });

  it('offers reload and developer tools only in development', () => {
    const production = roles(template().menu);
    const development = roles(template({ isDev: true }).menu);
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) {
      expect(production).not.toContain(role);
      expect(development).toContain(role);
    }
  });

  it('gives every visible item with an accelerator a unique one', () => {
    for (const isMac of [false, true]) {
      const accelerators = items(template({ isMac }).menu)
        .filter((item) => item.visible !== false && typeof item.accelerator === 'string')
        .map((item) => item.accelerator);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});

describe('the menu in French', () => {
  it('has every label in French once the shell speaks it, and in English again after', () => {
    setShellLanguage('fr');
    try {
      const { menu } = template({ isMac: true, isDev: true });
      expect(menu.map((item) => item.label)).toEqual([
        'OnMuni Toolkit',
        'Fichier',
        'Édition',
        'Affichage',
        'Fenêtre',
        'Aide',
      ]);
      const file = submenu(menu, 'Fichier').flatMap((item) => item.label ?? []);
      expect(file).toEqual([
        'Rechercher…',
        'Importer…',
        'Importer un paquet de contenu…',
        'Exporter…',
        'Imprimer…',
        'Fermer la fenêtre',
      ]);
      expect(items(menu).some((item) => item.label === 'À propos d’OnMuni Toolkit')).toBe(true);
    } finally {
      setShellLanguage('en');
    }
    expect(template().menu.map((item) => item.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
  });
});
