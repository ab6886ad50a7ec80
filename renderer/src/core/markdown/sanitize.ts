import type { Config, DOMPurify } from 'dompurify';

/**
 * DOMPurify's configuration for rendered content: only the elements and attributes our
 * Markdown pipeline produces, and only the link forms the link policy allows. Anything else,
 * however it got there, is removed.
 */
export const SANITIZE_CONFIG = {
  ALLOWED_TAGS: [
    'a',
    'blockquote',
    'br',
    'code',
    'del',
    'em',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'li',
    'ol',
    'p',
    'pre',
    's',
    // Only ever `<span lang="en">` (rules/englishSpans.ts): English wording in a French document.
    'span',
    'strong',
    'table',
    'tbody',
    'td',
    'th',
    'thead',
    'tr',
    'ul',
  ],
  ALLOWED_ATTR: [
    'href',
    'id',
    'class',
    'rel',
    'data-external',
    'data-doc',
    'data-term',
    'start',
    'lang',
  ],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // https:, mailto: and in-app routes (#/doc/...). Nothing else survives in an href.
  ALLOWED_URI_REGEXP: /^(?:https:|mailto:|#\/)/i,
  // Our own attribute values are plain words, not URLs; without this DOMPurify would test them
  // against ALLOWED_URI_REGEXP and drop them.
  ADD_URI_SAFE_ATTR: ['data-external', 'data-doc', 'data-term', 'rel', 'start', 'lang'],
  // SANITIZE_DOM drops ids that would shadow DOM globals. Named-property prefixing stays off
  // because the heading rule already prefixes every id ("h-"), and the table of contents must
  // know the final id.
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: false,
  KEEP_CONTENT: true,
  RETURN_TRUSTED_TYPE: false,
} satisfies Config;

/**
 * Sanitises rendered HTML. This is the last step of the pipeline: nothing edits the HTML after
 * it. `purify` is a DOMPurify instance bound to a window (the page's, or jsdom's in tests).
 */
export function sanitizeHtml(purify: DOMPurify, html: string): string {
  return purify.sanitize(html, SANITIZE_CONFIG);
}
