/**
 * The native menu. Edit and the standard window items come from Electron roles, so their
 * shortcuts and behaviour match the OS. File carries the app's own commands (Search, Import,
 * Export, Print), which the page carries out: main only sends the command's name over the one
 * main → renderer channel. View adds the zoom shortcuts people actually press (Ctrl+= without
 * Shift, the numeric keypad), and Window can always bring the main window back while a presenter
 * window is open. Reload and developer tools appear only in development.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipcContract';

export interface MenuOptions {
  isMac: boolean;
  isDev: boolean;
  /** Sends a File command to the main window (reopening it if it was closed). */
  send: (command: MenuCommand) => void;
  /** Shows the main window, re-creating it if it was closed. */
  showMainWindow: () => void;
}

/** Builds the menu template (pure, so it can be checked in tests). */
export function buildMenuTemplate({
  isMac,
  isDev,
  send,
  showMainWindow,
}: MenuOptions): MenuItemConstructorOptions[] {
  const command = (
    label: string,
    name: MenuCommand,
    accelerator: string,
  ): MenuItemConstructorOptions => ({ label, accelerator, click: () => send(name) });

  const file: MenuItemConstructorOptions[] = [
    command('Search…', 'search', 'CommandOrControl+K'),
    { type: 'separator' },
    command('Import…', 'import', 'CommandOrControl+O'),
    command('Export…', 'export', 'CommandOrControl+Shift+E'),
    { type: 'separator' },
    command('Print…', 'print', 'CommandOrControl+P'),
    { type: 'separator' },
    isMac ? { role: 'close' } : { role: 'quit', label: 'Exit' },
  ];

  // Hidden aliases: Electron's zoomIn is Ctrl+Plus, which needs Shift on most keyboards.
  const hidden = { visible: false, acceleratorWorksWhenHidden: true } as const;
  const view: MenuItemConstructorOptions[] = [
    ...(isDev
      ? ([
          { role: 'reload' },
          { role: 'forceReload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] as const)
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { role: 'zoomIn', accelerator: 'CommandOrControl+=', ...hidden },
    { role: 'zoomIn', accelerator: 'CommandOrControl+numadd', ...hidden },
    { role: 'zoomOut', accelerator: 'CommandOrControl+numsub', ...hidden },
    { role: 'resetZoom', accelerator: 'CommandOrControl+num0', ...hidden },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];

  const window: MenuItemConstructorOptions[] = [
    { role: 'minimize' },
    ...(isMac ? ([{ role: 'zoom' }] as const) : []),
    { type: 'separator' },
    {
      label: 'Main Window',
      accelerator: 'CommandOrControl+Shift+M',
      click: () => showMainWindow(),
    },
    ...(isMac ? ([{ type: 'separator' }, { role: 'front' }] as const) : []),
  ];

  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: file },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { label: 'Window', role: 'window', submenu: window },
    { role: 'help', submenu: [{ role: 'about', label: 'About OnMuni Toolkit' }] },
  ];
}

/** Installs the menu for the whole application. */
export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
