import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildBridge } from '../../../electron/preload/bridge';
import type { IpcChannel } from '../../../electron/shared/ipcContract';
import {
  ElectronHost,
  createElectronHost,
  hasElectronBridge,
} from '../../../renderer/src/host/electronHost';
import { ProblemError } from '../../../renderer/src/core/common/ProblemError';
import { wordError } from '../../../renderer/src/ui/common/i18n/wordMessage';

/** The real preload bridge over a fake main process that answers per channel. */
function hostWith(answers: Partial<Record<IpcChannel, unknown>>) {
  const invoke = vi.fn((channel: IpcChannel) => {
    if (!(channel in answers)) return Promise.reject(new Error(`unexpected ${channel}`));
    const answer = answers[channel];
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  });
  return { host: new ElectronHost(buildBridge(invoke)), invoke };
}

afterEach(() => {
  delete (globalThis as { onmuni?: unknown }).onmuni;
});

describe('ElectronHost', () => {
  it('reads and writes documents through storage:read and storage:write', async () => {
    const { host, invoke } = hostWith({
      'storage:read': { status: 'ok', text: '{}' },
      'storage:write': { status: 'saved' },
    });
    expect(await host.storage.read('settings')).toEqual({ status: 'ok', text: '{}' });
    await host.storage.write('settings', '{"a":1}');
    expect(invoke).toHaveBeenCalledWith('storage:read', { key: 'settings' });
    expect(invoke).toHaveBeenCalledWith('storage:write', { key: 'settings', text: '{"a":1}' });
  });

  it("words main's refusal to save, which arrives as a code with values", async () => {
    const { host } = hostWith({
      'storage:write': {
        status: 'refused',
        refusal: {
          code: 'tooLarge',
          key: 'planner',
          sizeBytes: 26 * 1024 * 1024 + 4,
          limitBytes: 25 * 1024 * 1024,
        },
      },
    });
    const refusal = await host.storage.write('planner', '[]').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ProblemError);
    const words =
      'Refused to save "planner": it is 26.0 MB, and a stored document can be at most 25 MB. What was saved before is kept.';
    // Save states show the message; refusals shown as errors are worded from the ref.
    expect((refusal as Error).message).toBe(words);
    expect(wordError(refusal)).toBe(words);
    expect((refusal as ProblemError).ref?.key).toBe('common:host.storage.desktop.tooLarge');
  });

  it("words main's recovered read, naming the last good backup", async () => {
    const { host } = hostWith({
      'storage:read': {
        status: 'recovered',
        movedTo: '/data/settings.corrupt-1.json',
        problem: { code: 'notJson', detail: 'Unexpected end of JSON input' },
        backup: '/data/settings.json.bak1',
      },
    });
    expect(await host.storage.read('settings')).toEqual({
      status: 'recovered',
      movedTo: '/data/settings.corrupt-1.json',
      reason:
        'the file is not valid JSON (Unexpected end of JSON input). The last good backup is /data/settings.json.bak1.',
    });
  });

  it('opens and saves files', async () => {
    const { host, invoke } = hostWith({
      'file:open': { status: 'ok', name: 'a.json', text: '{}' },
      'file:save': { status: 'saved', where: '/home/x/plan.csv' },
    });
    const options = { title: 'Import', extensions: ['json'], maxBytes: 10 };
    expect(await host.openTextFile(options)).toEqual({ status: 'ok', name: 'a.json', text: '{}' });
    expect(invoke).toHaveBeenCalledWith('file:open', options);
    const saved = await host.saveFile({
      suggestedName: 'plan.csv',
      mimeType: 'text/csv',
      extensions: ['csv'],
      contents: 'a',
    });
    expect(saved).toEqual({ status: 'saved', where: '/home/x/plan.csv' });
    // The MIME type is for the browser host only and never crosses IPC (the schema is strict).
    expect(invoke).toHaveBeenCalledWith('file:save', {
      suggestedName: 'plan.csv',
      extensions: ['csv'],
      contents: 'a',
    });
  });

  it('turns a failed save into a rejected promise with the message', async () => {
    const { host } = hostWith({ 'file:save': { status: 'error', message: 'disk full' } });
    await expect(
      host.saveFile({
        suggestedName: 'a.csv',
        mimeType: 'text/csv',
        extensions: ['csv'],
        contents: '',
      }),
    ).rejects.toThrow('disk full');
  });

  it('prints to PDF or to paper', async () => {
    const { host, invoke } = hostWith({
      'print:pdf': { status: 'saved', where: '/x.pdf' },
      'print:page': { status: 'cancelled', reason: 'cancelled' },
    });
    expect(await host.print({ toPdf: true, suggestedName: 'guide.pdf' })).toEqual({
      status: 'saved',
      where: '/x.pdf',
    });
    expect(invoke).toHaveBeenCalledWith('print:pdf', { suggestedName: 'guide.pdf' });
    expect(await host.print({ toPdf: false })).toEqual({ status: 'cancelled' });
  });

  it('reports a refused external link as false', async () => {
    const opened = hostWith({ 'shell:openExternal': { opened: true } });
    expect(await opened.host.openExternal('https://x')).toBe(true);
    const refused = hostWith({ 'shell:openExternal': new Error('refused') });
    expect(await refused.host.openExternal('x'.repeat(5000))).toBe(false);
  });

  it('is created only where the preload exposed window.onmuni', async () => {
    expect(hasElectronBridge()).toBe(false);
    expect(() => createElectronHost()).toThrow(/window.onmuni/);
    (globalThis as { onmuni?: unknown }).onmuni = buildBridge(() =>
      Promise.resolve({
        name: 'OnMuni Toolkit',
        version: '0.1.0',
        host: 'electron',
        dataLocation: '/data',
      }),
    );
    expect(hasElectronBridge()).toBe(true);
    const host = createElectronHost();
    expect(host.kind).toBe('electron');
    expect(await host.appInfo()).toMatchObject({ host: 'electron', dataLocation: '/data' });
  });
});
