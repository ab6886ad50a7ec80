import type { RouteId } from '../../core/routing/hashRoutes';
import { routeHref } from '../../core/routing/hashRoutes';
import { useTranslation } from 'react-i18next';
import { ROUTES } from './routes';

/** Routes that sit apart, at the end of the navigation bar. */
const UTILITY_ROUTES: ReadonlySet<RouteId> = new Set(['settings', 'about']);

export interface MainNavProps {
  /** The page being shown, marked with aria-current="page"; null on "page not found". */
  current: RouteId | null;
}

/** The main navigation landmark: one link per page, the current one marked. */
export function MainNav({ current }: MainNavProps) {
  const { t } = useTranslation('app');
  return (
    <nav aria-label={t('mainNav')} className="main-nav">
      <ul className="main-nav__list">
        {ROUTES.filter((route) => route.inNav).map((route) => (
          <li
            key={route.id}
            className={
              UTILITY_ROUTES.has(route.id)
                ? 'main-nav__item main-nav__item--utility'
                : 'main-nav__item'
            }
          >
            <a
              className="main-nav__link"
              href={routeHref(route.id)}
              aria-current={route.id === current ? 'page' : undefined}
            >
              {t(`routes.${route.id}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
