/**
 * The one rule for which links may leave the app. Three places apply it and must agree: main,
 * before `shell.openExternal` (`electron/main/security.ts`); the browser edition's host, before
 * `window.open` (`renderer/src/host/browserHost.ts`); and the Markdown link policy, which decides
 * what becomes a clickable link in content and notes (`renderer/src/core/markdown/linkPolicy.ts`).
 * It lives in electron/shared because that is the one pure layer all three may import.
 *
 * Allowed: `https://host/...` written in full, without a user name or password, and `mailto:` with
 * one plain address and at most a subject and a body. Everything else is refused: other schemes,
 * links the URL parser would have to repair (`https:evil`, `https:///host`, backslashes, tabs or
 * line breaks inside), hidden characters, and links over {@link MAX_EXTERNAL_URL_LENGTH}.
 * Parsing is `new URL()`, never string matching, and what may open is returned normalised: for
 * mail, rebuilt from exactly the parts a confirmation shows.
 */

/** Longest link that may leave the app; also the cap `shell:openExternal` puts on its input. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/** A link that may leave the app, normalised; `href` is exactly what opens. */
export type AllowedExternalUrl =
  | {
      ok: true;
      kind: 'web';
      href: string;
      /** The site's host (with its port, if any), to name in the confirmation. */
      destination: string;
    }
  | {
      ok: true;
      kind: 'email';
      href: string;
      /** The one address the message goes to. */
      destination: string;
      /** The subject and body the mail program will be given, to show before it opens. */
      subject: string | undefined;
      body: string | undefined;
    };

export type ExternalUrlCheck = AllowedExternalUrl | { ok: false; reason: string };

/**
 * Control characters (the URL parser silently deletes tabs and line breaks, the classic way to
 * dodge a scheme filter: `java\tscript:`), and bidirectional overrides that make text lie.
 */
const HIDDEN_TEXT = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** Decides whether `input` may leave the app, and if so exactly what opens. Pure; never throws. */
export function checkExternalUrl(input: string): ExternalUrlCheck {
  if (input.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: 'the link is too long' };
  const text = input.trim();
  if (HIDDEN_TEXT.test(text)) return { ok: false, reason: 'the link holds hidden characters' };
  // The parser reads "\" as "/" in web addresses, so what is written would not be what opens.
  if (text.includes('\\')) return { ok: false, reason: 'the link holds a backslash' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'not a complete web address' };
  }
  if (url.protocol === 'https:') return checkWebLink(url, text);
  if (url.protocol === 'mailto:') return checkMailLink(url);
  return { ok: false, reason: `links starting with "${url.protocol}" are not opened` };
}

function checkWebLink(url: URL, text: string): ExternalUrlCheck {
  // The parser repairs 'https:evil' and 'https:///host'; a link written that way is not honest.
  if (!/^https:\/\/[^/]/i.test(text)) {
    return { ok: false, reason: 'the web address is not written in full (https://site/...)' };
  }
  // Credentials make a link look as if it went elsewhere: https://trusted.example@evil.example.
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'web addresses with a user name or password are not opened' };
  }
  if (url.hostname === '') return { ok: false, reason: 'the address has no site name' };
  return { ok: true, kind: 'web', href: url.href, destination: url.host };
}

/** The only `mailto:` fields passed on; `cc`, `bcc`, `to`, `attach` and the rest are refused. */
const MAIL_FIELDS = ['subject', 'body'] as const;

/**
 * One plain address: no second recipient (`,` `;`), no display name (`<>`), no query characters
 * smuggled in through percent-escapes, and a host of letters, digits, dashes and dots.
 */
const MAIL_ADDRESS =
  /^[\p{L}\p{N}.!#$'*+^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*$/u;

/**
 * Reads a `mailto:` URL as a mail program would (RFC 6068: percent-decoding only, so `+` stays a
 * plus; field names ignore case) and allows it only when a confirmation can show all of it: one
 * address, at most a subject and a body, each once, no fragment, no hidden characters.
 */
function checkMailLink(url: URL): ExternalUrlCheck {
  const address = decodeOrNull(url.pathname);
  if (address === null) return { ok: false, reason: 'the e-mail address is garbled' };
  if (address === '') return { ok: false, reason: 'the e-mail link has no address' };
  if (!MAIL_ADDRESS.test(address)) {
    return { ok: false, reason: 'the e-mail link must name exactly one plain address' };
  }
  if (url.hash !== '') return { ok: false, reason: 'the e-mail link has a "#" part' };
  const fields = new Map<string, string>();
  const query = url.search.slice(1);
  for (const pair of query === '' ? [] : query.split('&')) {
    const equals = pair.indexOf('=');
    const name = decodeOrNull(equals < 0 ? pair : pair.slice(0, equals));
    const value = decodeOrNull(equals < 0 ? '' : pair.slice(equals + 1));
    if (name === null || value === null) return { ok: false, reason: 'the e-mail link is garbled' };
    const field = name.toLowerCase();
    if (!MAIL_FIELDS.some((allowed) => allowed === field)) {
      return { ok: false, reason: `e-mail links may set only a subject and a body, not "${name}"` };
    }
    if (fields.has(field)) return { ok: false, reason: `the e-mail link sets "${field}" twice` };
    fields.set(field, value);
  }
  const subject = fields.get('subject');
  const body = fields.get('body');
  // A body may break lines and hold tabs; nothing else hidden, in either.
  if (
    (subject !== undefined && HIDDEN_TEXT.test(subject)) ||
    (body !== undefined && HIDDEN_TEXT.test(body.replace(/[\t\r\n]/g, '')))
  ) {
    return { ok: false, reason: 'the e-mail link holds hidden characters' };
  }
  const href = mailLinkHref(address, subject, body);
  if (href.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: 'the link is too long' };
  return { ok: true, kind: 'email', href, destination: address, subject, body };
}

/** The `mailto:` link for exactly these parts (each percent-encoded, `@` kept). */
function mailLinkHref(address: string, subject?: string, body?: string): string {
  const at = address.lastIndexOf('@');
  const fields: string[] = [];
  if (subject !== undefined) fields.push(`subject=${encodeURIComponent(subject)}`);
  if (body !== undefined) fields.push(`body=${encodeURIComponent(body)}`);
  const query = fields.length > 0 ? `?${fields.join('&')}` : '';
  return `mailto:${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}${query}`;
}

/** decodeURIComponent, or null for a malformed escape (`%E0%A4%A`). */
function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
