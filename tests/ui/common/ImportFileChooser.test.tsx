// @vitest-environment jsdom
/**
 * The control that chooses a file to import, in both editions: the browser's labelled file input
 * (which the end-to-end tests and the bench drive), and the desktop's button, which opens the
 * open dialog through the real Electron host and preload bridge over a fake main process.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildBridge } from '../../../electron/preload/bridge';
import type { IpcChannel } from '../../../electron/shared/ipcContract';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import type { Host } from '../../../renderer/src/host/Host';
import { ElectronHost } from '../../../renderer/src/host/electronHost';
import {
  ImportFileChooser,
  type ImportFileChoice,
} from '../../../renderer/src/ui/common/ImportFileChooser';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { menuTargetSelector } from '../../../renderer/src/ui/app/menuCommands';
import { userAction } from '../support/dom';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.replaceChildren();
});

/** Renders the chooser as the planner's import panel does, and records what it reports. */
function render(host: Host): ImportFileChoice[] {
  const choices: ImportFileChoice[] = [];
  const container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  act(() =>
    root?.render(
      <HostContext.Provider value={host}>
        <ImportFileChooser
          id="plan-file"
          label="Import plan"
          hint="A planner backup (.json), up to 20 MB."
          extensions={['json']}
          accept=".json,application/json"
          maxBytes={20 * 1024 * 1024}
          dialogTitle="Import a planner backup"
          onChoice={(choice) => choices.push(choice)}
        />
      </HostContext.Provider>,
    ),
  );
  return choices;
}

/** The accessible name and description as aria-labelledby and aria-describedby give them. */
function textOfIds(element: Element, attribute: string): string {
  const ids = element.getAttribute(attribute)?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? `#${id}?`).join(' ');
}

/** The real Electron host over a fake main process that gives `answer` to file:open. */
function desktopHost(answer: unknown) {
  const invoke = vi.fn((channel: IpcChannel) => {
    if (channel !== 'file:open') return Promise.reject(new Error(`unexpected ${channel}`));
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  });
  return { host: new ElectronHost(buildBridge(invoke)), invoke };
}

/** A Blob's text (jsdom's Blob has no text(); its FileReader decodes UTF-8 as browsers do). */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      typeof reader.result === 'string'
        ? resolve(reader.result)
        : reject(new Error('read as text, yet not a string'));
    reader.onerror = () => reject(reader.error ?? new Error('could not read'));
    reader.readAsText(blob);
  });
}

/** Clicks the desktop's button and waits for the dialog's answer to arrive. */
async function clickChoose(): Promise<void> {
  const button = document.querySelector('button');
  if (!button) throw new Error('no button');
  await userAction(() => button.click());
}

describe('ImportFileChooser in the browser edition', () => {
  it('is a file input labelled and described as before', () => {
    render(createBrowserHost(window));
    const input = document.querySelector('input');
    const label = document.querySelector('label');
    expect(input?.type).toBe('file');
    expect(input?.accept).toBe('.json,application/json');
    expect(label?.textContent).toBe('Import plan');
    expect(label?.htmlFor).toBe(input?.id);
    expect(textOfIds(input as Element, 'aria-describedby')).toBe(
      'A planner backup (.json), up to 20 MB.',
    );
    expect(document.querySelector('button')).toBeNull();
  });

  it('hands over the chosen File itself (the worker reads it), and says when it is cleared', () => {
    const choices = render(createBrowserHost(window));
    const input = document.querySelector('input') as HTMLInputElement;
    const file = new File(['{"kind":"x"}'], 'plan.json', { type: 'application/json' });
    const choose = (files: File[]) => {
      Object.defineProperty(input, 'files', { configurable: true, value: files });
      act(() => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    };
    choose([file]);
    choose([]);
    expect(choices).toEqual([{ kind: 'file', name: 'plan.json', file }, { kind: 'none' }]);
    expect((choices[0] as { file: Blob }).file).toBe(file);
  });
});

describe('ImportFileChooser on the desktop', () => {
  it('is a button named by the label and its own text, marked for the menu Import', () => {
    render(desktopHost({ status: 'cancelled' }).host);
    const button = document.querySelector('button') as HTMLButtonElement;
    expect(textOfIds(button, 'aria-labelledby')).toBe('Import plan Choose file…');
    expect(textOfIds(button, 'aria-describedby')).toBe('A planner backup (.json), up to 20 MB.');
    expect(document.querySelector(menuTargetSelector('import'))).toBe(button);
    expect(document.querySelector('input')).toBeNull();
  });

  it('asks main for the file with the panel’s limit, and hands its text over as a Blob', async () => {
    const text = '{"title":"Plan d’action"}';
    const { host, invoke } = desktopHost({ status: 'ok', name: 'plan.json', text });
    const choices = render(host);
    await clickChoose();
    expect(invoke).toHaveBeenCalledWith('file:open', {
      title: 'Import a planner backup',
      extensions: ['json'],
      maxBytes: 20 * 1024 * 1024,
    });
    expect(choices).toHaveLength(1);
    const choice = choices[0];
    if (choice?.kind !== 'file') throw new Error(`expected a file, got ${choice?.kind}`);
    expect(choice.name).toBe('plan.json');
    expect(choice.file).toBeInstanceOf(Blob);
    expect(choice.file.size).toBe(new TextEncoder().encode(text).length);
    expect(await readText(choice.file)).toBe(text);
  });

  it('passes on what main refused, and nothing when the dialog was closed', async () => {
    const refusal = { status: 'error', name: 'big.json', message: '"big.json" is 25.0 MB.' };
    const refused = render(desktopHost(refusal).host);
    await clickChoose();
    expect(refused).toEqual([
      { kind: 'refused', name: 'big.json', problem: '"big.json" is 25.0 MB.' },
    ]);
    act(() => root?.unmount());

    const cancelled = render(desktopHost({ status: 'cancelled' }).host);
    await clickChoose();
    expect(cancelled).toEqual([]);
  });

  it('reports a failed request instead of dropping it', async () => {
    const choices = render(desktopHost(new Error('file:open: invalid input')).host);
    await clickChoose();
    expect(choices).toEqual([
      {
        kind: 'refused',
        name: 'Import a planner backup',
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
        problem: expect.stringContaining('invalid input'),
      },
    ]);
  });
});
