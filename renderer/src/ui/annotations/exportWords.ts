import type { AnnotationExportWords } from '../../core/annotations';
import { compareText, formatNumber } from '../common/i18n/format';
import { currentLanguage, t } from '../common/i18n/i18n';
import { meaningLabel } from './labels';

/** The words of the Markdown and CSV exports, in the interface language (core has none). */
export function annotationExportWords(): AnnotationExportWords {
  return {
    meaning: meaningLabel,
    markdownTitle: t('annotations:markdown.title'),
    markdownExported: (date, count) =>
      t('annotations:markdown.exported', { date, count, shown: formatNumber(count) }),
    language: currentLanguage(),
    otherVersion: (title, language) =>
      t(`annotations:markdown.otherVersion.${language}`, { title }),
    notInLibrary: (docId) => t('annotations:markdown.notInLibrary', { docId }),
    entryHeading: (meaning, author, when) =>
      t('annotations:markdown.entry', { meaning, author, when }),
    createdAndEdited: (created, modified) =>
      t('annotations:markdown.edited', { created, modified }),
    tagsLine: (tags) => t('annotations:markdown.tags', { tags }),
    csvColumn: (column) => t(`annotations:csv.${column}`),
    compareText,
  };
}
