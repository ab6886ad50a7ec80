import { useTranslation } from 'react-i18next';
import { typeLabel } from '../../content/contentLabels';
import { useCatalog } from '../../content/useContent';
import { routeHref } from '../../../core/routing/hashRoutes';

/** The documents a plan and its tasks link to, recommendations first, with their summaries. */
export function LinkedDocuments({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation('planner');
  const catalog = useCatalog();
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
      {entries.map((entry) => (
        <li key={entry.id}>
          <a href={routeHref('doc', entry.id)}>{entry.title}</a>{' '}
          <span className="planner-muted">({typeLabel(entry.type, 'one')})</span>
          <p className="report-docs__summary">{entry.summary}</p>
        </li>
      ))}
    </ul>
  );
}
