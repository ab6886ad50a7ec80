/**
 * How the workshop room cleans text it shows to others: participants' names and notes, and the
 * presenter's name for anonymous participants. Shared by the room (electron/room/roomState.ts)
 * and the protocol's schemas, so what the room cleans and what a command may carry cannot drift.
 */

/**
 * What the room removes: control characters (C0 except tab and line feed, DEL, C1), the bidi
 * overrides and isolates, and lone surrogates (half of a character: not text, turned into U+FFFD
 * or refused by whatever stores or encodes it next).
 */
const UNWANTED =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A name as the room shows it: nothing {@link UNWANTED}, one space between words, at most
 * `max` UTF-16 units (never half a character).
 */
export function cleanName(name: string, max = Number.POSITIVE_INFINITY): string {
  const cleaned = name.replace(UNWANTED, '').replace(/\s+/g, ' ').trim();
  if (cleaned.length <= max) return cleaned;
  // Cutting may leave the first half of a surrogate pair at the end: clean again.
  return cleaned.slice(0, max).replace(UNWANTED, '').trim();
}

/** A note as the room shows it: nothing {@link UNWANTED}, line breaks kept, ends trimmed. */
export function cleanNoteText(text: string): string {
  return text.replace(UNWANTED, '').replace(/\r\n?/g, '\n').trim();
}
