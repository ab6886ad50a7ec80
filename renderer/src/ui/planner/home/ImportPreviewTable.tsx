import type { ImportPreview } from '../../../core/planner/import/mergeImport';
import type { PlannerPreviewSummary } from '../../common/importWorker/importProtocol';

const PROFILE_TEXT: Readonly<Record<ImportPreview['profile'], string>> = {
  added: 'The backup’s municipality profile will be added.',
  replaced: 'The backup’s municipality profile will replace yours.',
  unchanged: 'The municipality profile stays as it is.',
};

/** What Merge and Replace would do to plans, tasks and assessments, as counts. */
export function ImportPreviewTable({ preview }: { preview: PlannerPreviewSummary }) {
  const rows = [
    ['Plans', preview.plans],
    ['Tasks', preview.tasks],
    ['Assessments', preview.assessments],
  ] as const;
  const names = preview.planNames.map((name) => `“${name}”`).join(', ');
  return (
    <>
      <table className="planner-table planner-table--numbers">
        <caption className="ontario-show-for-sr">What the import would change</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Added</th>
            <th scope="col">Replaced</th>
            <th scope="col">Unchanged</th>
            <th scope="col">Only in your data (Merge keeps, Replace removes)</th>
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
      <p>{PROFILE_TEXT[preview.profile]}</p>
      {preview.planNames.length > 0 && (
        <p>
          Plans added or updated: {names}
          {preview.morePlanNames > 0 ? ` and ${preview.morePlanNames} more` : ''}.
        </p>
      )}
    </>
  );
}
