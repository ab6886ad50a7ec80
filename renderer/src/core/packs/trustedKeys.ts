import { problemLine, withOutcome } from '../common/problemLine';
import type { DocumentStorage, ParsedDocument } from '../store/DocumentStorage';
import { createJsonDocumentBackend } from '../store/jsonDocumentBackend';
import type { StoreBackend } from '../store/StoreBackend';
import type { SignatureStatus } from './checkSignature';
import { isPublicKeyHex } from './signature';

/**
 * The publishers' keys the user has chosen to trust (issue 15): a pack signed by one of them is
 * shown as "verified". Trust comes only from this list, which only the user changes (on the
 * Content packs page: trusted from a signed pack's preview, no longer trusted from the list of
 * trusted keys); never from a pack. A stored pack keeps only which key signed it, so whether it
 * is "verified" always follows the list as it is now.
 */

/** The name of the document in host storage. */
const TRUSTED_KEYS_KEY = 'trusted-pack-keys';
export const TRUSTED_KEYS_VERSION = 1;

/** The stored document: Ed25519 public keys as 64 lowercase hex digits, each once. */
export interface TrustedKeys {
  version: typeof TRUSTED_KEYS_VERSION;
  keys: string[];
}

const empty = (): TrustedKeys => ({ version: TRUSTED_KEYS_VERSION, keys: [] });

/** Reads any stored value into the current shape; what is not a key is dropped and listed. */
export function parseTrustedKeys(raw: unknown): ParsedDocument<TrustedKeys> {
  const record =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
  const list = Array.isArray(record?.keys) ? (record.keys as unknown[]) : null;
  if (list === null || record?.version !== TRUSTED_KEYS_VERSION)
    return {
      data: empty(),
      issues: [
        withOutcome(
          problemLine(undefined, 'packs:trustedKeys.notList'),
          'problems:outcome.startedWithNone',
        ),
      ],
    };
  const keys: string[] = [];
  const issues = [];
  for (const [index, key] of list.entries()) {
    if (typeof key === 'string' && isPublicKeyHex(key)) {
      if (!keys.includes(key)) keys.push(key);
    } else
      issues.push(
        withOutcome(
          problemLine(`keys.${index}`, 'packs:trustedKeys.notKey'),
          'problems:outcome.dropped',
        ),
      );
  }
  return { data: { version: TRUSTED_KEYS_VERSION, keys }, issues };
}

/** The store of trusted keys over a host's storage. */
export function createTrustedKeysStore(storage: DocumentStorage): StoreBackend<TrustedKeys> {
  return createJsonDocumentBackend({
    storage,
    key: TRUSTED_KEYS_KEY,
    parse: parseTrustedKeys,
    defaults: empty,
  });
}

/** `keys` with `key` added (lowercase, once). */
export function withTrustedKey(keys: TrustedKeys, key: string): TrustedKeys {
  const lower = key.toLowerCase();
  if (!isPublicKeyHex(lower)) throw new RangeError('not an Ed25519 public key in hex');
  return keys.keys.includes(lower) ? keys : { ...keys, keys: [...keys.keys, lower] };
}

/** `keys` without `key`. */
export function withoutTrustedKey(keys: TrustedKeys, key: string): TrustedKeys {
  const lower = key.toLowerCase();
  return { ...keys, keys: keys.keys.filter((trusted) => trusted !== lower) };
}

/** True when the user trusts `publicKey`: the one comparison of a signer with the trusted keys. */
export function isTrusted(publicKey: string, trustedKeys: readonly string[]): boolean {
  const lower = publicKey.toLowerCase();
  return trustedKeys.some((key) => key.toLowerCase() === lower);
}

/**
 * What to say of a pack whose signature by `signedBy` (null: unsigned) was verified, given the
 * keys the user trusts now.
 */
export function signatureStatus(
  signedBy: string | null,
  trustedKeys: readonly string[],
): SignatureStatus {
  if (signedBy === null) return { state: 'unsigned' };
  return isTrusted(signedBy, trustedKeys)
    ? { state: 'verified', publicKey: signedBy }
    : { state: 'notVerified', publicKey: signedBy };
}
