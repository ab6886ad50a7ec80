/**
 * The bytes of a view alone. Structured cloning (IPC to main, a put into IndexedDB) copies a
 * view's whole underlying buffer, so a view into a larger buffer (one file of an unpacked archive)
 * is copied out first rather than stored or sent with everything around it.
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : bytes.slice();
}
