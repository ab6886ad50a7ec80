import { useEffect, useId, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import {
  PREVIEW_GROUPS,
  type AnnotationsPreviewSummary,
  type PreviewAnnotation,
} from '../../common/importWorker/importProtocol';

/** The counts, in order; each is labelled `preview.count.<key>`. */
const COUNTS = ['added', 'updated', 'unchanged', 'deleted', 'orphaned'] as const;

export interface ImportPreviewProps {
  fileName: string;
  preview: AnnotationsPreviewSummary;
  /**
   * True while the merge is being worked out: Merge says so but keeps the focus (a disabled
   * button would drop it), and a second press is ignored by the panel.
   */
  busy: boolean;
  onMerge: () => void;
  onCancel: () => void;
}

/**
 * What merging a file would do, before anything changes: counts of new, updated, unchanged,
 * deleted and orphaned annotations, the first few of each list (a file can hold thousands), and
 * "Merge" / "Cancel". A file that
 * changes nothing says "Nothing to merge". Focus moves to the preview's heading so keyboard and
 * screen reader users land on it.
 */
export function ImportPreview({ fileName, preview, busy, onMerge, onCancel }: ImportPreviewProps) {
  const { t } = useTranslation('annotations');
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { counts } = preview;
  return (
    <div className="anno-preview" aria-labelledby={`${id}-title`} role="region" aria-busy={busy}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('preview.title', { fileName })}
      </h3>
      <dl className="anno-preview__counts">
        {COUNTS.map((key) => (
          <div key={key}>
            <dt>{t(`preview.count.${key}`)}</dt>
            <dd>{counts[key]}</dd>
          </div>
        ))}
      </dl>
      {PREVIEW_GROUPS.map((key) => {
        const shown = preview.shown[key];
        const more = preview.counts[key] - shown.length;
        return shown.length > 0 ? (
          <div key={key} className="anno-preview__group">
            <h4>{t(`preview.group.${key}`)}</h4>
            <ul>
              {shown.map((annotation) => (
                <PreviewLine key={annotation.id} annotation={annotation} />
              ))}
            </ul>
            {more > 0 ? <p>{t('preview.more', { more })}</p> : null}
          </div>
        ) : null;
      })}
      {preview.changesAnything ? (
        <>
          <p>{t('preview.nothingChanges')}</p>
          <div className="anno-actions">
            <button type="button" className="button" aria-disabled={busy} onClick={onMerge}>
              {t('preview.merge')}
            </button>
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('preview.cancel')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="anno-preview__nothing">
            <Trans t={t} i18nKey="preview.nothingToMerge" components={{ strong: <strong /> }} />
          </p>
          <div className="anno-actions">
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('preview.close')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/** "Important by Ana: “quote”"; the author and quote are another person's text, shown as text. */
function PreviewLine({ annotation }: { annotation: PreviewAnnotation }) {
  const { t } = useTranslation('annotations');
  return (
    <li>
      <Trans
        t={t}
        i18nKey="preview.line"
        values={{
          meaning: t(`meaning.${annotation.meaning}`),
          author: annotation.author,
          quote: annotation.quote,
        }}
        components={{ strong: <strong /> }}
      />
    </li>
  );
}
