// @vitest-environment jsdom
/**
 * The save-file and print hooks, rendered by React in jsdom over a host that stands in for the
 * person and the disk: the status line is cleared when a save starts, then says where the file
 * went, that it was cancelled, or why it failed, in the default words or the feature's own.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host, SaveFileOptions, SaveFileResult } from '../../../renderer/src/host/Host';
import type { FileWording } from '../../../renderer/src/ui/common/useFileStatus';
import { usePrint } from '../../../renderer/src/ui/common/usePrint';
import { useSaveFile } from '../../../renderer/src/ui/common/useSaveFile';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { userAction } from '../support/dom';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let mounted: { root: Root; container: HTMLElement } | null = null;
afterEach(() => {
  act(() => mounted?.root.unmount());
  mounted?.container.remove();
  mounted = null;
});

/** What the host will answer next, and what it was asked. */
interface HostScript {
  outcome: () => Promise<SaveFileResult>;
  saved: SaveFileOptions[];
  printed: { toPdf: boolean; suggestedName?: string }[];
}

function hostFor(script: HostScript, kind: Host['kind'] = 'electron'): Host {
  const unused = () => {
    throw new Error('not used by these tests');
  };
  return {
    kind,
    storage: { read: unused, write: unused },
    packs: {
      list: unused,
      listDamaged: unused,
      readFile: unused,
      install: unused,
      rollback: unused,
      remove: unused,
    },
    openTextFile: unused,
    openExternal: unused,
    appInfo: unused,
    saveFile(options) {
      script.saved.push(options);
      return script.outcome();
    },
    print(options) {
      script.printed.push(options);
      return script.outcome();
    },
  };
}

function render(host: Host, node: ReactNode): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(<HostContext.Provider value={host}>{node}</HostContext.Provider>));
  mounted = { root, container };
  return container;
}

const FILE: SaveFileOptions = {
  suggestedName: 'tasks.csv',
  mimeType: 'text/csv',
  extensions: ['csv'],
  contents: 'a,b\n',
};

function SaveButton({ wording }: { wording?: Partial<FileWording> }) {
  const { status, save } = useSaveFile();
  return (
    <>
      <button type="button" onClick={() => save(FILE, wording)}>
        Save
      </button>
      <p role="status">{status}</p>
    </>
  );
}

function PrintButtons({ wording }: { wording?: Partial<FileWording> }) {
  const { status, print, canSavePdf } = usePrint('report.pdf', wording);
  return (
    <>
      <button type="button" onClick={() => print(false)}>
        Print
      </button>
      {canSavePdf && (
        <button type="button" onClick={() => print(true)}>
          Save as PDF
        </button>
      )}
      <p role="status">{status}</p>
    </>
  );
}

/** Clicks the button named `name` and lets the host's answer arrive. */
async function click(container: HTMLElement, name: string): Promise<string> {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button ${name}`);
  await userAction(() => button.click());
  return container.querySelector('[role="status"]')?.textContent ?? '';
}

function script(outcome: () => Promise<SaveFileResult>): HostScript {
  return { outcome, saved: [], printed: [] };
}

describe('useSaveFile', () => {
  it('hands the file to the host and says where it went', async () => {
    const host = script(() => Promise.resolve({ status: 'saved', where: '/home/me/tasks.csv' }));
    const container = render(hostFor(host), <SaveButton />);
    expect(await click(container, 'Save')).toBe('Saved to /home/me/tasks.csv.');
    expect(host.saved).toEqual([FILE]);
  });

  it('says nothing when cancelled, and why when it failed', async () => {
    let next: () => Promise<SaveFileResult> = () => Promise.resolve({ status: 'cancelled' });
    const container = render(hostFor(script(() => next())), <SaveButton />);
    expect(await click(container, 'Save')).toBe('');
    next = () => Promise.reject(new Error('disk full'));
    expect(await click(container, 'Save')).toBe('Not saved: disk full');
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a host that rejects with a bare string must still be worded
    next = () => Promise.reject('no permission');
    expect(await click(container, 'Save')).toBe('Not saved: no permission');
  });

  it('clears the last outcome as soon as another save starts', async () => {
    let answer: (result: SaveFileResult) => void = () => undefined;
    let next: () => Promise<SaveFileResult> = () => Promise.reject(new Error('disk full'));
    const container = render(hostFor(script(() => next())), <SaveButton />);
    expect(await click(container, 'Save')).toBe('Not saved: disk full');
    next = () => new Promise((resolve) => (answer = resolve));
    expect(await click(container, 'Save')).toBe('');
    await userAction(() => answer({ status: 'saved', where: 'D:\\tasks.csv' }));
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Saved to D:\\tasks.csv.');
  });

  it('words each outcome the feature’s way when it asks', async () => {
    const wording: Partial<FileWording> = {
      saved: (where) => `Exported 3 annotations to ${where}.`,
      cancelled: 'Export cancelled.',
      failedPrefix: 'Not exported:',
    };
    let next: () => Promise<SaveFileResult> = () =>
      Promise.resolve({ status: 'saved', where: 'x' });
    const container = render(hostFor(script(() => next())), <SaveButton wording={wording} />);
    expect(await click(container, 'Save')).toBe('Exported 3 annotations to x.');
    next = () => Promise.resolve({ status: 'cancelled' });
    expect(await click(container, 'Save')).toBe('Export cancelled.');
    next = () => Promise.reject(new Error('read-only'));
    expect(await click(container, 'Save')).toBe('Not exported: read-only');
  });
});

describe('usePrint', () => {
  it('says where a PDF went, and nothing after the print dialog', async () => {
    const host = script(() => Promise.resolve({ status: 'saved', where: '/tmp/report.pdf' }));
    const container = render(hostFor(host), <PrintButtons />);
    expect(await click(container, 'Save as PDF')).toBe('Saved to /tmp/report.pdf.');
    expect(await click(container, 'Print')).toBe('');
    expect(host.printed).toEqual([
      { toPdf: true, suggestedName: 'report.pdf' },
      { toPdf: false, suggestedName: 'report.pdf' },
    ]);
  });

  it('says why printing failed, in the feature’s words when given', async () => {
    const failing = script(() => Promise.reject(new Error('no printer')));
    const container = render(hostFor(failing), <PrintButtons />);
    expect(await click(container, 'Print')).toBe('Could not print: no printer');
    act(() => mounted?.root.unmount());
    const handout = render(
      hostFor(script(() => Promise.resolve({ status: 'cancelled' }))),
      <PrintButtons wording={{ cancelled: 'Not saved.', failedPrefix: 'Not printed:' }} />,
    );
    expect(await click(handout, 'Save as PDF')).toBe('Not saved.');
  });

  it('offers "Save as PDF" only where the host writes the PDF itself', () => {
    const container = render(
      hostFor(
        script(() => Promise.resolve({ status: 'cancelled' })),
        'browser',
      ),
      <PrintButtons />,
    );
    const names = [...container.querySelectorAll('button')].map((b) => b.textContent);
    expect(names).toEqual(['Print']);
  });
});
