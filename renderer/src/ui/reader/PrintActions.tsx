import { useState } from 'react';
import { useHost } from '../shell/HostContext';

/**
 * "Print" on every host, and "Save as PDF" on the desktop, where the host saves the PDF itself
 * (in a browser, "Save as PDF" is a printer in the print dialog). The print stylesheet decides
 * what goes on paper.
 */
export function PrintActions({ docId }: { docId: string }) {
  const host = useHost();
  const [status, setStatus] = useState('');
  const print = (toPdf: boolean) => {
    setStatus('');
    host.print({ toPdf, suggestedName: `${docId}.pdf` }).then(
      (result) => {
        if (toPdf && result.status === 'saved') setStatus(`Saved to ${result.where}.`);
      },
      (error: unknown) =>
        setStatus(`Could not print: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  return (
    <div className="reader-actions">
      <button type="button" className="button button--secondary" onClick={() => print(false)}>
        Print
      </button>
      {host.kind === 'electron' && (
        <button type="button" className="button button--secondary" onClick={() => print(true)}>
          Save as PDF
        </button>
      )}
      <p className="reader-actions__status" role="status">
        {status}
      </p>
    </div>
  );
}
