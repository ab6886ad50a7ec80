import { EventEmitter } from 'node:events';
import type { MessageBoxOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  describeExit,
  showStartupFailure,
  watchForFailures,
  type WatchedWindow,
} from '../../../electron/main/crashRecovery';

// crashRecovery imports only types from Electron; this makes sure it stays that way.
vi.mock('electron', () => {
  throw new Error('crashRecovery must not load Electron');
});

class FakeWebContents extends EventEmitter {
  forcefullyCrashRenderer = vi.fn();
}

class FakeWindow {
  webContents = new FakeWebContents();
  destroyed = false;
  reload = vi.fn();
  isDestroyed = () => this.destroyed;
}

interface Question {
  options: MessageBoxOptions;
  answer: (response: number) => void;
}

/** A fake dialog.showMessageBox: questions stay open until answered or aborted, like the real one. */
function fakeDialog() {
  const questions: Question[] = [];
  const showMessageBox = vi.fn((_window: FakeWindow, options: MessageBoxOptions) => {
    return new Promise<{ response: number }>((resolve) => {
      const answer = (response: number) => resolve({ response });
      options.signal?.addEventListener('abort', () => answer(options.cancelId ?? 0));
      questions.push({ options, answer });
    });
  });
  return { questions, showMessageBox };
}

function setUp() {
  const window = new FakeWindow();
  const dialog = fakeDialog();
  const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
  const quit = vi.fn();
  watchForFailures(window as unknown as WatchedWindow & FakeWindow, {
    showMessageBox: dialog.showMessageBox,
    log,
    quit,
  });
  const open = () => dialog.questions.filter((q) => !q.options.signal?.aborted);
  return { window, ...dialog, open, log, quit };
}

function lastQuestion(questions: Question[]): Question {
  const question = questions.at(-1);
  if (!question) throw new Error('no question was asked');
  return question;
}

/** Lets the awaited showMessageBox answer reach its handler. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const gone = (reason: string, exitCode = 1) => [{}, { reason, exitCode }] as const;

afterEach(() => {
  vi.useRealTimers();
});

describe('when the page crashes', () => {
  it('asks to reload or quit, naming the reason; Reload reloads', async () => {
    const { window, questions, log, quit } = setUp();
    window.webContents.emit('render-process-gone', ...gone('oom', 9));
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('oom'));
    const { options, answer } = lastQuestion(questions);
    expect(options).toMatchObject({
      title: 'OnMuni Toolkit stopped working',
      message: 'The page ran out of memory.',
      buttons: ['Reload', 'Quit'],
      defaultId: 0,
    });
    expect(options.detail).toContain('kept on this computer');
    expect(options.signal).toBeInstanceOf(AbortSignal);
    answer(0);
    await settle();
    expect(window.reload).toHaveBeenCalledOnce();
    expect(quit).not.toHaveBeenCalled();
  });

  it('Quit quits without reloading', async () => {
    const { window, questions, quit } = setUp();
    window.webContents.emit('render-process-gone', ...gone('crashed'));
    lastQuestion(questions).answer(1);
    await settle();
    expect(quit).toHaveBeenCalledOnce();
    expect(window.reload).not.toHaveBeenCalled();
  });

  it('ignores a clean exit', () => {
    const { window, showMessageBox, log } = setUp();
    window.webContents.emit('render-process-gone', ...gone('clean-exit', 0));
    expect(showMessageBox).not.toHaveBeenCalled();
    expect(log.error).not.toHaveBeenCalled();
  });

  it('does not reload a window that was closed while the question was open', async () => {
    const { window, questions } = setUp();
    window.webContents.emit('render-process-gone', ...gone('crashed'));
    window.destroyed = true;
    lastQuestion(questions).answer(0);
    await settle();
    expect(window.reload).not.toHaveBeenCalled();
  });

  it('asks nothing for a window that is already destroyed', () => {
    const { window, showMessageBox, log } = setUp();
    window.destroyed = true;
    window.webContents.emit('render-process-gone', ...gone('crashed'));
    expect(log.error).toHaveBeenCalled();
    expect(showMessageBox).not.toHaveBeenCalled();
  });

  it('asks once however often the page reports it has gone', async () => {
    const { window, showMessageBox, questions } = setUp();
    window.webContents.emit('render-process-gone', ...gone('crashed'));
    window.webContents.emit('render-process-gone', ...gone('killed'));
    expect(showMessageBox).toHaveBeenCalledOnce();
    lastQuestion(questions).answer(0);
    await settle();
    window.webContents.emit('render-process-gone', ...gone('crashed'));
    expect(showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('replaces an open "not responding" question, whose answer is then ignored', async () => {
    const { window, questions, open } = setUp();
    window.webContents.emit('unresponsive');
    const hung = lastQuestion(questions);
    window.webContents.emit('render-process-gone', ...gone('crashed'));
    expect(hung.options.signal?.aborted).toBe(true);
    expect(open()).toHaveLength(1);
    expect(lastQuestion(questions).options.title).toBe('OnMuni Toolkit stopped working');
    await settle();
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(window.reload).not.toHaveBeenCalled();
  });

  it('logs, and asks nothing more, when the question cannot be shown', async () => {
    const { window, showMessageBox, log } = setUp();
    showMessageBox.mockRejectedValueOnce(new Error('no display'));
    window.webContents.emit('render-process-gone', ...gone('crashed'));
    await settle();
    expect(log.error).toHaveBeenLastCalledWith(expect.any(String), expect.any(Error));
    window.webContents.emit('render-process-gone', ...gone('crashed'));
    expect(showMessageBox).toHaveBeenCalledTimes(2);
  });
});

describe('when the page stops responding', () => {
  it('asks to wait or reload; Wait does nothing', async () => {
    const { window, questions, log } = setUp();
    window.webContents.emit('unresponsive');
    expect(log.warn).toHaveBeenCalled();
    const { options, answer } = lastQuestion(questions);
    expect(options).toMatchObject({
      message: 'The page is not responding.',
      buttons: ['Wait', 'Reload'],
      defaultId: 0,
    });
    answer(0);
    await settle();
    expect(window.reload).not.toHaveBeenCalled();
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
  });

  it('Reload stops the hung page and reloads it, without asking again', async () => {
    const { window, questions, showMessageBox } = setUp();
    window.webContents.emit('unresponsive');
    lastQuestion(questions).answer(1);
    await settle();
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(window.reload).toHaveBeenCalledOnce();
    // The process we stopped reports itself gone: that is expected, not a new failure.
    window.webContents.emit('render-process-gone', ...gone('killed'));
    expect(showMessageBox).toHaveBeenCalledOnce();
    // A later crash is reported again.
    window.webContents.emit('render-process-gone', ...gone('crashed'));
    expect(showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('reports a crash that comes long after a restart', async () => {
    vi.useFakeTimers();
    const { window, questions, showMessageBox } = setUp();
    window.webContents.emit('unresponsive');
    lastQuestion(questions).answer(1);
    await vi.runOnlyPendingTimersAsync();
    expect(window.reload).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60_000);
    window.webContents.emit('render-process-gone', ...gone('killed'));
    expect(showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('closes the question when the page responds again, and logs it', async () => {
    const { window, questions, open, log } = setUp();
    window.webContents.emit('unresponsive');
    const { options } = lastQuestion(questions);
    window.webContents.emit('responsive');
    expect(options.signal?.aborted).toBe(true);
    expect(open()).toHaveLength(0);
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining('responding again'));
    await settle();
    // The aborted dialog's "cancel" is not taken for an answer.
    expect(window.reload).not.toHaveBeenCalled();
    window.webContents.emit('unresponsive');
    expect(open()).toHaveLength(1);
  });

  it('does not act on an answer given just as the page recovered', async () => {
    const { window, questions } = setUp();
    window.webContents.emit('unresponsive');
    lastQuestion(questions).answer(1);
    window.webContents.emit('responsive');
    await settle();
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(window.reload).not.toHaveBeenCalled();
  });

  it('never opens a second question while one is open', () => {
    const { window, showMessageBox } = setUp();
    window.webContents.emit('unresponsive');
    window.webContents.emit('unresponsive');
    expect(showMessageBox).toHaveBeenCalledOnce();
  });

  it('does not ask about a hang while the crash question is open', () => {
    const { window, showMessageBox } = setUp();
    window.webContents.emit('render-process-gone', ...gone('crashed'));
    window.webContents.emit('unresponsive');
    window.webContents.emit('responsive');
    expect(showMessageBox).toHaveBeenCalledOnce();
    expect(showMessageBox.mock.calls[0]?.[1].signal?.aborted).toBe(false);
  });

  it('neither stops nor reloads a window closed while the question was open', async () => {
    const { window, questions } = setUp();
    window.webContents.emit('unresponsive');
    window.destroyed = true;
    lastQuestion(questions).answer(1);
    await settle();
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(window.reload).not.toHaveBeenCalled();
  });

  it('keeps questions of different windows apart', () => {
    const first = setUp();
    const second = setUp();
    first.window.webContents.emit('unresponsive');
    second.window.webContents.emit('unresponsive');
    expect(first.showMessageBox).toHaveBeenCalledOnce();
    expect(second.showMessageBox).toHaveBeenCalledOnce();
  });
});

describe('describeExit', () => {
  it.each([
    ['crashed', 'crashed'],
    ['killed', 'was closed by the system or by another program'],
    ['oom', 'ran out of memory'],
    ['launch-failed', 'could not be started'],
    ['abnormal-exit', 'stopped unexpectedly'],
  ] as const)('%s -> %s', (reason, words) => {
    expect(describeExit(reason)).toBe(words);
  });
});

describe('showStartupFailure', () => {
  function show(error: unknown, logFile: string | undefined) {
    const showErrorBox = vi.fn();
    const log = { error: vi.fn() };
    showStartupFailure(error, { showErrorBox, log, logFile });
    const [title, text] = showErrorBox.mock.calls[0] as [string, string];
    return { title, text, log };
  }

  it('logs the error and names it and the log file in the box', () => {
    const error = new Error('EACCES: permission denied, mkdir');
    const { title, text, log } = show(error, '/home/clerk/.config/OnMuni Toolkit/logs/main.log');
    expect(log.error).toHaveBeenCalledWith(expect.any(String), error);
    expect(title).toBe('OnMuni Toolkit could not start');
    expect(text).toContain('EACCES: permission denied, mkdir');
    expect(text).toContain('/home/clerk/.config/OnMuni Toolkit/logs/main.log');
  });

  it('says so when there is no log file', () => {
    const { text } = show('boom', undefined);
    expect(text).toContain('boom');
    expect(text).toContain('No log file');
  });

  it('still shows the box when logging fails', () => {
    const showErrorBox = vi.fn();
    const log = {
      error: vi.fn(() => {
        throw new Error('disk full');
      }),
    };
    showStartupFailure(new Error('x'), { showErrorBox, log, logFile: 'main.log' });
    expect(showErrorBox).toHaveBeenCalledOnce();
  });
});
