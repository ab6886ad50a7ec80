import type { ComponentType, LazyExoticComponent } from 'react';
import { lazy } from 'react';

import type { RouteId } from '../../core/routing/hashRoutes';

export interface RouteDefinition {
  id: RouteId;
  /** The navigation link's text and accessible name, and the page's h1. */
  label: string;
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
  label: string,
  load: () => Promise<{ default: ComponentType }>,
  inNav = true,
): RouteDefinition {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => (loading ??= load());
  return { id, label, Page: lazy(preload), preload, inNav };
}

/** The route table. Each page lives in its own feature folder and is loaded lazily. */
export const ROUTES: readonly RouteDefinition[] = [
  lazyRoute('library', 'Library', () =>
    import('../library/LibraryPage').then((m) => ({ default: m.LibraryPage })),
  ),
  lazyRoute('search', 'Search', () =>
    import('../search/SearchPage').then((m) => ({ default: m.SearchPage })),
  ),
  lazyRoute('planner', 'Planner', () =>
    import('../planner/PlannerPage').then((m) => ({ default: m.PlannerPage })),
  ),
  lazyRoute('annotations', 'Annotations', () =>
    import('../annotations/AnnotationsPage').then((m) => ({ default: m.AnnotationsPage })),
  ),
  lazyRoute('workshops', 'Workshops', () =>
    import('../workshops/WorkshopsPage').then((m) => ({ default: m.WorkshopsPage })),
  ),
  lazyRoute('settings', 'Settings', () =>
    import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
  ),
  lazyRoute('about', 'About', () =>
    import('../about/AboutPage').then((m) => ({ default: m.AboutPage })),
  ),
  lazyRoute(
    'doc',
    'Document',
    () => import('../reader/ReaderPage').then((m) => ({ default: m.ReaderPage })),
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
