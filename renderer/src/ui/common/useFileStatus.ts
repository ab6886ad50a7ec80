import { useState } from 'react';
import { messageOf } from '../../core/common/errorMessage';
import type { SaveFileResult } from '../../host/Host';

/** What a status line says about a file the host wrote (a save, or a print to PDF). */
export interface FileWording {
  /** Once the file is written; `where` is the host's description of the place. */
  saved: (where: string) => string;
  /** When the person cancelled the host's dialog. */
  cancelled: string;
  /** Before the error's message when it failed, e.g. "Not saved:". */
  failedPrefix: string;
}

/**
 * A status line that follows one host operation writing a file: cleared when it starts, then
 * what became of it. A feature may word each outcome its own way.
 */
export function useFileStatus() {
  const [status, setStatus] = useState('');
  const follow = (outcome: Promise<SaveFileResult>, wording: FileWording) => {
    setStatus('');
    outcome.then(
      (result) =>
        setStatus(result.status === 'saved' ? wording.saved(result.where) : wording.cancelled),
      (error: unknown) => setStatus(`${wording.failedPrefix} ${messageOf(error)}`),
    );
  };
  return { status, setStatus, follow };
}
