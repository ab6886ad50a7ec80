import { describe, expect, it } from 'vitest';

import {
  parseTrustedKeys,
  TRUSTED_KEYS_VERSION,
  withTrustedKey,
  type TrustedKeys,
} from '../../../renderer/src/core/packs/trustedKeys';

const KEY = 'ab'.repeat(32);

describe('trusted keys', () => {
  it('reads a stored list, dropping what is not a key and repeats', () => {
    const parsed = parseTrustedKeys({ version: 1, keys: [KEY, 'not-a-key', KEY, 7] });
    expect(parsed.data.keys).toEqual([KEY]);
    expect(parsed.issues.map((issue) => issue.path)).toEqual(['keys.1', 'keys.3']);
  });

  it('starts with none when the stored value is not a list of this version', () => {
    for (const raw of [null, [], { keys: [KEY] }, { version: 2, keys: [KEY] }]) {
      const parsed = parseTrustedKeys(raw);
      expect(parsed.data).toEqual({ version: TRUSTED_KEYS_VERSION, keys: [] });
      expect(parsed.issues).toHaveLength(1);
    }
  });

  it('adds a key once, in lowercase, and refuses what is not a key', () => {
    const empty: TrustedKeys = { version: TRUSTED_KEYS_VERSION, keys: [] };
    const once = withTrustedKey(empty, KEY.toUpperCase());
    expect(once.keys).toEqual([KEY]);
    expect(withTrustedKey(once, KEY)).toBe(once);
    expect(() => withTrustedKey(empty, 'abc')).toThrow(RangeError);
  });
});
