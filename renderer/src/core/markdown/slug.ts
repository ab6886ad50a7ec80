/**
 * Turns heading text into a stable slug: accents folded, lowercase, words joined by dashes.
 * The content pipeline uses the same function to check `doc:ID#slug` links, so a link that
 * passes the build always lands on a heading in the reader.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** Heading ids carry a prefix so content can never clobber DOM globals such as `window.name`. */
export const HEADING_ID_PREFIX = 'h-';

/** The DOM id of a heading with the given slug. */
export function headingDomId(slug: string): string {
  return `${HEADING_ID_PREFIX}${slug}`;
}
