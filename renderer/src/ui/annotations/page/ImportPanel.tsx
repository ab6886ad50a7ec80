import { useId, useState, type ChangeEvent } from 'react';
import {
  MAX_IMPORT_BYTES,
  importAnnotationCollection,
  mergeAnnotations,
  previewMerge,
  type AnnotationSet,
  type MergePreview,
} from '../../../core/annotations';
import type { AnnotationsSession } from '../annotationsSession';
import { messageOf } from '../labels';
import { documentTextReader } from './documentTexts';
import { ImportPreview } from './ImportPreview';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'refused'; fileName: string; errors: string[] }
  | { kind: 'preview'; fileName: string; incoming: AnnotationSet; preview: MergePreview };

export interface ImportPanelProps {
  session: AnnotationsSession;
  /** Ids of the documents in this library. */
  knownDocIds: ReadonlySet<string>;
}

/** "20 MB", "1.4 MB": sizes as people read them. */
function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
}

/**
 * Import through a standard file input labelled "Import annotations". The size is checked before
 * reading; the whole file is validated before anything else; then a preview, confirmed with
 * "Merge". Refusals are listed in an alert and change nothing.
 */
export function ImportPanel({ session, knownDocIds }: ImportPanelProps) {
  const id = useId();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const [status, setStatus] = useState('');

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared at once, so choosing the same file again is a new change (importing it twice).
    input.value = '';
    if (!file) return;
    setStatus('');
    if (file.size > MAX_IMPORT_BYTES) {
      setState({
        kind: 'refused',
        fileName: file.name,
        errors: [
          `The file is ${megabytes(file.size)}; the largest annotations file accepted is ${megabytes(MAX_IMPORT_BYTES)}.`,
        ],
      });
      return;
    }
    setState({ kind: 'reading' });
    try {
      const text = await file.text();
      const local = session.getSnapshot().db;
      const result = importAnnotationCollection(text, { knownDocIds, local });
      if (!result.ok) {
        setState({ kind: 'refused', fileName: file.name, errors: result.errors });
        return;
      }
      const textOf = await documentTextReader();
      const preview = previewMerge(local, result.incoming, textOf);
      setState({ kind: 'preview', fileName: file.name, incoming: result.incoming, preview });
    } catch (error) {
      setState({ kind: 'refused', fileName: file.name, errors: [messageOf(error)] });
    }
  };

  const merge = () => {
    if (state.kind !== 'preview') return;
    // Merged with the data as it is now, in case it changed while the preview was open.
    session.apply((db) => mergeAnnotations(db, state.incoming));
    const { added, updated, deleted } = state.preview.counts;
    setStatus(`Merged “${state.fileName}”: ${added} new, ${updated} updated, ${deleted} deleted.`);
    setState({ kind: 'idle' });
  };

  return (
    <section className="anno-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} data-menu-target="import">
        Import
      </h2>
      <div className="anno-import">
        <label className="ontario-label" htmlFor={`${id}-file`}>
          Import annotations
        </label>
        <p className="hint" id={`${id}-hint`}>
          Choose a JSON-LD file (.jsonld) exported from OnMuni Toolkit, up to 20 MB. You will see
          what it changes before anything is merged.
        </p>
        <input
          id={`${id}-file`}
          type="file"
          className="anno-import__input"
          accept=".jsonld,.json,application/ld+json,application/json"
          aria-describedby={`${id}-hint`}
          onChange={(event) => void onFile(event)}
        />
      </div>
      {state.kind === 'reading' ? <p role="status">Checking the file…</p> : null}
      {state.kind === 'refused' ? (
        <div className="callout callout--warning anno-import__errors" role="alert">
          <p className="callout__title">“{state.fileName}” was not imported</p>
          <p>Nothing was changed. The file has these problems:</p>
          <ul>
            {state.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.kind === 'preview' ? (
        <ImportPreview
          fileName={state.fileName}
          preview={state.preview}
          onMerge={merge}
          onCancel={() => {
            setState({ kind: 'idle' });
            setStatus(
              state.preview.changesAnything ? 'Import cancelled; nothing was changed.' : '',
            );
          }}
        />
      ) : null}
      <p className="anno-status" role="status">
        {status}
      </p>
    </section>
  );
}
