import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileWording } from './useFileStatus';
import { usePrint } from './usePrint';

/** How one feature lays out its print buttons. */
export interface PrintActionsProps {
  /** The file name offered for "Save as PDF". */
  suggestedName: string;
  className: string;
  /** The class of the "Print" button. */
  printClassName: string;
  statusClassName?: string;
  /** What the status line says after "Save as PDF" or a failed print, when the feature words it. */
  wording?: Partial<FileWording>;
  /** Shown before the buttons, in the same row (e.g. a link back). */
  children?: ReactNode;
}

/**
 * "Print" on every host, and "Save as PDF" on the desktop, where the host saves the PDF itself
 * (in a browser, "Save as PDF" is a printer in the print dialog). The print stylesheet decides
 * what goes on paper.
 */
export function PrintActions({
  suggestedName,
  className,
  printClassName,
  statusClassName,
  wording,
  children,
}: PrintActionsProps) {
  const { t } = useTranslation('common');
  const { status, print, canSavePdf } = usePrint(suggestedName, wording);
  return (
    <div className={className}>
      {children}
      <button type="button" className={printClassName} onClick={() => print(false)}>
        {t('print.print')}
      </button>
      {canSavePdf && (
        <button type="button" className="button button--secondary" onClick={() => print(true)}>
          {t('print.savePdf')}
        </button>
      )}
      <p className={statusClassName} role="status">
        {status}
      </p>
    </div>
  );
}
