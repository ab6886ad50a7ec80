import { useTranslation } from 'react-i18next';
import { typeLabel } from '../../content/contentLabels';
import { ContentText, useLangMark } from '../../content/ContentText';
import { contentLanguageOf } from '../../content/languageOverlay';
import { useCatalog } from '../../content/useContent';
import { routeHref } from '../../../core/routing/hashRoutes';

/**
 * The documents a plan and its tasks link to, recommendations first, with their summaries, in
 * the interface's language: the library's version in that language where it has one (a document
 * with none, shown in English, is marked `lang="en"`, as are English passages of a French one).
 */
export function LinkedDocuments({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation('planner');
  const catalog = useCatalog();
  const langOf = useLangMark();
  if (ids.length === 0) return <p>{t('report.noLinkedDocuments')}</p>;
  if (catalog.status !== 'ready') {
    return (
      <ul>
        {ids.map((id) => (
          <li key={id}>{id}</li>
        ))}
      </ul>
    );
  }
  const entries = ids
    .map((id) => catalog.value.entries.find((e) => e.id === id))
    .filter((e) => e !== undefined)
    .sort((a, b) => Number(b.type === 'recommendation') - Number(a.type === 'recommendation'));
  return (
    <ul className="report-docs">
      {entries.map((entry) => {
        const lang = langOf(contentLanguageOf(entry));
        return (
          <li key={entry.id}>
            <a href={routeHref('doc', entry.id)} lang={lang}>
              <ContentText text={entry.title} />
            </a>{' '}
            <span className="planner-muted">({typeLabel(entry.type, 'one')})</span>
            <p className="report-docs__summary" lang={lang}>
              <ContentText text={entry.summary} />
            </p>
          </li>
        );
      })}
    </ul>
  );
}
