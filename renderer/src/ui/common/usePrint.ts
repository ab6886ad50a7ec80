import { useHost } from './HostContext';
import { t } from './i18n/i18n';
import { useFileStatus, type FileWording } from './useFileStatus';

/** How printing is worded unless the feature says otherwise (worded when it happens). */
function printWording(): FileWording {
  return {
    saved: (where) => t('common:saveFile.savedTo', { where }),
    cancelled: '',
    failedPrefix: t('common:print.failedPrefix'),
  };
}

/**
 * Printing through the host: `print(false)` opens the print dialog, `print(true)` has the desktop
 * host save a PDF itself. `status` says where the PDF went, or why printing failed; `wording`
 * changes what it says.
 */
export function usePrint(suggestedName: string, wording: Partial<FileWording> = {}) {
  const host = useHost();
  const { status, follow } = useFileStatus();
  const print = (toPdf: boolean) => {
    const words = { ...printWording(), ...wording };
    // The print dialog says itself what happened; only a PDF the host wrote needs a word here.
    follow(
      host.print({ toPdf, suggestedName }),
      toPdf ? words : { ...words, saved: () => '', cancelled: '' },
    );
  };
  return { status, print, canSavePdf: host.kind === 'electron' };
}
