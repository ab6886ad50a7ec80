import { PrintActions as CommonPrintActions } from '../common/PrintActions';

/** The reader's "Print" and (on the desktop) "Save as PDF" for one document. */
export function PrintActions({ docId }: { docId: string }) {
  return (
    <CommonPrintActions
      suggestedName={`${docId}.pdf`}
      className="reader-actions"
      printClassName="button button--secondary"
      statusClassName="reader-actions__status"
    />
  );
}
