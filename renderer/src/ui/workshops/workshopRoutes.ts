import { routeHref } from '../../core/routing/hashRoutes';

/** The screens under `#/workshops`. */
export type WorkshopsRoute =
  | { screen: 'list' }
  | { screen: 'workshop'; id: string }
  | { screen: 'present'; id: string }
  | { screen: 'presenter'; id: string }
  | { screen: 'handout'; id: string }
  | { screen: 'unknown' };

const SUB_SCREENS = ['present', 'presenter', 'handout'] as const;

/** Reads the path segments after `#/workshops`. */
export function parseWorkshopsRoute(rest: readonly string[]): WorkshopsRoute {
  const [id, sub, extra] = rest;
  if (id === undefined) return { screen: 'list' };
  if (extra !== undefined) return { screen: 'unknown' };
  if (sub === undefined) return { screen: 'workshop', id };
  const screen = SUB_SCREENS.find((candidate) => candidate === sub);
  return screen ? { screen, id } : { screen: 'unknown' };
}

/** The link to a workshop, or to one of its screens. */
export function workshopHref(id: string, screen?: (typeof SUB_SCREENS)[number]): string {
  return screen ? routeHref('workshops', id, screen) : routeHref('workshops', id);
}

/** The presenter view of a presentation, naming the recorded session both windows share. */
export function presenterHref(id: string, sessionId: string): string {
  return `${workshopHref(id, 'presenter')}?session=${encodeURIComponent(sessionId)}`;
}
