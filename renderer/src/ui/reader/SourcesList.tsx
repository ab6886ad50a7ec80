import { Trans, useTranslation } from 'react-i18next';
import type { Language } from '../../../../electron/shared/language';
import type { Source } from '../../core/content/frontMatter';
import { useLangMark } from '../content/ContentText';
import { formatPartialDate, isOpenableSourceUrl } from './labels';

/**
 * The sources cited in front matter. An https: source is a link that opens through the host
 * (after the same confirmation naming the destination as links in the text: it carries
 * `data-external`, and the reader's one click handler does the rest). An http: source is never
 * a link: the app does not send anyone to an unencrypted page, so its address is shown as text.
 * A source's title and publisher are the page's own words, in its language (`lang: fr`, else
 * English), so they carry `lang` when that is not the interface's (WCAG 3.1.2).
 */
export function SourcesList({ sources }: { sources: readonly Source[] }) {
  const { t } = useTranslation('reader');
  if (sources.length === 0) return null;
  return (
    <section className="reader-section reader-sources" aria-labelledby="reader-sources-title">
      <h2 id="reader-sources-title">{t('sources.heading')}</h2>
      <ol className="reader-sources__list">
        {sources.map((source) => (
          <li key={`${source.url} ${source.title}`} className="reader-sources__item">
            <SourceTitle source={source} />
            <SourceDetails source={source} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The language of the page a source cites: `lang: fr` in front matter, else English. */
function sourceLanguageOf(source: Source): Language {
  return source.lang ?? 'en';
}

function SourceTitle({ source }: { source: Source }) {
  const { t } = useTranslation('reader');
  const lang = useLangMark()(sourceLanguageOf(source));
  if (isOpenableSourceUrl(source.url)) {
    return (
      <a href={source.url} data-external="true" rel="noopener noreferrer" lang={lang}>
        {source.title}
      </a>
    );
  }
  return (
    <>
      <span className="reader-sources__title" lang={lang}>
        {source.title}
      </span>{' '}
      <span className="reader-sources__address">
        <Trans
          t={t}
          i18nKey="sources.insecureAddress"
          values={{ url: source.url }}
          components={{ url: <span translate="no" /> }}
        />
      </span>
    </>
  );
}

function SourceDetails({ source }: { source: Source }) {
  const { t } = useTranslation('reader');
  const lang = useLangMark()(sourceLanguageOf(source));
  const { publisher } = source;
  const date = source.date === undefined ? undefined : formatPartialDate(source.date);
  if (publisher === undefined && date === undefined && source.reliability === undefined)
    return null;
  return (
    <p className="reader-sources__details">
      {publisher !== undefined && <span lang={lang}>{publisher}</span>}
      {publisher !== undefined && date !== undefined ? ', ' : ''}
      {date}
      {source.reliability !== undefined && (
        <>
          {publisher !== undefined || date !== undefined ? ' · ' : ''}
          <span className={`reader-badge reader-badge--${source.reliability}`}>
            {t(`sources.reliability.${source.reliability}`)}
          </span>
        </>
      )}
    </p>
  );
}
