import { checkExternalUrl } from '../../../../electron/shared/externalUrlPolicy';
import { LIBRARY_DOC_ID_PATTERN } from '../content/ids';

/**
 * The one place that decides what a link in content or a note may do. In-app links (`doc:ID`,
 * `#section`) are decided here; a link that leaves the app must pass the same policy the hosts
 * apply before they open it (`checkExternalUrl`), so nothing is shown as clickable that a host
 * would then refuse. Everything refused is rendered as plain text: no `javascript:`, `data:`,
 * `file:`, `http:`, custom schemes, protocol-relative (`//host`) or UNC (`\\host`) links, and no
 * `mailto:` that adds recipients, ever become clickable.
 */
export type LinkTarget =
  /** `url` is the policy's normalised link: exactly what the host will open. */
  | { kind: 'external'; url: string }
  | { kind: 'document'; id: string; section: string | null }
  | { kind: 'anchor'; section: string }
  /** `reason` says why, when the link was refused by the external-link policy. */
  | { kind: 'refused'; reason?: string };

// A bundled id or a pack document's `<packId>--<docId>`: a pack's body links are addressed so at
// check time (core/packs/packDocuments.ts), and a note may link any document of the library.
const DOC_ID = LIBRARY_DOC_ID_PATTERN;
const SECTION = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

/** Classifies an href written in content. Pure, total: never throws. */
export function classifyHref(raw: string): LinkTarget {
  const href = raw.trim();
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
  const link = checkExternalUrl(href);
  return link.ok ? { kind: 'external', url: link.href } : { kind: 'refused', reason: link.reason };
}

/** The in-app route of a document, optionally scrolled to a section. */
export function documentRoute(id: string, section: string | null = null): string {
  return section === null ? `#/doc/${id}` : `#/doc/${id}?section=${encodeURIComponent(section)}`;
}
