/**
 * Registers one handler per channel of the IPC contract. Every call is checked twice before a
 * handler runs: the sender must be the top frame of an app page (Electron security checklist #17),
 * and the input, received as `unknown`, must pass the channel's zod schema.
 */
import { problemPath } from '../../renderer/src/core/safeJson/ProblemList';
import {
  ipcChannels,
  ipcContract,
  type IpcChannel,
  type IpcInput,
  type IpcOutput,
} from '../shared/ipcContract';
import { isTrustedAppUrl } from './security';

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

/** The parts of an IpcMainInvokeEvent the handlers use. */
export interface InvokeEvent<Sender = unknown> {
  readonly senderFrame: SenderFrame | null;
  readonly sender: Sender;
}

/** The handler for each channel. `sender` is the WebContents that asked. */
export type IpcHandlers<Sender = unknown> = {
  [C in IpcChannel]: (input: IpcInput<C>, sender: Sender) => Promise<IpcOutput<C>>;
};

/** What registerIpcHandlers needs from `ipcMain`. */
export interface IpcMainLike<Sender = unknown> {
  handle(
    channel: string,
    listener: (event: InvokeEvent<Sender>, ...args: unknown[]) => Promise<unknown>,
  ): void;
}

/**
 * True when the message comes from the app's own page in a top-level frame: not an iframe, not
 * another origin, not a frame that has gone away. `devServerUrl` is trusted only in development.
 */
export function isTrustedSender(frame: SenderFrame | null, devServerUrl?: string): boolean {
  if (frame === null) return false;
  try {
    return frame.parent === null && isTrustedAppUrl(frame.url, devServerUrl);
  } catch {
    // A WebFrameMain whose frame was destroyed throws on property access.
    return false;
  }
}

/** Thrown (and so rejected in the renderer) when a call is refused before reaching a handler. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

/**
 * Checks sender and input for one call, then runs the channel's handler. Exported for tests; in
 * the app it runs inside the listeners registered by {@link registerIpcHandlers}.
 */
export async function dispatchIpc<C extends IpcChannel, Sender>(
  channel: C,
  handlers: IpcHandlers<Sender>,
  event: InvokeEvent<Sender>,
  args: unknown[],
  devServerUrl?: string,
): Promise<IpcOutput<C>> {
  if (!isTrustedSender(event.senderFrame, devServerUrl)) {
    throw new IpcRefusedError(`${channel}: refused, the sender is not the app's main frame.`);
  }
  if (args.length !== 1) {
    throw new IpcRefusedError(`${channel}: refused, expected one argument, got ${args.length}.`);
  }
  const parsed = ipcContract[channel].input.safeParse(args[0]);
  if (!parsed.success) {
    // For the log and the developer: the contract's own messages, not the catalogue's (main has
    // none, and a well-behaved page never sends invalid input).
    const issues = parsed.error.issues.map(
      (issue) => `${problemPath(issue.path.map(String)) ?? '(input)'}: ${issue.message}`,
    );
    throw new IpcRefusedError(`${channel}: invalid input: ${issues.join('; ')}`);
  }
  const handler = handlers[channel] as (input: unknown, sender: Sender) => Promise<IpcOutput<C>>;
  return handler(parsed.data, event.sender);
}

/**
 * Registers a listener for every channel of the contract, and only those. `onError` hears every
 * refused call and failed handler (for the log); the renderer still gets the rejection.
 */
export function registerIpcHandlers<Sender>(
  ipcMain: IpcMainLike<Sender>,
  handlers: IpcHandlers<Sender>,
  devServerUrl?: string,
  onError?: (channel: IpcChannel, error: unknown) => void,
): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, async (event, ...args) => {
      try {
        return await dispatchIpc(channel, handlers, event, args, devServerUrl);
      } catch (error) {
        onError?.(channel, error);
        throw error;
      }
    });
  }
}
