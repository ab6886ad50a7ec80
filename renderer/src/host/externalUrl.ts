/** Schemes the app will hand to the user's browser or mail program. Everything else is refused. */
export const ALLOWED_EXTERNAL_PROTOCOLS = ['https:', 'mailto:'] as const;

/** Longest link opened, as the desktop's `shell:openExternal` allows (MAX_URL_LENGTH). */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

export type ExternalUrlCheck =
  | {
      ok: true;
      /** The normalised URL to open (for mail, rebuilt from exactly the parts below). */
      href: string;
      /** What to name in the confirmation: the web site's host, or the e-mail address. */
      destination: string;
      kind: 'web';
    }
  | {
      ok: true;
      href: string;
      /** The one address the message goes to. */
      destination: string;
      kind: 'email';
      /** The subject and body the mail program will be given, shown before it opens. */
      subject: string | undefined;
      body: string | undefined;
    }
  | { ok: false; reason: string };

/**
 * Decides whether a link may leave the app, by the same rules as the desktop
 * (`electron/main/security.ts`, `isAllowedExternalUrl`): parses with `new URL()` (never by string
 * matching), allows only https: and mailto:, and refuses URLs with embedded credentials, which are
 * used to make a link look like it goes somewhere else (`https://trusted.example@evil.example`).
 */
export function checkExternalUrl(input: string): ExternalUrlCheck {
  if (input.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: 'the link is too long' };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: 'not a complete web address' };
  }
  if (url.protocol === 'https:') {
    // The parser repairs 'https:evil' and 'https:///host'; a link written that way is not honest.
    if (!/^\s*https:\/\/[^/\\]/i.test(input)) {
      return { ok: false, reason: 'the web address is not written in full (https://site/...)' };
    }
    if (url.username !== '' || url.password !== '') {
      return { ok: false, reason: 'web addresses with a user name or password are not opened' };
    }
    if (url.hostname === '') return { ok: false, reason: 'the address has no site name' };
    return { ok: true, href: url.href, destination: url.host, kind: 'web' };
  }
  if (url.protocol === 'mailto:') return checkMailLink(url);
  return { ok: false, reason: `links starting with "${url.protocol}" are not opened` };
}

/** The only `mailto:` fields passed on; `cc`, `bcc`, `to`, `attach` and the rest are refused. */
const MAIL_FIELDS = ['subject', 'body'] as const;

/**
 * One plain address: no second recipient (`,` `;`), no display name (`<>`), no query characters
 * smuggled in through percent-escapes, and a host of letters, digits, dashes and dots.
 */
const MAIL_ADDRESS =
  /^[\p{L}\p{N}.!#$'*+^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*$/u;

/** Control characters, and bidirectional overrides that would make the shown text lie. */
const HIDDEN_TEXT = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/**
 * Reads a `mailto:` URL as a mail program would (RFC 6068: percent-decoding only, so `+` stays a
 * plus; field names ignore case) and allows it only when the confirmation can show all of it: one
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
  if (
    (subject !== undefined && HIDDEN_TEXT.test(subject)) ||
    (body !== undefined && HIDDEN_TEXT.test(body.replace(/[\t\r\n]/g, '')))
  ) {
    return { ok: false, reason: 'the e-mail link holds hidden characters' };
  }
  const href = mailLinkHref(address, subject, body);
  if (href.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: 'the link is too long' };
  return { ok: true, href, destination: address, kind: 'email', subject, body };
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

function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The question asked before a link leaves the app: everything it will open, nothing hidden. */
export function externalLinkQuestion(check: Extract<ExternalUrlCheck, { ok: true }>): string {
  if (check.kind === 'web') {
    return `Open ${check.destination} in your web browser?\n\n${check.href}`;
  }
  const lines = [`Write an e-mail to ${check.destination} in your e-mail program?`];
  if (check.subject !== undefined) lines.push('', `Subject: ${check.subject}`);
  if (check.body !== undefined) lines.push('', check.body);
  return lines.join('\n');
}
