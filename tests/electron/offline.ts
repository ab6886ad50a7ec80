/**
 * The smoke test's two witnesses that the desktop app stays offline, kept pure so they are
 * unit-tested (tests/unit/electron/offline.test.ts) with known good and bad inputs: a mistake in a
 * pattern here would otherwise let every real run pass.
 */

/** Schemes a page request may use: the app's own files and in-memory data. */
export const LOCAL_PROTOCOLS: ReadonlySet<string> = new Set([
  'app:',
  'data:',
  'blob:',
  'devtools:',
]);

/** A request URL that could have left the machine (anything but app:, data:, blob:, devtools:). */
export function isForeignRequest(url: string): boolean {
  try {
    return !LOCAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

const NETWORK_URL = /\b(?:https?|wss?):\/\/[^\s"'<>\\]*/gi;

/**
 * The http(s) and ws(s) URLs in a net log, except the debugging endpoint on 127.0.0.1 (or
 * localhost) at `debugPort`. Scans the raw text, so a log cut short by a killed process is still
 * read to its last byte, and every section (events, constants, polled data) is covered.
 */
export function networkUrlsInNetLog(text: string, debugPort: number): string[] {
  const debugEndpoint = new RegExp(
    `^(?:https?|wss?)://(?:127\\.0\\.0\\.1|localhost|\\[::1\\]):${debugPort}(?:[/?#]|$)`,
    'i',
  );
  const found = new Set<string>();
  // JSON may escape slashes ("https:\/\/host\/path"): unescape them all before matching.
  for (const match of text.replace(/\\\//g, '/').matchAll(NETWORK_URL)) {
    // Prose around a URL may end it with punctuation.
    const url = match[0].replace(/[;,.)}\]]+$/, '');
    if (!debugEndpoint.test(url)) found.add(url);
  }
  return [...found];
}
