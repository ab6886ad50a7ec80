/**
 * The one place that decides what a link in content may do. Everything not allowed here is
 * rendered as plain text: no `javascript:`, `data:`, `file:`, `http:`, custom schemes,
 * protocol-relative (`//host`) or UNC (`\\host`) links ever become clickable.
 */
export type LinkTarget =
  | { kind: 'external'; url: string }
  | { kind: 'document'; id: string; section: string | null }
  | { kind: 'anchor'; section: string }
  | { kind: 'refused' };

const DOC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SECTION = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;
// Control characters and whitespace inside a URL are how scheme filters get dodged
// ("java\tscript:"), so any of them refuses the link outright.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u009f\\]/;

/** Classifies an href written in content. Pure, total: never throws. */
export function classifyHref(raw: string): LinkTarget {
  const href = raw.trim();
  if (href === '' || UNSAFE_CHARS.test(href) || href.startsWith('//')) return { kind: 'refused' };

  if (href.startsWith('#')) {
    const section = href.slice(1);
    return SECTION.test(section) ? { kind: 'anchor', section } : { kind: 'refused' };
  }
  if (href.startsWith('doc:')) {
    const [id = '', section, ...rest] = href.slice(4).split('#');
    if (!DOC_ID.test(id) || rest.length > 0) return { kind: 'refused' };
    if (section === undefined) return { kind: 'document', id, section: null };
    return SECTION.test(section) ? { kind: 'document', id, section } : { kind: 'refused' };
  }

  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: 'refused' };
  }
  if (
    url.protocol === 'https:' &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  )
    return { kind: 'external', url: url.href };
  if (
    url.protocol === 'mailto:' &&
    /^[^@\s/]+@[^@\s/]+$/.test(decodeURIComponentSafe(url.pathname))
  )
    return { kind: 'external', url: url.href };
  return { kind: 'refused' };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

/** The in-app route of a document, optionally scrolled to a section. */
export function documentRoute(id: string, section: string | null = null): string {
  return section === null ? `#/doc/${id}` : `#/doc/${id}?section=${encodeURIComponent(section)}`;
}
