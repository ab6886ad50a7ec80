/**
 * The benchmark's participants: plain Node HTTP clients on loopback, as phones would be. Actions
 * go through one keep-alive agent with a bounded number of sockets (a phone keeps one or two
 * connections); each participant's event stream holds a socket of its own, as EventSource does.
 */
import { Agent, request } from 'node:http';
import type { ParticipantState } from '../../../renderer/src/core/room/protocol';

/** Sockets for actions, shared by all participants. */
export const ACTION_SOCKETS = 64;
/** No request may take longer than this (the benchmark must end). */
const REQUEST_TIMEOUT_MS = 10_000;

export class RoomClients {
  readonly actions = new Agent({ keepAlive: true, maxSockets: ACTION_SOCKETS });
  readonly streams = new Agent({ keepAlive: false, maxSockets: Infinity });
  private readonly open = new Set<() => void>();

  constructor(private readonly port: number) {}

  /** One JSON request; resolves with its status once the answer has fully arrived. */
  call(path: string, body: unknown, token?: string): Promise<{ status: number; text: string }> {
    const payload = JSON.stringify(body);
    return new Promise((resolveCall, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path,
          method: 'POST',
          agent: this.actions,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            Host: `127.0.0.1:${this.port}`,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(payload),
            ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolveCall({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${path} took over ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /**
   * Opens a participant's event stream; `onState` gets each state as it arrives while `wanted()`
   * says so. The others are only split off, not parsed: 300 participants' states are parsed on
   * 300 phones in a hall, but here on one thread, which the timings must not wait for.
   */
  stream(
    token: string,
    onState: (state: ParticipantState) => void,
    wanted: () => boolean,
  ): Promise<void> {
    return new Promise((resolveOpen, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: `/api/events?token=${encodeURIComponent(token)}`,
          agent: this.streams,
          headers: { Host: `127.0.0.1:${this.port}`, Accept: 'text/event-stream' },
        },
        (res) => {
          if (res.statusCode !== 200) {
            reject(new Error(`event stream answered ${res.statusCode}`));
            return;
          }
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            let end = text.indexOf('\n\n');
            while (end !== -1) {
              const block = text.slice(0, end);
              text = text.slice(end + 2);
              if (wanted() && block.startsWith('event: state\n')) {
                onState(JSON.parse(block.slice(block.indexOf('data: ') + 6)) as ParticipantState);
              }
              end = text.indexOf('\n\n');
            }
          });
          resolveOpen();
        },
      );
      req.on('error', (error) => {
        if (!this.closing) reject(error);
      });
      this.open.add(() => req.destroy());
      req.end();
    });
  }

  private closing = false;

  close(): void {
    this.closing = true;
    for (const stop of this.open) stop();
    this.actions.destroy();
    this.streams.destroy();
  }
}
