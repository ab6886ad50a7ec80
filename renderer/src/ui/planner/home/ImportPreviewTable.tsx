import type { ImportPreview } from '../../../core/planner/import/mergeImport';

const PROFILE_TEXT: Readonly<Record<ImportPreview['profile'], string>> = {
  added: 'The backup’s municipality profile will be added.',
  replaced: 'The backup’s municipality profile will replace yours.',
  unchanged: 'The municipality profile stays as it is.',
};

/** What Merge and Replace would do to plans, tasks and assessments, as counts. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const rows = [
    ['Plans', preview.plans],
    ['Tasks', preview.tasks],
    ['Assessments', preview.assessments],
  ] as const;
  const planNames = preview.plans.added
    .map((p) => p.title)
    .concat(preview.plans.replaced.map((r) => r.incoming.title));
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
          {rows.map(([label, diff]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{diff.added.length}</td>
              <td>{diff.replaced.length}</td>
              <td>{diff.unchanged.length}</td>
              <td>{diff.onlyInCurrent.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{PROFILE_TEXT[preview.profile]}</p>
      {planNames.length > 0 && (
        <p>Plans added or updated: {planNames.map((name) => `“${name}”`).join(', ')}.</p>
      )}
    </>
  );
}
