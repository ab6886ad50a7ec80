import { describe, expect, it } from 'vitest';
import { checkExternalUrl, externalLinkQuestion } from '../../../renderer/src/host/externalUrl';

describe('external link allowlist', () => {
  it.each([
    ['https://www.amo.on.ca/policy', 'www.amo.on.ca', 'web'],
    ['HTTPS://Example.CA:8443/a?b#c', 'example.ca:8443', 'web'],
    ['https://例え.jp/', 'xn--r8jz45g.jp', 'web'],
    ['mailto:clerk@example.ca', 'clerk@example.ca', 'email'],
    ['mailto:clerk%40example.ca?subject=Hi', 'clerk@example.ca', 'email'],
  ])('opens %s, naming %s', (input, destination, kind) => {
    expect(checkExternalUrl(input)).toMatchObject({ ok: true, destination, kind });
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
    ['https://trusted.example@evil.example/', /user name or password/],
    ['https://user:pass@example.ca/', /user name or password/],
    ['mailto:', /no address/],
    ['mailto:%E0%A4%A', /garbled/],
  ])('refuses %j', (input, reason) => {
    const result = checkExternalUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('names the destination in the confirmation question', () => {
    const web = checkExternalUrl('https://www.amo.on.ca/x');
    const mail = checkExternalUrl('mailto:clerk@example.ca');
    if (!web.ok || !mail.ok) throw new Error('expected both links to be allowed');
    expect(externalLinkQuestion(web)).toContain('www.amo.on.ca');
    expect(externalLinkQuestion(mail)).toContain('clerk@example.ca');
  });
});
