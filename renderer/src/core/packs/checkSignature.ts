import { verifyAsync } from '@noble/ed25519';

import type { PackRefusal } from './problems';
import { fromHex, packSignatureSchema } from './signature';
import { signatureStatus } from './trustedKeys';
import type { ZipEntry } from './zipDirectory';
import { inflateEntry } from './inflateEntry';

/**
 * What the signature of a pack says about its publisher, given the keys the user trusts now
 * (`signatureStatus` in trustedKeys.ts).
 */
export type SignatureStatus =
  /** No `pack.sig`: "publisher not verified". */
  | { state: 'unsigned' }
  /** Signed by a key the user trusts: "verified". */
  | { state: 'verified'; publicKey: string }
  /** A valid signature by a key the user has not chosen to trust: "publisher not verified". */
  | { state: 'notVerified'; publicKey: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Checks `pack.sig` (see `signature.ts`) over the exact bytes of `pack.json`. A malformed file or
 * a signature that does not verify against the key it names is a refusal: `pack.json` (and so
 * the hash of every file) is not what was signed. Ed25519 runs on WebCrypto's SHA-512 through
 * @noble/ed25519, an audited, dependency-free implementation.
 */
export async function checkSignature(
  archive: Uint8Array,
  entry: ZipEntry | undefined,
  manifestBytes: Uint8Array,
  trustedKeys: readonly string[],
): Promise<{ ok: true; status: SignatureStatus } | { ok: false; refusal: PackRefusal }> {
  if (entry === undefined) return { ok: true, status: { state: 'unsigned' } };
  const path = entry.name;
  const inflated = inflateEntry(archive, entry);
  if (!inflated.ok) return { ok: false, refusal: { code: inflated.reason, path } };
  let raw: unknown;
  try {
    raw = JSON.parse(utf8.decode(inflated.bytes)) as unknown;
  } catch {
    return { ok: false, refusal: { code: 'signatureMalformed', path } };
  }
  const parsed = packSignatureSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, refusal: { code: 'signatureMalformed', path } };
  const { publicKey, signature } = parsed.data;
  let valid: boolean;
  try {
    valid = await verifyAsync(fromHex(signature), manifestBytes, fromHex(publicKey));
  } catch {
    // A key that is not a point of the curve: nothing can verify against it.
    valid = false;
  }
  if (!valid) return { ok: false, refusal: { code: 'signatureInvalid', path } };
  return { ok: true, status: signatureStatus(publicKey, trustedKeys) };
}
