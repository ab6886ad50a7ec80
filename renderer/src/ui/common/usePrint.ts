import { useHost } from './HostContext';
import { useFileStatus, type FileWording } from './useFileStatus';

/** How printing is worded unless the feature says otherwise. */
const PRINT_WORDING: FileWording = {
  saved: (where) => `Saved to ${where}.`,
  cancelled: '',
  failedPrefix: 'Could not print:',
};

/**
 * Printing through the host: `print(false)` opens the print dialog, `print(true)` has the desktop
 * host save a PDF itself. `status` says where the PDF went, or why printing failed; `wording`
 * changes what it says.
 */
export function usePrint(suggestedName: string, wording: Partial<FileWording> = {}) {
  const host = useHost();
  const { status, follow } = useFileStatus();
  const print = (toPdf: boolean) => {
    const words = { ...PRINT_WORDING, ...wording };
    // The print dialog says itself what happened; only a PDF the host wrote needs a word here.
    follow(
      host.print({ toPdf, suggestedName }),
      toPdf ? words : { ...words, saved: () => '', cancelled: '' },
    );
  };
  return { status, print, canSavePdf: host.kind === 'electron' };
}
