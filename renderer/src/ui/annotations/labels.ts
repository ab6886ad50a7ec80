import type { LoadReport } from '../../core/store/DocumentStorage';

/** The annotations' save status (the shared SaveStatus): its class and its words. */
export const SAVE_STATUS = {
  className: 'anno-save',
  failedPrefix: 'Annotations not saved:',
  idleText: 'Annotations are saved automatically',
} as const;

/** The annotations' undo status (the shared UndoStatus): its classes. */
export const UNDO_STATUS = {
  className: 'anno-undo',
  buttonClassName: 'anno-button',
  actionsClassName: 'anno-undo__actions',
} as const;

/** What the undo status says once a deleted annotation is back. */
export const UNDO_DONE = 'Restored.';

/** "26 Nov 2026": a short, unambiguous date in Canadian English. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-CA', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

/** What to tell the user when the stored annotations could not be used as they were; or null. */
export function describeAnnotationsLoad(report: LoadReport): string | null {
  switch (report.status) {
    case 'missing':
    case 'ok':
      return null;
    case 'recovered':
      return `${report.reason} Your annotations started empty; the damaged copy was kept as “${report.movedTo}”.`;
    case 'repaired':
      return report.keptCopyAs === null
        ? 'Some saved annotations were not valid and were left out. The original could not be copied aside, so changes will not be saved until the toolkit is restarted.'
        : `Some saved annotations were not valid and were left out (${report.issues.length} problem${report.issues.length === 1 ? '' : 's'}). A copy of the original was kept as “${report.keptCopyAs}”.`;
    case 'unreadable':
      return `Your annotations could not be read (${report.reason}). Changes will not be saved until the toolkit is restarted, so the saved copy is not overwritten.`;
  }
}
