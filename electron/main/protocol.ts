/**
 * The `app://onmuni/` scheme that serves the built renderer (Electron security checklist #18:
 * no `file://`). Only files under the renderer folder are served; anything that tries to climb out
 * (`..`, `%2e%2e`, backslashes, drive letters, NUL) is refused. Every response carries a strict CSP.
 */
import { promises as fsp } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, contentTypeForExtension } from '../shared/servingPolicy';

export { CONTENT_SECURITY_POLICY };

export const APP_SCHEME = 'app';
export const APP_HOST = 'onmuni';
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The content type served for a file name; unknown types are sent as opaque bytes. */
export function contentTypeFor(path: string): string {
  return contentTypeForExtension(extname(path));
}

/**
 * Maps an `app://onmuni/...` URL to a file under `root`, or returns null when the URL is not ours or
 * tries to leave `root`. Pure string work: the caller still checks that the file really exists.
 */
export function resolveAppPath(root: string, url: string): string | null {
  // The URL parser silently resolves '..', '%2e%2e' and friends; refuse them before it can, since
  // no asset of ours is ever addressed that way and a request that tries is hostile.
  if (/%2e|\\/i.test(url) || /\/\.{1,2}(?:[/?#]|$)/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  const rawPath = parsed.pathname;
  // Encoded separators and backslashes have no business in our asset paths: refuse, don't guess.
  if (/%2f|%5c|\\/i.test(rawPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  for (const segment of segments) {
    // '..' and '.' climb; ':' would allow drive letters (C:) and alternate data streams.
    if (segment === '..' || segment === '.' || segment.includes(':')) return null;
  }
  const base = resolve(root);
  const file = segments.length === 0 ? join(base, 'index.html') : join(base, ...segments);
  return isStrictlyInside(base, file) ? file : null;
}

/** True when `file` is below `base` (not `base` itself, not beside it, not on another drive). */
function isStrictlyInside(base: string, file: string): boolean {
  const rel = relative(base, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * Answers one request to the app scheme from the files under `root`. Returns 400 for a refused path,
 * 404 for a missing file and 405 for anything but GET or HEAD. Symbolic links that point outside
 * `root` are refused too.
 */
export async function handleAppRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'Method not allowed');
  }
  const file = resolveAppPath(root, request.url);
  if (file === null) return textResponse(400, 'Bad request');
  let body: Buffer;
  try {
    const [realRoot, realFile] = await Promise.all([fsp.realpath(root), fsp.realpath(file)]);
    if (!isStrictlyInside(realRoot, realFile)) return textResponse(400, 'Bad request');
    body = await fsp.readFile(realFile);
  } catch {
    return textResponse(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': contentTypeFor(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Opener-Policy': 'same-origin',
    },
  });
}

/**
 * Declares `app:` a standard, secure scheme with fetch support. Must run before the app is ready.
 * Not `bypassCSP`, not `corsEnabled`: the scheme gets no more than an https origin would.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the renderer folder on `app://onmuni/` for the default session. Call after ready. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(root, request));
}
