import type { Meaning } from '../../core/annotations';
import type { LoadReport } from '../../core/store/DocumentStorage';
import { formatDate, formatNumber } from '../common/i18n/format';
import { t } from '../common/i18n/i18n';

/** The label of a meaning, shown beside its colour (never colour alone). */
export function meaningLabel(meaning: Meaning): string {
  return t(`annotations:meaning.${meaning}`);
}

/** The annotations' save status (the shared SaveStatus): its class and its words. */
export function saveStatusProps() {
  return {
    className: 'anno-save',
    failedPrefix: t('annotations:saveStatus.failedPrefix'),
    idleText: t('annotations:saveStatus.idle'),
  } as const;
}

/** The annotations' undo status (the shared UndoStatus): its classes. */
export const UNDO_STATUS = {
  className: 'anno-undo',
  buttonClassName: 'anno-button',
  actionsClassName: 'anno-undo__actions',
} as const;

/** "26 Nov 2026": a short, unambiguous date in the interface language. */
export function shortDate(iso: string): string {
  return formatDate(iso, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** When an annotation was made, and when last edited if that was another day. */
export function createdAndEdited(createdIso: string, modifiedIso: string): string {
  const created = shortDate(createdIso);
  const modified = shortDate(modifiedIso);
  return modified === created ? created : t('annotations:item.edited', { created, modified });
}

/** What to tell the user when the stored annotations could not be used as they were; or null. */
export function describeAnnotationsLoad(report: LoadReport): string | null {
  switch (report.status) {
    case 'missing':
    case 'ok':
      return null;
    case 'recovered':
      return t('annotations:load.recovered', { reason: report.reason, movedTo: report.movedTo });
    case 'repaired':
      return report.keptCopyAs === null
        ? t('annotations:load.repairedNotKept')
        : t('annotations:load.repaired', {
            count: report.issues.length,
            shown: formatNumber(report.issues.length),
            keptCopyAs: report.keptCopyAs,
          });
    case 'unreadable':
      return t('annotations:load.unreadable', { reason: report.reason });
  }
}
