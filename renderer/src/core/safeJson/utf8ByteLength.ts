/**
 * The size of `text` encoded as UTF-8. ASCII is counted by length and only runs of other
 * characters are walked; counting stops once `stopAbove` is passed, so that a gigantic string is
 * not walked to the end just to be refused.
 */
export function utf8ByteLength(text: string, stopAbove = Infinity): number {
  let bytes = text.length; // one byte per UTF-16 unit so far; runs of non-ASCII add the rest
  if (bytes > stopAbove) return bytes;
  // Runs of anything but tab, line breaks and printable ASCII (a lint rule bars control codes).
  const nonAscii = /[^\t\n\r -~]+/g;
  for (let run = nonAscii.exec(text); run !== null; run = nonAscii.exec(text)) {
    const units = run[0];
    for (let i = 0; i < units.length; i++) {
      const unit = units.charCodeAt(i);
      if (unit < 0x80) continue; // a control character: one byte, already counted
      if (unit < 0x800) bytes += 1;
      else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(units.charCodeAt(i + 1))) {
        bytes += 2; // a surrogate pair: two units, one code point of four bytes
        i++;
      } else bytes += 2; // other BMP characters; a lone surrogate becomes U+FFFD (three bytes)
    }
    if (bytes > stopAbove) return bytes;
  }
  return bytes;
}

/** True for the second half of a surrogate pair, where a string must not be cut. */
export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
