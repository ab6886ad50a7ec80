import { routeHref } from '../../core/routing/hashRoutes';

/** The views of a plan, in tab order (their link text: `planViewLabel` in plannerLabels). */
export const PLAN_VIEWS = ['list', 'board', 'timeline', 'summary', 'details'] as const;
export type PlanViewId = (typeof PLAN_VIEWS)[number];

/** Where a `#/planner/...` hash points. */
export type PlannerRoute =
  | { screen: 'home' }
  | { screen: 'assessment' }
  | { screen: 'plan'; planId: string; view: PlanViewId }
  | { screen: 'task'; planId: string; taskId: string }
  | { screen: 'report'; planId: string }
  | { screen: 'unknown' };

/** Reads the path segments after `#/planner`. */
export function parsePlannerRoute(rest: readonly string[]): PlannerRoute {
  const [first, id, view, taskId] = rest;
  if (first === undefined) return { screen: 'home' };
  if (first === 'assessment' && id === undefined) return { screen: 'assessment' };
  if (first !== 'plan' || id === undefined) return { screen: 'unknown' };
  if (view === undefined) return { screen: 'plan', planId: id, view: 'list' };
  if (view === 'report') return { screen: 'report', planId: id };
  if (view === 'task' && taskId !== undefined) return { screen: 'task', planId: id, taskId };
  const known = PLAN_VIEWS.find((v) => v === view);
  return known ? { screen: 'plan', planId: id, view: known } : { screen: 'unknown' };
}

/** `#/planner`, `#/planner/assessment`, `#/planner/plan/<id>/board`… */
export const plannerHref = (...rest: string[]): string => routeHref('planner', ...rest);
/** The link to a plan's view (the list is the plan's own address). */
export const planHref = (planId: string, view: PlanViewId | 'report' = 'list'): string =>
  view === 'list' ? plannerHref('plan', planId) : plannerHref('plan', planId, view);
/** The link to a task's editor. */
export const taskHref = (planId: string, taskId: string): string =>
  plannerHref('plan', planId, 'task', taskId);
