import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() } }));

import { buildMenuTemplate } from '../../../electron/main/menu';

function roles(template: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(template, (key, value: unknown) => {
    if (key === 'role' && typeof value === 'string') found.push(value);
    return value;
  });
  return found;
}

describe('buildMenuTemplate', () => {
  it('has Edit, View (zoom, full screen), Window and Help', () => {
    const found = roles(buildMenuTemplate({ isMac: false, isDev: false }));
    for (const role of [
      'fileMenu',
      'editMenu',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'windowMenu',
      'help',
      'about',
    ]) {
      expect(found).toContain(role);
    }
  });

  it('offers reload and developer tools only in development', () => {
    const production = roles(buildMenuTemplate({ isMac: false, isDev: false }));
    const development = roles(buildMenuTemplate({ isMac: false, isDev: true }));
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) {
      expect(production).not.toContain(role);
      expect(development).toContain(role);
    }
  });

  it('uses the app menu on macOS', () => {
    const found = roles(buildMenuTemplate({ isMac: true, isDev: false }));
    expect(found).toContain('appMenu');
    expect(found).not.toContain('fileMenu');
  });
});
