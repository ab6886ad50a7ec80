/**
 * SHA-256 of a file of a content pack, in the form `pack.json` lists it: 64 lowercase hex digits
 * (`SHA256_HEX_PATTERN` in manifest.ts). WebCrypto, so the same code runs in a page, a Worker and
 * Node (the `pack:build` command).
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // digest takes a view over a plain ArrayBuffer, never a SharedArrayBuffer; `slice` makes one
  // (a copy of one file costs little next to hashing it).
  const digest = await crypto.subtle.digest('SHA-256', bytes.slice());
  return toHex(new Uint8Array(digest));
}

/** Bytes as lowercase hexadecimal digits, two per byte. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
