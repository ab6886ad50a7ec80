import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { asksPackImport, routeHref } from '../../core/routing/hashRoutes';
import { Announcer, useAnnouncement } from '../common/Announcer';
import { Page } from '../common/Page';
import { useHashRoute } from '../common/routing/useHashRoute';
import { InstalledPacks } from './InstalledPacks';
import { PackImport } from './PackImport';
import { TrustedKeysList } from './TrustedKeysList';
import { usePackList } from './usePackList';
import { useTrustedKeys } from './useTrustedKeys';
import type { StartPackWorker } from './worker/packClient';
import './packs.css';

export interface ContentPacksPageProps {
  /** How the import worker is started; the real Worker unless a test runs it in process. */
  startWorker?: StartPackWorker;
}

/**
 * The Library's "Content packs" page (`#/packs`, issue 15): import a `.onmunipack` (checked in a
 * worker, previewed, then installed), manage what is installed, and the publisher keys trusted.
 * `#/packs?import=1` (`IMPORT_PACK_QUERY`), where the desktop File menu's "Import content pack…"
 * leads, puts focus on the file input.
 */
export function ContentPacksPage({ startWorker }: ContentPacksPageProps) {
  const { t } = useTranslation(['packs', 'library']);
  const route = useHashRoute();
  const query = route.kind === 'page' ? route.query : '';
  const focusInput = asksPackImport(query);
  const { message, announce } = useAnnouncement();
  const list = usePackList();
  const trustedKeys = useTrustedKeys();
  const installedHeading = useRef<HTMLHeadingElement>(null);

  return (
    <Page title={t('page.title')}>
      <p className="packs__intro">{t('page.intro')}</p>
      <p>
        <a href={routeHref('library')}>{t('library:title')}</a>
      </p>
      <PackImport
        focusInput={focusInput}
        trustedKeys={trustedKeys}
        announce={announce}
        onInstalled={() => installedHeading.current?.focus()}
        {...(startWorker ? { startWorker } : {})}
      />
      <section className="packs__manage" aria-labelledby="packs-installed-heading">
        <h2 id="packs-installed-heading" ref={installedHeading} tabIndex={-1}>
          {t('installed.heading')}
        </h2>
        <InstalledPacks
          list={list}
          trustedKeys={trustedKeys.keys}
          headingRef={installedHeading}
          announce={announce}
        />
      </section>
      <TrustedKeysList
        trustedKeys={trustedKeys}
        packs={list.status === 'ready' ? list.packs : []}
        announce={announce}
      />
      <Announcer message={message} />
    </Page>
  );
}
