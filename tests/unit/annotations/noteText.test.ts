import { describe, expect, it } from 'vitest';
import { noteToSegments } from '../../../renderer/src/core/annotations/noteText';

describe('noteToSegments', () => {
  it('keeps line breaks and plain text, markup included, as text', () => {
    expect(noteToSegments('<b>one</b>\n\nthree')).toEqual([
      [{ kind: 'text', text: '<b>one</b>' }],
      [{ kind: 'text', text: '' }],
      [{ kind: 'text', text: 'three' }],
    ]);
  });

  it('makes https: addresses links, without the sentence’s final punctuation', () => {
    expect(noteToSegments('See https://www.amo.on.ca/report. Then call.')).toEqual([
      [
        { kind: 'text', text: 'See ' },
        { kind: 'link', text: 'https://www.amo.on.ca/report', url: 'https://www.amo.on.ca/report' },
        { kind: 'text', text: '. Then call.' },
      ],
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://insecure.example',
    'file:///etc/passwd',
    'mailto:clerk@example.ca',
    'https://user:pw@evil.example',
    'vbscript:msgbox',
  ])('leaves %s as text', (address) => {
    const segments = noteToSegments(`go ${address} now`).flat();
    expect(segments.every((s) => s.kind === 'text')).toBe(true);
    expect(segments.map((s) => s.text).join('')).toBe(`go ${address} now`);
  });

  it('never loses text around several links', () => {
    const note = 'a https://a.example/x b https://b.example/y, c';
    const segments = noteToSegments(note).flat();
    expect(segments.map((s) => s.text).join('')).toBe(note);
    expect(segments.filter((s) => s.kind === 'link')).toHaveLength(2);
  });
});
