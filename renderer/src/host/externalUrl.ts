/** Schemes the app will hand to the user's browser or mail program. Everything else is refused. */
export const ALLOWED_EXTERNAL_PROTOCOLS = ['https:', 'mailto:'] as const;

export type ExternalUrlCheck =
  | {
      ok: true;
      /** The normalised URL to open. */
      href: string;
      /** What to name in the confirmation: the web site's host, or the e-mail address. */
      destination: string;
      kind: 'web' | 'email';
    }
  | { ok: false; reason: string };

/**
 * Decides whether a link may leave the app. Parses with `new URL()` (never by string matching),
 * allows only https: and mailto:, and refuses URLs with embedded credentials, which are used to
 * make a link look like it goes somewhere else (`https://trusted.example@evil.example`).
 */
export function checkExternalUrl(input: string): ExternalUrlCheck {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: 'not a complete web address' };
  }
  if (url.protocol === 'https:') {
    if (url.username !== '' || url.password !== '') {
      return { ok: false, reason: 'web addresses with a user name or password are not opened' };
    }
    if (url.hostname === '') return { ok: false, reason: 'the address has no site name' };
    return { ok: true, href: url.href, destination: url.host, kind: 'web' };
  }
  if (url.protocol === 'mailto:') {
    let address: string;
    try {
      address = decodeURIComponent(url.pathname);
    } catch {
      return { ok: false, reason: 'the e-mail address is garbled' };
    }
    if (address === '') return { ok: false, reason: 'the e-mail link has no address' };
    return { ok: true, href: url.href, destination: address, kind: 'email' };
  }
  return { ok: false, reason: `links starting with "${url.protocol}" are not opened` };
}

/** The question asked before a link leaves the app. */
export function externalLinkQuestion(check: Extract<ExternalUrlCheck, { ok: true }>): string {
  return check.kind === 'web'
    ? `Open ${check.destination} in your web browser?\n\n${check.href}`
    : `Write an e-mail to ${check.destination} in your e-mail program?`;
}
