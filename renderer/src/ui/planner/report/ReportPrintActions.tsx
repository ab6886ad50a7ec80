import { PrintActions } from '../../common/PrintActions';

/** "Print" on every host; "Save as PDF" on the desktop, where the host writes the PDF itself. */
export function ReportPrintActions({ suggestedName }: { suggestedName: string }) {
  return (
    <PrintActions
      suggestedName={suggestedName}
      className="planner-actions"
      printClassName="button"
      statusClassName="planner-muted"
    />
  );
}
