import { useEffect, useId, useRef } from 'react';
import { MEANING_LABELS } from '../../../core/annotations';
import type {
  AnnotationsPreviewSummary,
  PreviewAnnotation,
  PreviewGroup,
} from '../../common/importWorker/importProtocol';

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

const GROUPS: { key: PreviewGroup; label: string }[] = [
  { key: 'added', label: 'New' },
  { key: 'updated', label: 'Updated' },
  { key: 'deleted', label: 'Deleted by this file' },
  { key: 'orphaned', label: 'Orphaned (their passage cannot be found)' },
];

/**
 * What merging a file would do, before anything changes: counts of new, updated, unchanged,
 * deleted and orphaned annotations, the first few of each list (a file can hold thousands), and
 * "Merge" / "Cancel". A file that
 * changes nothing says "Nothing to merge". Focus moves to the preview's heading so keyboard and
 * screen reader users land on it.
 */
export function ImportPreview({ fileName, preview, busy, onMerge, onCancel }: ImportPreviewProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { counts } = preview;
  return (
    <div className="anno-preview" aria-labelledby={`${id}-title`} role="region" aria-busy={busy}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        Preview of “{fileName}”
      </h3>
      <dl className="anno-preview__counts">
        <div>
          <dt>New</dt>
          <dd>{counts.added}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{counts.updated}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd>{counts.unchanged}</dd>
        </div>
        <div>
          <dt>Deleted</dt>
          <dd>{counts.deleted}</dd>
        </div>
        <div>
          <dt>Orphaned</dt>
          <dd>{counts.orphaned}</dd>
        </div>
      </dl>
      {GROUPS.map(({ key, label }) => {
        const shown = preview.shown[key];
        const more = preview.counts[key] - shown.length;
        return shown.length > 0 ? (
          <div key={key} className="anno-preview__group">
            <h4>{label}</h4>
            <ul>
              {shown.map((annotation) => (
                <PreviewLine key={annotation.id} annotation={annotation} />
              ))}
            </ul>
            {more > 0 ? <p>…and {more} more.</p> : null}
          </div>
        ) : null;
      })}
      {preview.changesAnything ? (
        <>
          <p>
            Nothing changes until you choose Merge. Annotations by other people keep their author.
          </p>
          <div className="anno-actions">
            <button type="button" className="button" aria-disabled={busy} onClick={onMerge}>
              Merge
            </button>
            <button type="button" className="button button--secondary" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="anno-preview__nothing">
            <strong>Nothing to merge:</strong> everything in this file is already here.
          </p>
          <div className="anno-actions">
            <button type="button" className="button button--secondary" onClick={onCancel}>
              Close
            </button>
          </div>
        </>
      )}
    </div>
  );
}

function PreviewLine({ annotation }: { annotation: PreviewAnnotation }) {
  return (
    <li>
      <strong>{MEANING_LABELS[annotation.meaning]}</strong> by {annotation.author}: “
      {annotation.quote}”
    </li>
  );
}
