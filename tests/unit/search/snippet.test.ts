import { describe, expect, it } from 'vitest';
import { buildSnippet } from '../../../renderer/src/core/search/snippet';

const text =
  'Middlesex Centre was one of the first places in Ontario to take building permits fully online, and it now runs the building division for four neighbouring townships as a shared service.';

describe('buildSnippet', () => {
  it('marks the matched words', () => {
    const start = text.indexOf('permits');
    const parts = buildSnippet(text, [[start, 7]], 400);
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['permits']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('centres on the densest cluster and adds ellipses when it cuts', () => {
    const a = text.indexOf('shared');
    const b = text.indexOf('service');
    const parts = buildSnippet(
      text,
      [
        [0, 9],
        [a, 6],
        [b, 7],
      ],
      60,
    );
    const joined = parts.map((p) => p.text).join('');
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['shared', 'service']);
    expect(joined.startsWith('…')).toBe(true);
  });

  it('ignores positions outside the text and falls back to the opening', () => {
    const parts = buildSnippet(text, [[9999, 4]], 40);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.marked).toBe(false);
    expect(parts[0]?.text.endsWith('…')).toBe(true);
  });
});
