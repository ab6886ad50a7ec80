import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../renderer/src/core/format/count';

describe('formatCount', () => {
  it('groups thousands as Canadian English does unless told another locale', () => {
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(17_262, 'fr-CA')).toBe('17\u00a0262');
  });
});
