import { useId, useRef, useState, type ChangeEvent } from 'react';
import {
  applyImport,
  previewImport,
  type ImportMode,
  type ImportPreview,
} from '../../../core/planner/import/mergeImport';
import { MAX_BACKUP_BYTES, parseBackup } from '../../../core/planner/import/parseBackup';
import type { PlannerDatabase } from '../../../core/planner/schema';
import { messageOf } from '../plannerLabels';
import type { PlannerSession } from '../plannerSession';
import type { UndoOffer } from '../UndoToast';
import { ImportPreviewTable } from './ImportPreviewTable';

interface Refusal {
  message: string;
  problems: readonly string[];
}

export interface ImportPanelProps {
  session: PlannerSession;
  onImported: (offer: UndoOffer) => void;
}

/**
 * "Import plan": a standard file input. The file is read and checked in full before anything
 * changes; a refusal is shown in an alert and the current data stays as it was. A valid backup
 * shows what Merge and Replace would do, and nothing happens until one of them is chosen.
 */
export function ImportPanel({ session, onImported }: ImportPanelProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, setPending] = useState<{
    name: string;
    incoming: PlannerDatabase;
    preview: ImportPreview;
  } | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    setRefusal(null);
    setPending(null);
    const file = event.target.files?.[0];
    if (!file) return;
    // Checked before reading a byte: a huge file would freeze the window while being read.
    if (file.size > MAX_BACKUP_BYTES) {
      setRefusal({
        message: `The file was not imported and nothing was changed. “${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; a planner backup can be at most 20 MB.`,
        problems: [],
      });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setRefusal({
        message: `“${file.name}” could not be read: ${messageOf(error)}`,
        problems: [],
      });
      return;
    }
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      setRefusal({ message: parsed.message, problems: parsed.problems });
      return;
    }
    setPending({
      name: file.name,
      incoming: parsed.database,
      preview: previewImport(session.getSnapshot().db, parsed.database),
    });
  };

  const apply = (mode: ImportMode) => {
    if (!pending) return;
    const before = session.getSnapshot().db;
    const result = applyImport(before, pending.incoming, mode);
    if (!result.ok) {
      setRefusal({ message: result.message, problems: result.problems });
      return;
    }
    session.apply(() => result.db, 0, true);
    setPending(null);
    if (input.current) input.current.value = '';
    onImported({
      message: `${mode === 'merge' ? 'Merged' : 'Replaced the planner with'} “${pending.name}”.`,
      undo: () => session.apply(() => before, 0, true)?.message ?? null,
    });
  };

  const mergeBlocked = pending !== null && pending.preview.mergeProblems.length > 0;
  return (
    <div className="planner-import">
      <div className="field">
        <label htmlFor={`${id}-file`}>Import plan</label>
        <p className="hint" id={`${id}-hint`}>
          A planner backup (.json) saved from this toolkit, up to 20 MB. You will see what changes
          before anything is imported.
        </p>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          aria-describedby={`${id}-hint`}
          onChange={(event) => void choose(event)}
        />
      </div>
      {refusal && (
        <div className="callout callout--warning" role="alert">
          <p className="callout__title">{refusal.message}</p>
          {refusal.problems.length > 0 && (
            <ul className="planner-problems">
              {refusal.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {pending && (
        <section className="planner-card" aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`}>Import “{pending.name}”?</h3>
          <ImportPreviewTable preview={pending.preview} />
          {mergeBlocked && (
            <p id={`${id}-merge-why`}>
              Merge is not available: keeping your current data beside this backup would leave tasks
              pointing at phases or tasks that no longer exist. Replace takes the backup as it is.
            </p>
          )}
          <div className="planner-actions">
            <button
              type="button"
              className="button"
              disabled={mergeBlocked}
              aria-describedby={mergeBlocked ? `${id}-merge-why` : undefined}
              onClick={() => apply('merge')}
            >
              Merge
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => apply('replace')}
            >
              Replace
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setPending(null);
                if (input.current) input.current.value = '';
              }}
            >
              Cancel
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
