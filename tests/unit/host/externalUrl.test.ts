import { describe, expect, it } from 'vitest';
import { checkExternalUrl, externalLinkQuestion } from '../../../renderer/src/host/externalUrl';
import { ALLOWED_LINKS, REFUSED_LINKS } from './externalUrlCases';

describe('external link allowlist (the same table as the desktop)', () => {
  it.each(ALLOWED_LINKS)('opens $input as exactly $href', ({ input, href, mail }) => {
    const check = checkExternalUrl(input);
    expect(check).toMatchObject({ ok: true, href, kind: mail ? 'email' : 'web' });
    if (mail && check.ok && check.kind === 'email') {
      expect({ address: check.destination, subject: check.subject, body: check.body }).toEqual({
        subject: undefined,
        body: undefined,
        ...mail,
      });
    }
  });

  it.each(REFUSED_LINKS)('refuses %j', (input) => {
    expect(checkExternalUrl(input).ok).toBe(false);
  });
});

describe('why a link is refused', () => {
  it.each([
    ['https://www.amo.on.ca/policy', 'www.amo.on.ca'],
    ['HTTPS://Example.CA:8443/a?b#c', 'example.ca:8443'],
    ['https://例え.jp/', 'xn--r8jz45g.jp'],
  ])('names the site of %s as %s', (input, destination) => {
    expect(checkExternalUrl(input)).toMatchObject({ ok: true, destination, kind: 'web' });
  });

  it.each([
    ['http://example.ca/', /"http:"/],
    ['javascript:alert(1)', /"javascript:"/],
    [' javascript:alert(1)', /"javascript:"/],
    ['data:text/html,<script>alert(1)</script>', /"data:"/],
    ['file:///etc/passwd', /"file:"/],
    ['app://onmuni/index.html', /"app:"/],
    ['ftp://example.ca', /"ftp:"/],
    ['//example.ca/path', /complete/],
    ['example.ca', /complete/],
    ['', /complete/],
    ['https:evil', /written in full/],
    ['https://trusted.example@evil.example/', /user name or password/],
    ['https://user:pass@example.ca/', /user name or password/],
    [`https://example.ca/${'a'.repeat(3000)}`, /too long/],
    ['mailto:', /no address/],
    ['mailto:%E0%A4%A', /garbled/],
    ['mailto:a@example.ca,b@example.ca', /exactly one plain address/],
    ['mailto:clerk@example.ca?bcc=boss@evil.example', /only a subject and a body, not "bcc"/],
    ['mailto:clerk@example.ca?attach=/etc/passwd', /not "attach"/],
    ['mailto:clerk@example.ca?subject=a&SUBJECT=b', /"subject" twice/],
    ['mailto:clerk@example.ca?subject=%E2%80%AEfdp.exe', /hidden characters/],
    ['mailto:clerk@example.ca#x', /"#"/],
  ])('refuses %j, saying why', (input, reason) => {
    const result = checkExternalUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('the confirmation question', () => {
  it('names the site and shows the whole web link', () => {
    const web = checkExternalUrl('https://www.amo.on.ca/x');
    if (!web.ok) throw new Error('expected the link to be allowed');
    expect(externalLinkQuestion(web)).toBe(
      'Open www.amo.on.ca in your web browser?\n\nhttps://www.amo.on.ca/x',
    );
  });

  it('shows the address, subject and body a mail link will open with', () => {
    const mail = checkExternalUrl(
      'mailto:clerk@example.ca?subject=Plan%20review&body=Hello,%0D%0Asee+attached',
    );
    if (!mail.ok) throw new Error('expected the link to be allowed');
    expect(externalLinkQuestion(mail)).toBe(
      'Write an e-mail to clerk@example.ca in your e-mail program?\n\nSubject: Plan review\n\nHello,\r\nsee+attached',
    );
    expect(mail.href).toBe(
      'mailto:clerk@example.ca?subject=Plan%20review&body=Hello%2C%0D%0Asee%2Battached',
    );
  });

  it('asks about an address alone when the link has nothing else', () => {
    const mail = checkExternalUrl('mailto:clerk@example.ca');
    if (!mail.ok) throw new Error('expected the link to be allowed');
    expect(externalLinkQuestion(mail)).toBe(
      'Write an e-mail to clerk@example.ca in your e-mail program?',
    );
  });
});
