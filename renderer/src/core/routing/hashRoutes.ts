/** Every top-level page, in navigation order. */
export const ROUTE_IDS = [
  'library',
  'search',
  'planner',
  'annotations',
  'workshops',
  'settings',
  'about',
  'doc',
  /** The Library's Content packs page (issue 15), reached from the Library. */
  'packs',
  /** An own document in its editor: `#/own/new` or `#/own/<id>` (issue 15). */
  'own',
] as const;
export type RouteId = (typeof ROUTE_IDS)[number];

/** The page shown for an empty hash (`#`, `#/`, or none). */
export const DEFAULT_ROUTE: RouteId = 'library';

/**
 * The query that asks the Content packs page (`#/packs?import=1`) to move focus to its "Import
 * content pack" file input: where the desktop File menu's "Import content pack…" leads. Only
 * focus: a page may open a file chooser only from the user's own click.
 */
export const IMPORT_PACK_QUERY = 'import=1';

/** True when a page's query string holds {@link IMPORT_PACK_QUERY}. */
export function asksPackImport(query: string): boolean {
  const [name = '', value] = IMPORT_PACK_QUERY.split('=');
  return new URLSearchParams(query).get(name) === value;
}

/** The link target for a route, e.g. `#/planner`. */
export function routeHref(id: RouteId, ...rest: string[]): string {
  return ['#', id, ...rest.map(encodeURIComponent)].join('/');
}

/**
 * Where a hash points: a known page (with any further path segments and its query string), or
 * nowhere. The query (`#/library?type=case-study`) keeps filters and searches in the URL, so
 * back, forward and deep links restore them.
 */
export type ParsedRoute =
  | { kind: 'page'; id: RouteId; rest: string[]; query: string }
  | { kind: 'not-found'; path: string };

/**
 * Parses a location hash such as `#/doc/some-doc?section=results`. Hash routes work the same on
 * the desktop's `app://` scheme and on any static web server, and deep links survive a reload.
 */
export function parseHash(hash: string): ParsedRoute {
  const full = hash.replace(/^#\/?/, '');
  const queryAt = full.indexOf('?');
  const path = queryAt === -1 ? full : full.slice(0, queryAt);
  const query = queryAt === -1 ? '' : full.slice(queryAt + 1);
  if (path === '') return { kind: 'page', id: DEFAULT_ROUTE, rest: [], query };
  const [first = '', ...rest] = path.split('/');
  const id = ROUTE_IDS.find((candidate) => candidate === first);
  if (!id) return { kind: 'not-found', path };
  return { kind: 'page', id, rest: rest.filter(Boolean).map(safeDecode), query };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
