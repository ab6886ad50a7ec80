import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANNOTATION_EXPORT_FORMATS,
  annotationExportFileName,
  selectForExport,
  serializeAnnotationCollection,
  toAnnotationsCsv,
  toAnnotationsMarkdown,
  type Annotation,
  type AnnotationExportFormat,
  type AnnotationsDatabase,
  type ExportScope,
} from '../../../core/annotations';
import type { DocId } from '../../../core/content/ids';
import { stripEnglishSpans } from '../../../core/markdown/englishSpanText';
import { csvDialect, formatNumber } from '../../common/i18n/format';
import { useSaveFile } from '../../common/useSaveFile';
import { annotationExportWords } from '../exportWords';
import { useVersionTitles } from './versionTitles';

type ScopeChoice = 'all' | 'filtered' | 'document';

export interface ExportPanelProps {
  db: AnnotationsDatabase;
  filtered: readonly Annotation[];
  /** Documents that have annotations, for "One document". */
  docIds: readonly DocId[];
  titleOf: (docId: DocId) => string | null;
  docRank: (docId: DocId) => number;
}

/** The download buttons, in order; each is labelled `export.format.<format>`. */
const FORMAT_BUTTONS: { format: AnnotationExportFormat; mimeType: string }[] = [
  { format: 'jsonld', mimeType: 'application/ld+json' },
  { format: 'markdown', mimeType: 'text/markdown;charset=utf-8' },
  { format: 'csv', mimeType: 'text/csv;charset=utf-8' },
];

/**
 * Exports all annotations, the filtered list or one document's, as a W3C annotation collection
 * (JSON-LD, which another member can import), readable Markdown or CSV, through the host. The
 * readable ones are worded in the interface language and name each document by the title of
 * the version its annotations were made on.
 */
export function ExportPanel({ db, filtered, docIds, titleOf, docRank }: ExportPanelProps) {
  const { t } = useTranslation('annotations');
  const id = useId();
  const [choice, setChoice] = useState<ScopeChoice>('all');
  const [docId, setDocId] = useState<string>('');
  const { status, setStatus, save: saveFile } = useSaveFile();
  const chosenDoc = docIds.find((d) => d === docId) ?? docIds[0] ?? null;
  const versionTitleOf = useVersionTitles(titleOf);

  const scopeFor = (): { scope: ExportScope; name?: string } | null => {
    if (choice === 'filtered')
      return { scope: { kind: 'selection', annotations: filtered }, name: 'filtered' };
    if (choice === 'document') {
      return chosenDoc ? { scope: { kind: 'document', docId: chosenDoc }, name: chosenDoc } : null;
    }
    return { scope: { kind: 'all' } };
  };

  const save = (format: AnnotationExportFormat, mimeType: string) => {
    const chosen = scopeFor();
    if (!chosen) return setStatus(t('export.chooseDocument'));
    const set = selectForExport(db, chosen.scope);
    const now = new Date();
    const words = annotationExportWords();
    const contents =
      format === 'jsonld'
        ? serializeAnnotationCollection(set, { now })
        : format === 'markdown'
          ? toAnnotationsMarkdown(set.annotations, {
              titleOf: versionTitleOf,
              docRank,
              now,
              words,
            })
          : toAnnotationsCsv(set.annotations, {
              titleOf: versionTitleOf,
              words,
              dialect: csvDialect(),
            });
    const count = set.annotations.length;
    saveFile(
      {
        suggestedName: annotationExportFileName(format, now, chosen.name),
        mimeType,
        extensions: [...ANNOTATION_EXPORT_FORMATS[format].extensions],
        contents,
      },
      {
        saved: (where) => t('export.exported', { count, shown: formatNumber(count), where }),
        failedPrefix: t('export.failedPrefix'),
      },
    );
  };

  return (
    <section className="anno-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} data-menu-target="export">
        {t('export.title')}
      </h2>
      <fieldset className="anno-export__scope">
        <legend className="ontario-fieldset__legend">{t('export.scope')}</legend>
        <div className="choices">
          <div className="choice">
            <input
              type="radio"
              id={`${id}-all`}
              name={`${id}-scope`}
              checked={choice === 'all'}
              onChange={() => setChoice('all')}
            />
            <label htmlFor={`${id}-all`}>{t('export.all', { total: db.annotations.length })}</label>
          </div>
          <div className="choice">
            <input
              type="radio"
              id={`${id}-filtered`}
              name={`${id}-scope`}
              checked={choice === 'filtered'}
              onChange={() => setChoice('filtered')}
            />
            <label htmlFor={`${id}-filtered`}>
              {t('export.filtered', { total: filtered.length })}
            </label>
          </div>
          <div className="choice">
            <input
              type="radio"
              id={`${id}-document`}
              name={`${id}-scope`}
              checked={choice === 'document'}
              onChange={() => setChoice('document')}
              disabled={docIds.length === 0}
            />
            <label htmlFor={`${id}-document`}>{t('export.document')}</label>
          </div>
        </div>
        {choice === 'document' && docIds.length > 0 ? (
          <div className="anno-export__doc">
            <label className="ontario-label" htmlFor={`${id}-doc`}>
              {t('export.documentToExport')}
            </label>
            <select
              id={`${id}-doc`}
              className="ontario-input"
              value={chosenDoc ?? ''}
              onChange={(event) => setDocId(event.target.value)}
            >
              {docIds.map((d) => (
                <option key={d} value={d}>
                  {stripEnglishSpans(titleOf(d) ?? d)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </fieldset>
      <p className="anno-hint">{t('export.hint')}</p>
      <div className="anno-actions">
        {FORMAT_BUTTONS.map(({ format, mimeType }) => (
          <button
            key={format}
            type="button"
            className="button button--secondary"
            onClick={() => save(format, mimeType)}
          >
            {t(`export.format.${format}`)}
          </button>
        ))}
      </div>
      <p className="anno-status" role="status">
        {status}
      </p>
    </section>
  );
}
