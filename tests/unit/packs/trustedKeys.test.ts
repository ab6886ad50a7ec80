import { describe, expect, it } from 'vitest';

import {
  isTrusted,
  parseTrustedKeys,
  signatureStatus,
  TRUSTED_KEYS_VERSION,
  withTrustedKey,
  withoutTrustedKey,
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

  it('says verified only for a signer the user trusts now, whatever the case of the hex', () => {
    expect(isTrusted(KEY, [])).toBe(false);
    expect(isTrusted(KEY, [KEY.toUpperCase()])).toBe(true);
    expect(isTrusted(KEY.toUpperCase(), [KEY])).toBe(true);
    expect(signatureStatus(KEY, [])).toEqual({ state: 'notVerified', publicKey: KEY });
    expect(signatureStatus(KEY, [KEY])).toEqual({ state: 'verified', publicKey: KEY });
    expect(signatureStatus(null, [KEY])).toEqual({ state: 'unsigned' });
  });

  it('stops trusting a key, leaving the others', () => {
    const other = 'cd'.repeat(32);
    const keys = withTrustedKey(withTrustedKey(emptyKeys(), KEY), other);
    expect(withoutTrustedKey(keys, KEY.toUpperCase()).keys).toEqual([other]);
    expect(withoutTrustedKey(keys, 'ef'.repeat(32)).keys).toEqual([KEY, other]);
  });
});

function emptyKeys(): TrustedKeys {
  return { version: TRUSTED_KEYS_VERSION, keys: [] };
}
