import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../core/planner/import/mergeImport';
import type { PlannerPreviewSummary } from '../../common/importWorker/importProtocol';

/** What happens to the municipality profile, by the preview's verdict. */
const PROFILE_TEXT = {
  added: 'importPreview.profileAdded',
  replaced: 'importPreview.profileReplaced',
  unchanged: 'importPreview.profileUnchanged',
} as const satisfies Record<ImportPreview['profile'], string>;

/** What Merge and Replace would do to plans, tasks and assessments, as counts. */
export function ImportPreviewTable({ preview }: { preview: PlannerPreviewSummary }) {
  const { t } = useTranslation('planner');
  const rows = [
    [t('importPreview.plans'), preview.plans],
    [t('importPreview.tasks'), preview.tasks],
    [t('importPreview.assessments'), preview.assessments],
  ] as const;
  const names = preview.planNames
    .map((name) => t('importPreview.planName', { name }))
    .join(t('importPreview.listSeparator'));
  return (
    <>
      <table className="planner-table planner-table--numbers">
        <caption className="ontario-show-for-sr">{t('importPreview.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('importPreview.kind')}</th>
            <th scope="col">{t('importPreview.added')}</th>
            <th scope="col">{t('importPreview.replaced')}</th>
            <th scope="col">{t('importPreview.unchanged')}</th>
            <th scope="col">{t('importPreview.onlyInCurrent')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, counts]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{counts.added}</td>
              <td>{counts.replaced}</td>
              <td>{counts.unchanged}</td>
              <td>{counts.onlyInCurrent}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t(PROFILE_TEXT[preview.profile])}</p>
      {preview.planNames.length > 0 && (
        <p>
          {preview.morePlanNames > 0
            ? t('importPreview.planNamesMore', { names, more: preview.morePlanNames })
            : t('importPreview.planNames', { names })}
        </p>
      )}
    </>
  );
}
