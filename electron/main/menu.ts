/**
 * The native menu. Edit and the standard window items come from Electron roles, so their
 * shortcuts and behaviour match the OS; every item's label comes from the shell's catalogue
 * (./i18n), since a role's own label is Electron's built-in English. File carries the app's own commands (Search, Import,
 * Import content pack, Export, Print), which the page carries out: main only sends the command's name over the one
 * main → renderer channel. View adds the zoom shortcuts people actually press (Ctrl+= without
 * Shift, the numeric keypad), and Window can always bring the main window back while a presenter
 * window is open. Reload and developer tools appear only in development.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipcContract';
import { appName, t } from './i18n/i18n';

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
  const app = appName();
  const command = (
    label: string,
    name: MenuCommand,
    accelerator: string,
  ): MenuItemConstructorOptions => ({ label, accelerator, click: () => send(name) });

  const file: MenuItemConstructorOptions[] = [
    command(t('menu.search'), 'search', 'CommandOrControl+K'),
    { type: 'separator' },
    command(t('menu.import'), 'import', 'CommandOrControl+O'),
    { label: t('menu.importPack'), click: () => send('import-pack') },
    command(t('menu.export'), 'export', 'CommandOrControl+Shift+E'),
    { type: 'separator' },
    command(t('menu.print'), 'print', 'CommandOrControl+P'),
    { type: 'separator' },
    isMac
      ? { role: 'close', label: t('menu.closeWindow') }
      : { role: 'quit', label: t('menu.exit') },
  ];

  // Electron's own Edit menu, item for item, with the catalogue's labels.
  const macEdit: MenuItemConstructorOptions[] = [
    { role: 'pasteAndMatchStyle', label: t('menu.pasteAndMatchStyle') },
    { role: 'delete', label: t('menu.delete') },
    { role: 'selectAll', label: t('menu.selectAll') },
    { type: 'separator' },
    {
      label: t('menu.speech'),
      submenu: [
        { role: 'startSpeaking', label: t('menu.startSpeaking') },
        { role: 'stopSpeaking', label: t('menu.stopSpeaking') },
      ],
    },
  ];
  const otherEdit: MenuItemConstructorOptions[] = [
    { role: 'delete', label: t('menu.delete') },
    { type: 'separator' },
    { role: 'selectAll', label: t('menu.selectAll') },
  ];
  const edit: MenuItemConstructorOptions[] = [
    { role: 'undo', label: t('menu.undo') },
    { role: 'redo', label: t('menu.redo') },
    { type: 'separator' },
    { role: 'cut', label: t('menu.cut') },
    { role: 'copy', label: t('menu.copy') },
    { role: 'paste', label: t('menu.paste') },
    ...(isMac ? macEdit : otherEdit),
  ];

  // Hidden aliases: Electron's zoomIn is Ctrl+Plus, which needs Shift on most keyboards.
  const hidden = { visible: false, acceleratorWorksWhenHidden: true } as const;
  const view: MenuItemConstructorOptions[] = [
    ...(isDev
      ? ([
          { role: 'reload', label: t('menu.reload') },
          { role: 'forceReload', label: t('menu.forceReload') },
          { role: 'toggleDevTools', label: t('menu.toggleDevTools') },
          { type: 'separator' },
        ] as const)
      : []),
    { role: 'resetZoom', label: t('menu.actualSize') },
    { role: 'zoomIn', label: t('menu.zoomIn') },
    { role: 'zoomOut', label: t('menu.zoomOut') },
    { role: 'zoomIn', label: t('menu.zoomIn'), accelerator: 'CommandOrControl+=', ...hidden },
    { role: 'zoomIn', label: t('menu.zoomIn'), accelerator: 'CommandOrControl+numadd', ...hidden },
    {
      role: 'zoomOut',
      label: t('menu.zoomOut'),
      accelerator: 'CommandOrControl+numsub',
      ...hidden,
    },
    {
      role: 'resetZoom',
      label: t('menu.actualSize'),
      accelerator: 'CommandOrControl+num0',
      ...hidden,
    },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t('menu.toggleFullScreen') },
  ];

  const window: MenuItemConstructorOptions[] = [
    { role: 'minimize', label: t('menu.minimize') },
    ...(isMac ? ([{ role: 'zoom', label: t('menu.zoom') }] as const) : []),
    { type: 'separator' },
    {
      label: t('menu.mainWindow'),
      accelerator: 'CommandOrControl+Shift+M',
      click: () => showMainWindow(),
    },
    ...(isMac
      ? ([{ type: 'separator' }, { role: 'front', label: t('menu.bringAllToFront') }] as const)
      : []),
  ];

  // macOS's application menu, as Electron's appMenu role builds it, with the catalogue's labels.
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    label: app,
    submenu: [
      { role: 'about', label: t('menu.about', { app }) },
      { type: 'separator' },
      { role: 'services', label: t('menu.services') },
      { type: 'separator' },
      { role: 'hide', label: t('menu.hide', { app }) },
      { role: 'hideOthers', label: t('menu.hideOthers') },
      { role: 'unhide', label: t('menu.showAll') },
      { type: 'separator' },
      { role: 'quit', label: t('menu.quit', { app }) },
    ],
  };

  return [
    ...(isMac ? [appMenu] : []),
    { label: t('menu.file'), submenu: file },
    { role: 'editMenu', label: t('menu.edit'), submenu: edit },
    { label: t('menu.view'), submenu: view },
    { label: t('menu.window'), role: 'window', submenu: window },
    {
      role: 'help',
      label: t('menu.help'),
      submenu: [{ role: 'about', label: t('menu.about', { app }) }],
    },
  ];
}

/** Installs the menu for the whole application. */
export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
