import { useTranslation } from 'react-i18next';
import type { TeamWarning } from '../../core/team/teamSync';

/**
 * Files in the team folder that were skipped, and why: a list under a heading (it is read
 * again every few seconds, so it is not an alert that would interrupt each time).
 */
export function TeamWarnings({ warnings }: { warnings: readonly TeamWarning[] }) {
  const { t } = useTranslation('team');
  if (warnings.length === 0) return null;
  return (
    <div className="team-warnings">
      <h3 id="team-warnings-heading">{t('warnings.heading')}</h3>
      <p>{t('warnings.intro')}</p>
      <ul aria-labelledby="team-warnings-heading">
        {warnings.map((warning) => (
          <li key={`${warning.code} ${warning.path}`}>
            {t(`warnings.${warning.code}`, { path: warning.path })}
          </li>
        ))}
      </ul>
    </div>
  );
}
