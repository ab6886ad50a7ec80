import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, parseHash, routeHref } from '../../../renderer/src/core/routing/hashRoutes';

describe('parseHash', () => {
  it.each(['', '#', '#/'])('sends %j to the default page', (hash) => {
    expect(parseHash(hash)).toEqual({ kind: 'page', id: DEFAULT_ROUTE, rest: [], query: '' });
  });

  it('keeps the further path and the query of a known page', () => {
    expect(parseHash('#/doc/case-study-x?section=results')).toEqual({
      kind: 'page',
      id: 'doc',
      rest: ['case-study-x'],
      query: 'section=results',
    });
  });

  it('keeps a query on the default page', () => {
    expect(parseHash('#/?type=case-study')).toEqual({
      kind: 'page',
      id: DEFAULT_ROUTE,
      rest: [],
      query: 'type=case-study',
    });
  });

  it('decodes segments, and keeps a malformed one as typed', () => {
    expect(parseHash('#/planner/plan%20one/%E0%A4%A')).toMatchObject({
      rest: ['plan one', '%E0%A4%A'],
    });
  });

  it('drops empty segments from a doubled slash', () => {
    expect(parseHash('#/workshops//w1/')).toMatchObject({ id: 'workshops', rest: ['w1'] });
  });

  it('reports an unknown page with its path', () => {
    expect(parseHash('#/nowhere/else?x=1')).toEqual({ kind: 'not-found', path: 'nowhere/else' });
  });

  it('does not treat a prefix of a page name as that page', () => {
    expect(parseHash('#/plan')).toEqual({ kind: 'not-found', path: 'plan' });
  });
});

describe('routeHref', () => {
  it('encodes each further segment so parseHash reads it back', () => {
    const href = routeHref('doc', 'a/b c', 'é');
    expect(href).toBe('#/doc/a%2Fb%20c/%C3%A9');
    expect(parseHash(href)).toMatchObject({ id: 'doc', rest: ['a/b c', 'é'] });
  });
});
