/**
 * One table of links for the one external-link policy (`electron/shared/externalUrlPolicy.ts`),
 * run against the policy and against each place that applies it: the desktop's confirmation before
 * `shell.openExternal` (tests/unit/electron/security.test.ts), the browser edition's before
 * `window.open` (tests/unit/host/browserHostLinks.test.ts), and the Markdown link policy that
 * decides what is clickable in content and notes (tests/unit/markdown/linkPolicy.test.ts). A row
 * here is a promise all three keep.
 */

/** A link that may leave the app, with exactly what opens and what the confirmation shows. */
export interface AllowedLink {
  input: string;
  href: string;
  /** For mail: the address, subject and body the confirmation must show. */
  mail?: { address: string; subject?: string; body?: string };
}

export const ALLOWED_LINKS: readonly AllowedLink[] = [
  { input: 'https://x', href: 'https://x/' },
  { input: 'https://www.amo.on.ca/', href: 'https://www.amo.on.ca/' },
  { input: 'https://example.com/path?q=1#frag', href: 'https://example.com/path?q=1#frag' },
  { input: 'HTTPS://EXAMPLE.COM/', href: 'https://example.com/' },
  { input: '  https://example.com/  ', href: 'https://example.com/' },
  { input: 'HTTPS://Example.CA:8443/a?b#c', href: 'https://example.ca:8443/a?b#c' },
  { input: 'https://例え.jp/', href: 'https://xn--r8jz45g.jp/' },
  // A space is not hidden and the parser does not delete it: it opens, and shows, as %20.
  { input: 'https://example.com/a b', href: 'https://example.com/a%20b' },
  {
    input: 'mailto:clerk@town.example.ca',
    href: 'mailto:clerk@town.example.ca',
    mail: { address: 'clerk@town.example.ca' },
  },
  {
    input: 'mailto:clerk@town.example.ca?subject=Hello',
    href: 'mailto:clerk@town.example.ca?subject=Hello',
    mail: { address: 'clerk@town.example.ca', subject: 'Hello' },
  },
  {
    input: 'mailto:clerk%40example.ca?subject=Hi',
    href: 'mailto:clerk@example.ca?subject=Hi',
    mail: { address: 'clerk@example.ca', subject: 'Hi' },
  },
  {
    // Field names ignore case (RFC 6068); the link that opens spells them as shown.
    input: 'mailto:clerk@example.ca?SUBJECT=Budget%202027&Body=Line%201%0D%0ALine%202',
    href: 'mailto:clerk@example.ca?subject=Budget%202027&body=Line%201%0D%0ALine%202',
    mail: { address: 'clerk@example.ca', subject: 'Budget 2027', body: 'Line 1\r\nLine 2' },
  },
  {
    // "+" is a plus in mailto: (no form encoding), so it is shown and sent as one.
    input: 'mailto:clerk@example.ca?subject=1+1',
    href: 'mailto:clerk@example.ca?subject=1%2B1',
    mail: { address: 'clerk@example.ca', subject: '1+1' },
  },
  {
    // An encoded "&cc=" is subject text, shown as such, and stays encoded in what opens.
    input: 'mailto:clerk@example.ca?subject=a%26cc%3Dboss%40evil.example',
    href: 'mailto:clerk@example.ca?subject=a%26cc%3Dboss%40evil.example',
    mail: { address: 'clerk@example.ca', subject: 'a&cc=boss@evil.example' },
  },
  {
    input: 'mailto:greffe@ville.example.ca?subject=Réunion du conseil',
    href: 'mailto:greffe@ville.example.ca?subject=R%C3%A9union%20du%20conseil',
    mail: { address: 'greffe@ville.example.ca', subject: 'Réunion du conseil' },
  },
  {
    input: 'mailto:clerk@example.ca?body=',
    href: 'mailto:clerk@example.ca?body=',
    mail: { address: 'clerk@example.ca', body: '' },
  },
];

/**
 * Links that never leave the app, and that content never shows as clickable. Before issue #13 the
 * Markdown policy accepted some of these (a `mailto:` adding recipients, `https:evil.example`, links
 * over 2,048 characters) only for the host to refuse them on click.
 */
export const REFUSED_LINKS: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'file:///C:/Windows/System32/calc.exe',
  'file://attacker/share/x.exe',
  '\\\\attacker\\share\\x.exe',
  '//attacker.example/x',
  'http://example.com/',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'smb://host/x.exe',
  'ms-msdt:/id PCWDiagnostic',
  'vscode://file/etc/passwd',
  'app://onmuni/index.html',
  'ftp://example.com/',
  'https://user:pass@example.com/',
  'https://bank.example@evil.example/',
  'https:evil',
  // The parser would repair it to https://evil.example/; the Markdown policy used to let it through.
  'https:evil.example',
  'https:///nohost',
  // Characters the parser deletes or rewrites, so what is written is not what would open. The
  // hosts used to open these (the parser quietly "fixed" them); the Markdown policy refused them.
  'https://exa\tmple.com/',
  'https://example.com/a\nb',
  'https://good.example\\@evil.example/',
  'https:\\\\evil.example/',
  // Hidden characters: a C1 control, and a right-to-left override that reverses what is shown.
  'https://example.com/\u0085',
  'https://example.com/\u202Efdp.exe',
  'not a url',
  'example.ca',
  '',
  `https://example.com/${'a'.repeat(3000)}`,
  // mailto: one plain address, and nothing but a subject and a body, each once.
  'mailto:',
  'mailto:foo',
  'mailto:not-an-address',
  'mailto:a@b/../x',
  'mailto:?to=clerk@example.ca',
  'mailto:clerk@example.ca?cc=boss@evil.example',
  'mailto:clerk@example.ca?subject=Hi&bcc=boss@evil.example',
  'mailto:clerk@example.ca?CC=boss@evil.example',
  'mailto:clerk@example.ca?to=boss@evil.example',
  'mailto:clerk@example.ca?attach=C:/Users/clerk/Documents/budget.xlsx',
  'mailto:clerk@example.ca?attachment=/etc/passwd',
  'mailto:clerk@example.ca?in-reply-to=%3Cx@example.ca%3E',
  'mailto:clerk@example.ca?subject=a&subject=b',
  'mailto:clerk@example.ca?subject=a&Subject=b',
  'mailto:clerk@example.ca,boss@evil.example',
  'mailto:clerk@example.ca;boss@evil.example',
  'mailto:clerk@example.ca%2Cboss@evil.example',
  'mailto:Clerk%20%3Cclerk@example.ca%3E',
  'mailto:clerk%3Fcc%3Dboss@evil.example',
  'mailto:clerk@example.ca#frag',
  'mailto:%E0%A4%A',
  'mailto:clerk@example.ca?subject=%E0%A4%A',
  'mailto:clerk@example.ca?subject=a%0D%0Abcc:boss@evil.example',
  'mailto:clerk@example.ca?subject=%E2%80%AEfdp.exe',
  'mailto:clerk@example.ca?body=a%00b',
  // Short as written, but over 2,048 characters once encoded for opening.
  `mailto:clerk@example.ca?body=${'é'.repeat(400)}`,
];
