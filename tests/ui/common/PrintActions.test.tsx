// @vitest-environment jsdom
/**
 * The print buttons, through the real hosts: on the desktop (the Electron host and preload bridge
 * over a fake main process) "Print" asks main to print and "Save as PDF" to write a PDF under the
 * feature's file name, saying where it went or why not; in the browser there is only "Print",
 * which opens the browser's own print dialog.
 */
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBridge } from '../../../electron/preload/bridge';
import type { IpcChannel } from '../../../electron/shared/ipcContract';
import type { Host } from '../../../renderer/src/host/Host';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import { ElectronHost } from '../../../renderer/src/host/electronHost';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { PrintActions } from '../../../renderer/src/ui/common/PrintActions';
import { click, getByRole, queryAllByRole, render, unmountAll } from '../support/dom';

afterEach(unmountAll);

function renderWith(host: Host, node: ReactNode = <Actions />) {
  render(<HostContext.Provider value={host}>{node}</HostContext.Provider>);
}

function Actions() {
  return (
    <PrintActions
      suggestedName="records-plan.pdf"
      className="report-actions"
      printClassName="button"
      statusClassName="report-status"
    />
  );
}

/** The desktop host over a fake main process: what it was asked, and what it answers. */
function desktop(answers: Partial<Record<IpcChannel, unknown>>) {
  const asked: [IpcChannel, unknown][] = [];
  const invoke = (channel: IpcChannel, input: unknown) => {
    asked.push([channel, input]);
    const answer = answers[channel];
    return answer === undefined
      ? Promise.reject(new Error(`unexpected ${channel}`))
      : Promise.resolve(answer);
  };
  return { host: new ElectronHost(buildBridge(invoke)), asked };
}

const status = () => getByRole(document.body, 'status');

describe('PrintActions on the desktop', () => {
  it('prints through main, and leaves the outcome to the print dialog', async () => {
    const { host, asked } = desktop({ 'print:page': { status: 'printed' } });
    renderWith(host);
    await click(getByRole(document.body, 'button', { name: 'Print' }));
    expect(asked).toEqual([['print:page', {}]]);
    expect(status().textContent).toBe('');
    expect(status().className).toBe('report-status');
  });

  it('saves a PDF under the feature’s name and says where it went', async () => {
    const { host, asked } = desktop({
      'print:pdf': { status: 'saved', where: '/home/clerk/records-plan.pdf' },
    });
    renderWith(host);
    await click(getByRole(document.body, 'button', { name: 'Save as PDF' }));
    expect(asked).toEqual([['print:pdf', { suggestedName: 'records-plan.pdf' }]]);
    expect(status().textContent).toBe('Saved to /home/clerk/records-plan.pdf.');
  });

  it('says why a PDF could not be saved', async () => {
    const { host } = desktop({ 'print:pdf': { status: 'error', message: 'The disk is full.' } });
    renderWith(host);
    await click(getByRole(document.body, 'button', { name: 'Save as PDF' }));
    expect(status().textContent).toBe('Could not print: The disk is full.');
  });
});

describe('PrintActions in the browser', () => {
  it('offers only Print, which opens the browser’s print dialog', async () => {
    let dialogs = 0;
    // jsdom has no print dialog: count the calls the browser host makes to it.
    window.print = () => {
      dialogs += 1;
    };
    renderWith(createBrowserHost(window));
    expect(queryAllByRole(document.body, 'button').map((b) => b.textContent)).toEqual(['Print']);
    await click(getByRole(document.body, 'button', { name: 'Print' }));
    expect(dialogs).toBe(1);
    expect(status().textContent).toBe('');
  });
});
