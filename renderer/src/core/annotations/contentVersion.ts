/**
 * The version of a document's text: a 32-bit FNV-1a hash over its UTF-16 code units, as eight
 * lowercase hex digits. It only has to tell "the text an annotation was made on" from "the text
 * today", cheaply and identically in every host, so a small non-cryptographic hash is enough.
 */
export function contentVersion(text: string): string {
  let hash = 0x811c9dc5; // FNV offset basis
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    // Multiply by the FNV prime 16777619 (2^24 + 403) without leaving 32-bit integer range.
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Eight lowercase hex digits, the shape of a content version. */
export const CONTENT_VERSION_PATTERN = /^[0-9a-f]{8}$/;
