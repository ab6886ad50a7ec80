import type { Config, DOMPurify, UponSanitizeAttributeHook } from 'dompurify';

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
    // ALLOWED_ATTR applies to every tag, so `spanAttributes` below narrows what a span keeps.
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
  // For every allowed tag alike; `spanAttributes` then keeps `lang` only as `<span lang="en">`.
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
 * DOMPurify's allowed attributes are one list for all tags, so on its own the config would let a
 * span keep `class` and `id`, and any tag keep `lang` with any value. This hook narrows it: a
 * span keeps `lang="en"` and nothing else (all our pipeline writes on a span), and no other tag
 * keeps `lang` at all (the page's own `lang` already names the document's language).
 */
const spanAttributes: UponSanitizeAttributeHook = (node, event) => {
  const onSpan = node.nodeName === 'SPAN';
  if (onSpan ? event.attrName !== 'lang' || event.attrValue !== 'en' : event.attrName === 'lang') {
    event.keepAttr = false;
  }
};

/** The DOMPurify instances `spanAttributes` is registered on: hooks stack, so once each. */
const hooked = new WeakSet<DOMPurify>();

/**
 * Sanitises rendered HTML. This is the last step of the pipeline: nothing edits the HTML after
 * it. `purify` is a DOMPurify instance bound to a window (the page's, or jsdom's in tests); the
 * first call on an instance registers `spanAttributes` on it, so no caller can sanitise without
 * the span rule.
 */
export function sanitizeHtml(purify: DOMPurify, html: string): string {
  if (!hooked.has(purify)) {
    purify.addHook('uponSanitizeAttribute', spanAttributes);
    hooked.add(purify);
  }
  return purify.sanitize(html, SANITIZE_CONFIG);
}
