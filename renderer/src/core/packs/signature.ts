import { z } from 'zod';

import { PUBLIC_KEY_HEX_PATTERN } from '../../../../electron/shared/packRules';
import { toHex } from './sha256';

/**
 * `pack.sig`, the optional detached signature of a content pack: Ed25519 over the exact bytes of
 * `pack.json` (which lists the SHA-256 of every other file, so the signature covers them all).
 *
 * It is UTF-8 JSON like everything else in a pack, and it names the public key it was made with.
 * Naming the key is what lets a reader tell three cases apart: a signature that checks out
 * against a key the user trusts ("verified"), one that checks out against a key the user has not
 * chosen to trust ("publisher not verified"), and one that does not check out against its own
 * key, which means `pack.json` changed after signing: that pack is refused. Trust comes only
 * from the user's list, never from the file.
 */

/** Hex digits of an Ed25519 public key (32 bytes), as pack stores check them too. */
const PUBLIC_KEY_HEX = PUBLIC_KEY_HEX_PATTERN;
/** Hex digits of an Ed25519 signature (64 bytes). */
const SIGNATURE_HEX = /^[0-9a-f]{128}$/;

/** The schema of `pack.sig`. */
export const packSignatureSchema = z.strictObject({
  algorithm: z.literal('ed25519'),
  /** The signer's Ed25519 public key, 64 lowercase hex digits. */
  publicKey: z.string().regex(PUBLIC_KEY_HEX),
  /** Ed25519 over the bytes of `pack.json`, 128 lowercase hex digits. */
  signature: z.string().regex(SIGNATURE_HEX),
});

/** A well-formed `pack.sig`. */
export type PackSignature = z.infer<typeof packSignatureSchema>;

/** True when `key` is an Ed25519 public key written as 64 lowercase hex digits. */
export function isPublicKeyHex(key: string): boolean {
  return PUBLIC_KEY_HEX.test(key);
}

/** The bytes of `pack.sig` for a signature made with `publicKey` (both raw bytes). */
export function encodePackSignature(publicKey: Uint8Array, signature: Uint8Array): Uint8Array {
  const file: PackSignature = {
    algorithm: 'ed25519',
    publicKey: toHex(publicKey),
    signature: toHex(signature),
  };
  return new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
}

/** Raw bytes of a string of hex digits (already checked to be even-length lowercase hex). */
export function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}
