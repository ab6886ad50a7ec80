import { Page } from '../common/Page';
import { DEFAULT_ROUTE, routeHref } from '../../core/routing/hashRoutes';

/** Shown for a hash that names no page, e.g. an old or mistyped deep link. */
export function NotFoundPage({ path }: { path: string }) {
  return (
    <Page title="Page not found">
      <p>
        There is no page at “{path}”. It may have moved, or the link may be mistyped.{' '}
        <a href={routeHref(DEFAULT_ROUTE)}>Go to the Library</a>.
      </p>
    </Page>
  );
}
