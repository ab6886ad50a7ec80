import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenFileResult } from '../../host/Host';
import { useHost } from './HostContext';
import { wordError } from './i18n/wordMessage';

/** What the user chose to import. */
export type ImportFileChoice =
  /** A file to hand to the import worker, which reads it (a `File`, or the desktop's text). */
  | { kind: 'file'; name: string; file: Blob }
  /** The desktop refused the file before reading it into the page (too large, not text). */
  | { kind: 'refused'; name: string; problem: string }
  /** The browser's file input was cleared. */
  | { kind: 'none' };

export interface ImportFileChooserProps {
  /** The control's id; the label points at it. */
  id: string;
  /** What the control is for, e.g. "Import plan": its label, and its accessible name. */
  label: string;
  labelClassName?: string;
  /** What can be imported, shown between the label and the control, and describing it. */
  hint: ReactNode;
  /** The file types offered: extensions without the dot, and the browser input's `accept`. */
  extensions: string[];
  accept: string;
  /** Files larger than this are refused before they are read. */
  maxBytes: number;
  /** The desktop dialog's title, e.g. "Import a planner backup". */
  dialogTitle: string;
  /** The browser's `<input type="file">` (null on the desktop), so a panel can clear it. */
  inputRef?: RefObject<HTMLInputElement | null>;
  inputClassName?: string;
  onChoice: (choice: ImportFileChoice) => void;
}

/**
 * Where the user chooses a file to import. On the desktop, a button opens the system's open
 * dialog through the host, and main reads the chosen file, refusing one over `maxBytes` before
 * reading it; it is also what the File menu's Import command clicks (it is marked for it). In
 * the browser edition, a standard `<input type="file">`: a page can show the file picker only
 * from the user's own click on one, and the tests choose files through it. Either way the panel
 * gets the file as a Blob for the import worker to read, off the page's main thread.
 */
export function ImportFileChooser({
  id,
  label,
  labelClassName,
  hint,
  extensions,
  accept,
  maxBytes,
  dialogTitle: title,
  inputRef,
  inputClassName,
  onChoice,
}: ImportFileChooserProps) {
  const { t } = useTranslation('common');
  const host = useHost();
  const openTextFile = host.openTextFile?.bind(host);
  return (
    <>
      <label className={labelClassName} htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {openTextFile ? (
        <button
          type="button"
          id={id}
          className="button button--secondary"
          aria-labelledby={`${id}-label ${id}`}
          aria-describedby={`${id}-hint`}
          data-menu-target="import"
          onClick={() => {
            openTextFile({ title, extensions, maxBytes }).then(
              (result) => {
                const choice = choiceOf(result);
                if (choice) onChoice(choice);
              },
              (error: unknown) => {
                const problem = wordError(error);
                onChoice({ kind: 'refused', name: title, problem });
              },
            );
          }}
        >
          {t('importFile.choose')}
        </button>
      ) : (
        <input
          ref={inputRef}
          id={id}
          type="file"
          className={inputClassName}
          accept={accept}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            onChoice(file ? { kind: 'file', name: file.name, file } : { kind: 'none' });
          }}
        />
      )}
    </>
  );
}

/** The desktop dialog's answer as a choice; null when the user closed the dialog. */
function choiceOf(result: OpenFileResult): ImportFileChoice | null {
  switch (result.status) {
    case 'cancelled':
      return null;
    case 'error':
      return { kind: 'refused', name: result.name, problem: result.message };
    case 'ok':
      return { kind: 'file', name: result.name, file: new Blob([result.text]) };
  }
}
