/**
 * The HTTP rules of the room server that do not depend on the room: the headers every response
 * carries, the Host check against DNS rebinding, reading a bounded JSON body, and the short JSON
 * answers the participant page reads.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RoomErrorCode } from '../../renderer/src/core/room/protocol';

/**
 * The participant page's policy: its own scripts, styles and API only. Stricter than the app's
 * (no fonts, no data: images, no workers): the page needs none of them.
 */
export const ROOM_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Sent with every response, errors included. No Access-Control-* header ever: another origin's
 * page may not read anything from the room.
 */
export const ROOM_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': ROOM_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * True when the Host header names this room exactly: the address it is bound to (or
 * `localhost` when that is loopback) with its port. A DNS name re-pointed at the address by an
 * attacker's page (DNS rebinding) is refused, and so is a missing header.
 */
export function isRoomHost(hostHeader: string | undefined, address: string, port: number): boolean {
  if (hostHeader === undefined) return false;
  const match = /^([^:[\]]+):(\d{1,5})$/.exec(hostHeader.trim().toLowerCase());
  if (match === null || Number(match[2]) !== port) return false;
  const name = match[1];
  return name === address || (address.startsWith('127.') && name === 'localhost');
}

/** A JSON answer (or an empty one for 204). Never cached: it is the room's live state. */
export function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...ROOM_SECURITY_HEADERS,
    'Cache-Control': 'no-store',
    ...(text === '' ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** A refusal the participant page can word: `{ "error": "<code>" }`. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: RoomErrorCode,
  extra: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
  sendJson(res, status, { error });
}

export type BodyResult =
  { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: RoomErrorCode };

/** True for `application/json`, with or without a charset parameter (UTF-8 only). */
function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...parameters] = header
    .toLowerCase()
    .split(';')
    .map((part) => part.trim());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => parameter === '' || parameter === 'charset=utf-8');
}

/**
 * Reads a JSON body of at most `maxBytes`. A declared or actual length over the limit is refused
 * before anything is parsed (and the rest is not read); so is any other content type.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  if (!isJsonContentType(req.headers['content-type'])) {
    return Promise.resolve({ ok: false, status: 415, error: 'unsupported-type' });
  }
  const declared = Number(req.headers['content-length'] ?? '0');
  if (!Number.isFinite(declared) || declared > maxBytes) {
    return Promise.resolve({ ok: false, status: 413, error: 'too-large' });
  }
  return new Promise((resolveBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult): void => {
      if (done) return;
      done = true;
      resolveBody(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop reading: the answer goes out now and the connection closes after it.
        req.pause();
        finish({ ok: false, status: 413, error: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        finish({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        finish({ ok: false, status: 400, error: 'bad-json' });
      }
    });
    req.on('error', () => finish({ ok: false, status: 400, error: 'bad-json' }));
  });
}

/** The remote address of a request, for the per-address limits. */
export function remoteAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** True for a loopback peer: 127.0.0.0/8, ::1, or IPv4 loopback mapped into IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}
