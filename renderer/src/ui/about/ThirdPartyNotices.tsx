import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { THIRD_PARTY_NOTICES_FILE } from '../../core/common/thirdPartyNotices';

type Notices = { state: 'closed' | 'loading' | 'failed' } | { state: 'shown'; text: string };

/**
 * The open-source software the app pages bundle, with their licences: the notices file the
 * build writes beside the pages, read from the app's own folder when the reader opens it (it
 * is about 60 KB, so it is not read with the page).
 */
export function ThirdPartyNotices() {
  const { t } = useTranslation('about');
  const [notices, setNotices] = useState<Notices>({ state: 'closed' });

  const onToggle = (event: SyntheticEvent<HTMLDetailsElement>) => {
    // Read when first opened, and again on the next opening after a failed read.
    const unread = notices.state === 'closed' || notices.state === 'failed';
    if (!event.currentTarget.open || !unread) return;
    setNotices({ state: 'loading' });
    fetch(`./${THIRD_PARTY_NOTICES_FILE}`)
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(
        (text) => setNotices({ state: 'shown', text }),
        () => setNotices({ state: 'failed' }),
      );
  };

  return (
    <>
      <h2>{t('notices.title')}</h2>
      <p>{t('notices.lead')}</p>
      <details onToggle={onToggle}>
        <summary>{t('notices.show')}</summary>
        {notices.state === 'loading' && <p role="status">{t('loading')}</p>}
        {notices.state === 'failed' && <p role="alert">{t('notices.failed')}</p>}
        {/* The licences are English legal texts, quoted as their authors wrote them. */}
        {notices.state === 'shown' && (
          // A scrolling box: focusable, so it can be scrolled from the keyboard, and named.
          <pre
            className="notices"
            lang="en"
            tabIndex={0}
            role="region"
            aria-label={t('notices.title')}
          >
            {notices.text}
          </pre>
        )}
      </details>
    </>
  );
}
