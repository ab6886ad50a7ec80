// @vitest-environment jsdom
/**
 * The desktop File menu's Import, end to end inside the page: the real Electron host and preload
 * bridge deliver the menu command (from a fake main process), useMenuCommands carries it out, and
 * the import control asks main for a file through file:open. Export only shows its section.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildBridge } from '../../../electron/preload/bridge';
import type { IpcChannel, MenuCommand } from '../../../electron/shared/ipcContract';
import { ElectronHost } from '../../../renderer/src/host/electronHost';
import { ImportFileChooser } from '../../../renderer/src/ui/common/ImportFileChooser';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { useMenuCommands } from '../../../renderer/src/ui/app/useMenuCommands';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
beforeEach(() => {
  // jsdom does no layout, so it has no scrollIntoView; the menu scrolls its target into view.
  Element.prototype.scrollIntoView = () => undefined;
  window.location.hash = '#/planner';
});
afterEach(() => {
  act(() => root?.unmount());
  document.body.replaceChildren();
});

function PlannerImport() {
  useMenuCommands('planner');
  return (
    <section>
      <h2 data-menu-target="export">Export and import</h2>
      <ImportFileChooser
        id="plan-file"
        label="Import plan"
        hint="A planner backup (.json)."
        extensions={['json']}
        accept=".json"
        maxBytes={1024}
        dialogTitle="Import a planner backup"
        onChoice={() => undefined}
      />
    </section>
  );
}

/** Renders the planner's import on the desktop; returns how to send a menu command. */
function renderDesktop() {
  const invoke = vi.fn((channel: IpcChannel) =>
    channel === 'file:open'
      ? Promise.resolve({ status: 'cancelled' })
      : Promise.reject(new Error(`unexpected ${channel}`)),
  );
  const listeners: ((payload: unknown) => void)[] = [];
  const subscribe = (_channel: string, listener: (payload: unknown) => void) => {
    listeners.push(listener);
    return () => listeners.splice(listeners.indexOf(listener), 1);
  };
  const host = new ElectronHost(buildBridge(invoke, subscribe));
  root = createRoot(document.body.appendChild(document.createElement('div')));
  act(() =>
    root?.render(
      <HostContext.Provider value={host}>
        <PlannerImport />
      </HostContext.Provider>,
    ),
  );
  const send = (command: MenuCommand) =>
    act(() => listeners.forEach((listener) => listener(command)));
  return { invoke, send };
}

describe('File > Import on the desktop', () => {
  it('focuses the import control and opens the open dialog', async () => {
    const { invoke, send } = renderDesktop();
    send('import');
    await vi.waitFor(() => expect(invoke).toHaveBeenCalledWith('file:open', expect.anything()));
    expect(invoke).toHaveBeenCalledWith('file:open', {
      title: 'Import a planner backup',
      extensions: ['json'],
      maxBytes: 1024,
    });
    expect(document.activeElement?.textContent).toBe('Choose file…');
  });

  it('Export focuses its section and opens nothing', async () => {
    const { invoke, send } = renderDesktop();
    send('export');
    await vi.waitFor(() => expect(document.activeElement?.tagName).toBe('H2'));
    expect(invoke).not.toHaveBeenCalled();
  });
});
