import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { AppInfo } from '../../host/Host';
import { useHost } from '../common/HostContext';
import { Page } from '../common/Page';
import { wordError } from '../common/i18n/wordMessage';
import { ThirdPartyNotices } from './ThirdPartyNotices';

/** What the toolkit is, where it comes from, and the facts needed for support. */
export function AboutPage() {
  const { t } = useTranslation('about');
  const host = useHost();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    host.appInfo().then(
      (result) => live && setInfo(result),
      (failure: unknown) => live && setError(wordError(failure)),
    );
    return () => {
      live = false;
    };
  }, [host]);

  return (
    <Page title={t('title')}>
      <p className="lead">{t('lead')}</p>
      <p>
        {/* The report's title is quoted as published, in English: lang="en" on a French page. */}
        <Trans t={t} i18nKey="source" components={{ cite: <cite lang="en" /> }} />
      </p>

      <h2>{t('thisCopy')}</h2>
      {error && <p role="alert">{t('infoFailed', { error })}</p>}
      {!info && !error && <p role="status">{t('loading')}</p>}
      {info && (
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('facts.name')}</dt>
            <dd>{info.name}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('facts.version')}</dt>
            <dd>{info.version}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('facts.host')}</dt>
            <dd>{t(`hosts.${info.host}`)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('facts.dataLocation')}</dt>
            <dd>{info.dataLocation}</dd>
          </div>
        </dl>
      )}

      <ThirdPartyNotices />
    </Page>
  );
}
