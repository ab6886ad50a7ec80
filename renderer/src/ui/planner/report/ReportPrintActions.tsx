import { useState } from 'react';
import { useHost } from '../../shell/HostContext';
import { messageOf } from '../plannerLabels';

/** "Print" on every host; "Save as PDF" on the desktop, where the host writes the PDF itself. */
export function ReportPrintActions({ suggestedName }: { suggestedName: string }) {
  const host = useHost();
  const [status, setStatus] = useState('');
  const print = (toPdf: boolean) => {
    setStatus('');
    host.print({ toPdf, suggestedName }).then(
      (result) => {
        if (toPdf && result.status === 'saved') setStatus(`Saved to ${result.where}.`);
      },
      (error: unknown) => setStatus(`Could not print: ${messageOf(error)}`),
    );
  };
  return (
    <div className="planner-actions">
      <button type="button" className="button" onClick={() => print(false)}>
        Print
      </button>
      {host.kind === 'electron' && (
        <button type="button" className="button button--secondary" onClick={() => print(true)}>
          Save as PDF
        </button>
      )}
      <p role="status" className="planner-muted">
        {status}
      </p>
    </div>
  );
}
