import { describe, expect, it } from 'vitest';
import {
  MAX_EXTERNAL_URL_LENGTH,
  checkExternalUrl,
} from '../../../electron/shared/externalUrlPolicy';
import { ipcContract } from '../../../electron/shared/ipcContract';
import { ALLOWED_LINKS, REFUSED_LINKS } from '../host/externalUrlCases';

describe('the external-link policy (the table every caller runs)', () => {
  it.each(ALLOWED_LINKS)('allows $input, opening exactly $href', ({ input, href, mail }) => {
    const link = checkExternalUrl(input);
    expect(link).toMatchObject({ ok: true, href, kind: mail ? 'email' : 'web' });
    if (mail && link.ok && link.kind === 'email') {
      expect({ address: link.destination, subject: link.subject, body: link.body }).toEqual({
        subject: undefined,
        body: undefined,
        ...mail,
      });
    }
  });

  // The Markdown policy renders `href`, and a click hands that to the host, which checks again:
  // a normalised link must pass unchanged, or content would show links that then do nothing.
  it.each(ALLOWED_LINKS)('allows what it made of $input again, unchanged', ({ href }) => {
    expect(checkExternalUrl(href)).toMatchObject({ ok: true, href });
  });

  it.each(REFUSED_LINKS)('refuses %j', (input) => {
    expect(checkExternalUrl(input).ok).toBe(false);
  });

  it('has one length limit, which the IPC contract applies too', () => {
    const schema = ipcContract['shell:openExternal'].input;
    const longest = `https://example.ca/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH - 19)}`;
    expect(longest).toHaveLength(MAX_EXTERNAL_URL_LENGTH);
    expect(checkExternalUrl(longest).ok).toBe(true);
    expect(schema.safeParse({ url: longest }).success).toBe(true);
    expect(checkExternalUrl(`${longest}a`).ok).toBe(false);
    expect(schema.safeParse({ url: `${longest}a` }).success).toBe(false);
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
    ['java\tscript:alert(1)', /hidden characters/],
    ['data:text/html,<script>alert(1)</script>', /"data:"/],
    ['file:///etc/passwd', /"file:"/],
    ['app://onmuni/index.html', /"app:"/],
    ['ftp://example.ca', /"ftp:"/],
    ['//example.ca/path', /complete/],
    ['example.ca', /complete/],
    ['', /complete/],
    ['https:evil', /written in full/],
    ['https:evil.example', /written in full/],
    ['https:///nohost', /written in full/],
    ['https://exa\tmple.com/', /hidden characters/],
    ['https://example.com/\u202Efdp.exe', /hidden characters/],
    ['\\\\attacker\\share\\x.exe', /backslash/],
    ['https://good.example\\@evil.example/', /backslash/],
    ['https://trusted.example@evil.example/', /user name or password/],
    ['https://user:pass@example.ca/', /user name or password/],
    [`https://example.ca/${'a'.repeat(3000)}`, /too long/],
    ['mailto:', /no address/],
    ['mailto:foo', /exactly one plain address/],
    ['mailto:%E0%A4%A', /garbled/],
    ['mailto:a@example.ca,b@example.ca', /exactly one plain address/],
    ['mailto:clerk@example.ca?bcc=boss@evil.example', /only a subject and a body, not "bcc"/],
    ['mailto:clerk@example.ca?attach=/etc/passwd', /not "attach"/],
    ['mailto:clerk@example.ca?subject=a&SUBJECT=b', /"subject" twice/],
    ['mailto:clerk@example.ca?subject=%E2%80%AEfdp.exe', /hidden characters/],
    ['mailto:clerk@example.ca#x', /"#"/],
    [`mailto:clerk@example.ca?body=${'é'.repeat(400)}`, /too long/],
  ])('refuses %j, saying why', (input, reason) => {
    const result = checkExternalUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
