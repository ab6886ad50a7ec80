import type { MouseEvent } from 'react';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../common/HostContext';
import { GlobalSearchField } from '../search/GlobalSearchField';
import { SettingsLoadNotice } from '../settings/SettingsLoadNotice';
import { TeamFolderStarter } from '../team/TeamFolderStarter';
import type { RouteId } from '../../core/routing/hashRoutes';
import { MainNav } from './MainNav';
import { NotFoundPage } from './NotFoundPage';
import { ROUTES, preloadPagesWhenIdle } from './routes';
import { useHashRoute } from '../common/routing/useHashRoute';
import { useHistoryShortcuts } from './useHistoryShortcuts';
import { useMenuCommands } from './useMenuCommands';
import { parseWorkshopsRoute } from '../workshops/workshopRoutes';

/**
 * The application shell: skip link, header, main navigation, and the current page. Present mode
 * keeps only the skip link and the page.
 */
export function App() {
  const { t } = useTranslation('app');
  const route = useHashRoute();
  const main = useRef<HTMLElement>(null);
  useHistoryShortcuts();
  useEffect(preloadPagesWhenIdle, []);
  // Dynamic import: the content loaders (lunr, schemas) stay out of the initial script. Warming
  // is only a head start: a page that needs the content loads it and says if that fails.
  useEffect(() => {
    void import('../content/contentData')
      .then((m) => m.warmContentWhenIdle())
      .catch(() => undefined);
    void import('../content/searchData').then((m) => m.warmSearchWhenIdle()).catch(() => undefined);
  }, []);
  // Installed content packs join the library (issue 15); their own page says if one is unreadable.
  const host = useHost();
  useEffect(() => {
    void import('../packs/packCollections')
      .then((m) => m.registerPackCollections(host.packs))
      .catch(() => undefined);
  }, [host]);
  // So do the user's own documents, and the library reloads whenever one is saved.
  useEffect(() => {
    void import('../ownDocuments/registerOwnDocuments')
      .then((m) => m.registerOwnDocuments(host))
      .catch(() => undefined);
  }, [host]);

  // The skip link must not change the hash: with hash routing that would leave the page.
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    main.current?.focus();
  };

  const current = route.kind === 'page' ? route.id : null;
  useMenuCommands(current);
  const definition = ROUTES.find((candidate) => candidate.id === current);
  // Present mode (a workshop's audience view) fills the screen with the slide alone.
  const bare =
    route.kind === 'page' &&
    route.id === 'workshops' &&
    parseWorkshopsRoute(route.rest).screen === 'present';

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('skipToMain')}
      </a>
      {!bare && (
        <>
          <header className="app-header">
            <div className="app-header__inner app-header__inner--with-search">
              <p className="app-header__title">{t('title')}</p>
              <GlobalSearchField />
            </div>
          </header>
          <MainNav current={navCurrent(current)} />
        </>
      )}
      <TeamFolderStarter />
      <main
        id="main"
        ref={main}
        tabIndex={-1}
        className={bare ? 'app-main app-main--bare' : 'app-main'}
      >
        <SettingsLoadNotice />
        <Suspense fallback={<DelayedLoading />}>
          {definition ? (
            <definition.Page key={definition.id} />
          ) : (
            <NotFoundPage path={route.kind === 'not-found' ? route.path : ''} />
          )}
        </Suspense>
      </main>
    </>
  );
}

/**
 * The navigation entry a page sits under: Content packs and the own-document editor are part of
 * the Library; a document, none.
 */
function navCurrent(current: RouteId | null): RouteId | null {
  if (current === 'doc') return null;
  return current === 'packs' || current === 'own' ? 'library' : current;
}

/** Says "Loading…" only if a page takes a noticeable time, so quick loads do not flash. */
function DelayedLoading() {
  const { t } = useTranslation('app');
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setVisible(true), 300);
    return () => window.clearTimeout(timer);
  }, []);
  return <p role="status">{visible ? t('loading') : ''}</p>;
}
