import { useState } from 'react';
import { useHost } from '../shell/HostContext';

/**
 * Printing through the host: `print(false)` opens the print dialog, `print(true)` has the desktop
 * host save a PDF itself. `status` says where the PDF went, or why printing failed.
 */
export function usePrint(suggestedName: string) {
  const host = useHost();
  const [status, setStatus] = useState('');
  const print = (toPdf: boolean) => {
    setStatus('');
    host.print({ toPdf, suggestedName }).then(
      (result) => {
        if (toPdf && result.status === 'saved') setStatus(`Saved to ${result.where}.`);
      },
      (error: unknown) =>
        setStatus(`Could not print: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  return { status, print, canSavePdf: host.kind === 'electron' };
}
