import { classifyHref } from '../markdown/linkPolicy';

/** A piece of a note line: plain text, or an https: address that may be opened through the host. */
export type NoteSegment =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; url: string };

/** Anything that looks like an absolute address (any scheme), up to white space or quotes. */
const ADDRESS = /\b[a-z][a-z0-9+.-]*:\/*[^\s<>"']+/gi;

/** Punctuation that ends a sentence rather than an address ("see https://x.ca/a."). */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/**
 * Splits a plain-text note into lines of segments for display. Notes are never parsed as HTML
 * or Markdown: every segment is shown as text, and only addresses that the link policy accepts
 * as https: become `link` segments (for the UI to open through the host). Other schemes
 * (javascript:, data:, file:, http:, mailto:) stay text.
 */
export function noteToSegments(note: string): NoteSegment[][] {
  return note.split(/\r\n|\r|\n/).map(lineSegments);
}

function lineSegments(line: string): NoteSegment[] {
  const segments: NoteSegment[] = [];
  let last = 0;
  for (const match of line.matchAll(ADDRESS)) {
    const address = match[0].replace(TRAILING_PUNCTUATION, '');
    const start = match.index;
    const target = classifyHref(address);
    if (target.kind !== 'external' || !target.url.startsWith('https:')) continue;
    if (start > last) segments.push({ kind: 'text', text: line.slice(last, start) });
    segments.push({ kind: 'link', text: address, url: target.url });
    last = start + address.length;
  }
  if (last < line.length || segments.length === 0) {
    segments.push({ kind: 'text', text: line.slice(last) });
  }
  return segments;
}
