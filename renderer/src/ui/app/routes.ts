import type { ComponentType, LazyExoticComponent } from 'react';
import { lazy } from 'react';

import type { RouteId } from '../../core/routing/hashRoutes';

export interface RouteDefinition {
  id: RouteId;
  /** Pages load on first visit so the initial script stays small. */
  Page: LazyExoticComponent<ComponentType>;
  /** Starts loading the page's code without showing it. */
  preload: () => Promise<unknown>;
  /** False for pages reached only through links (a document), not from the navigation bar. */
  inNav: boolean;
}

/** Builds a route whose page is loaded on demand from its own chunk. */
function lazyRoute(
  id: RouteId,
  load: () => Promise<{ default: ComponentType }>,
  inNav = true,
): RouteDefinition {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => (loading ??= load());
  return { id, Page: lazy(preload), preload, inNav };
}

/** The route table. Each page lives in its own feature folder and is loaded lazily. */
export const ROUTES: readonly RouteDefinition[] = [
  lazyRoute('library', () =>
    import('../library/LibraryPage').then((m) => ({ default: m.LibraryPage })),
  ),
  lazyRoute('search', () =>
    import('../search/SearchPage').then((m) => ({ default: m.SearchPage })),
  ),
  lazyRoute('planner', () =>
    import('../planner/PlannerPage').then((m) => ({ default: m.PlannerPage })),
  ),
  lazyRoute('annotations', () =>
    import('../annotations/AnnotationsPage').then((m) => ({ default: m.AnnotationsPage })),
  ),
  lazyRoute('workshops', () =>
    import('../workshops/WorkshopsPage').then((m) => ({ default: m.WorkshopsPage })),
  ),
  lazyRoute('settings', () =>
    import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
  ),
  lazyRoute('about', () => import('../about/AboutPage').then((m) => ({ default: m.AboutPage }))),
  lazyRoute(
    'doc',
    () => import('../reader/ReaderPage').then((m) => ({ default: m.ReaderPage })),
    false,
  ),
  lazyRoute(
    'packs',
    () => import('../packs/ContentPacksPage').then((m) => ({ default: m.ContentPacksPage })),
    false,
  ),
  lazyRoute(
    'own',
    () => import('../ownDocuments/OwnDocumentPage').then((m) => ({ default: m.OwnDocumentPage })),
    false,
  ),
];

/**
 * Loads every page's code once the browser is idle after start-up, so that moving between pages
 * later shows no loading state. Only local files are fetched (nothing leaves the app).
 */
export function preloadPagesWhenIdle(): void {
  const run = () => ROUTES.forEach((route) => void route.preload().catch(() => undefined));
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 500);
}
