import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMode } from '../../../core/planner/import/mergeImport';
import { formatByteSize } from '../../../../../electron/shared/byteSize';
import { MAX_BACKUP_BYTES } from '../../../core/planner/import/parseBackup';
import type { PlannerDatabase } from '../../../core/planner/schema';
import { t } from '../../common/i18n/i18n';
import { wordError, wordProblem, wordRefusal } from '../../common/i18n/wordMessage';
import { formatNumber } from '../../common/i18n/format';
import { ImportFileChooser, type ImportFileChoice } from '../../common/ImportFileChooser';
import { fileSizeProblem } from '../../common/importWorker/fileSize';
import type { ImportWorkerClient } from '../../common/importWorker/importClient';
import type { ImportReply, PlannerPreviewSummary } from '../../common/importWorker/importProtocol';
import { useImportWorker } from '../../common/importWorker/useImportWorker';
import type { PlannerSession } from '../plannerSession';
import type { UndoOffer } from '../../common/useUndo';
import { ImportPreviewTable } from './ImportPreviewTable';

/** Said first in every refusal the worker does not word itself. */
const nothingChanged = () => t('planner:import.nothingChanged');

/** How often an apply is retried when the planner changed while the worker was working. */
const MAX_APPLY_ATTEMPTS = 3;

type PanelState =
  | { kind: 'idle' }
  | { kind: 'checking'; name: string }
  | { kind: 'refused'; name: string; message: string; problems: readonly string[] }
  | {
      kind: 'preview';
      name: string;
      preview: PlannerPreviewSummary;
      /** The worker holding the checked backup, and the planner it was compared with. */
      client: ImportWorkerClient;
      checkedAgainst: PlannerDatabase;
      /** Set while Merge or Replace is being worked out. */
      applying: ImportMode | null;
      /** A refused Merge, shown above the preview (Replace is still offered). */
      refusal: { message: string; problems: readonly string[] } | null;
    };

export interface ImportPanelProps {
  session: PlannerSession;
  onImported: (offer: UndoOffer) => void;
}

/**
 * "Import plan": the desktop's open dialog or the browser's file input (ImportFileChooser). The
 * size is checked before a byte is read; the file is then read, parsed and checked in full by the
 * import worker, off the page's main thread, so the page keeps answering while a large file is
 * checked. A refusal is shown in an alert and the current data stays as it was. A valid backup
 * shows what Merge and Replace would do, and nothing happens until one of them is chosen.
 * Choosing another file meanwhile drops the first.
 */
export function ImportPanel({ session, onImported }: ImportPanelProps) {
  const { t } = useTranslation('planner');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const worker = useImportWorker();
  const [state, setState] = useState<PanelState>({ kind: 'idle' });

  const reset = () => {
    worker.stop();
    setState({ kind: 'idle' });
    if (input.current) input.current.value = '';
  };

  const choose = async (choice: ImportFileChoice) => {
    if (choice.kind === 'none') {
      reset();
      return;
    }
    if (choice.kind === 'refused') {
      worker.stop();
      setState({
        kind: 'refused',
        name: choice.name,
        message: nothingChanged(),
        problems: [choice.problem],
      });
      return;
    }
    const { name, file } = choice;
    const tooLarge = fileSizeProblem(file, MAX_BACKUP_BYTES);
    if (tooLarge) {
      worker.stop();
      setState({
        kind: 'refused',
        name,
        message: sizeMessage(file),
        problems: [wordProblem(tooLarge)],
      });
      return;
    }
    const client = worker.start();
    setState({ kind: 'checking', name });
    const checkedAgainst = session.getSnapshot().db;
    const outcome = await client.request({ type: 'check-planner', file, data: checkedAgainst });
    if (outcome.type === 'cancelled') return; // another file was chosen, or the panel closed
    if (outcome.type !== 'planner-preview') {
      worker.stop();
      setState({ kind: 'refused', name, ...refusalOf(outcome) });
      return;
    }
    setState({
      kind: 'preview',
      name,
      preview: outcome.preview,
      client,
      checkedAgainst,
      applying: null,
      refusal: null,
    });
  };

  const apply = async (mode: ImportMode) => {
    if (state.kind !== 'preview' || state.applying) return;
    const pending = state;
    setState({ ...pending, applying: mode, refusal: null });
    // The worker merges; the planner may change meanwhile (a save from another screen), so the
    // result is used only if it was made from the planner as it still is.
    let before = session.getSnapshot().db;
    for (let attempt = 1; attempt <= MAX_APPLY_ATTEMPTS; attempt++) {
      const outcome = await pending.client.request({
        type: 'apply-planner',
        mode,
        data: before === pending.checkedAgainst ? null : before,
      });
      if (outcome.type === 'cancelled') return;
      if (outcome.type !== 'planner-applied') {
        setState({ ...pending, applying: null, refusal: refusalOf(outcome) });
        return;
      }
      const now = session.getSnapshot().db;
      if (now !== before) {
        before = now;
        continue;
      }
      // Shown only once stored: too large for browser storage means nothing changes at all.
      const result = await session.applyStored(() => outcome.data);
      // Another file chosen while this was stored has the panel now: leave its state alone.
      const stillCurrent = worker.isCurrent(pending.client);
      if (result !== null) {
        if (!stillCurrent) return;
        setState({
          ...pending,
          applying: null,
          refusal: {
            message: nothingChanged(),
            problems: ['refused' in result ? wordError(result.refused) : result.notSaved],
          },
        });
        return;
      }
      const previous = before;
      // Undo puts back the whole planner as it was, so it is offered only while nothing has
      // changed since: an edit, or a teammate's change merged meanwhile, would be overwritten
      // (and, stamped anew, overwritten on every member's machine).
      const imported = session.getSnapshot().db;
      if (stillCurrent) reset();
      onImported({
        message:
          mode === 'merge'
            ? t('import.merged', { name: pending.name })
            : outcome.keptSharedPlans > 0
              ? t('import.replacedKeptShared', {
                  name: pending.name,
                  count: outcome.keptSharedPlans,
                  shown: formatNumber(outcome.keptSharedPlans),
                })
              : t('import.replaced', { name: pending.name }),
        undo: () =>
          session.getSnapshot().db === imported
            ? wordRefusal(session.apply(() => previous, 0, true))
            : t('import.undoStale'),
      });
      return;
    }
    setState({
      ...pending,
      applying: null,
      refusal: {
        message: nothingChanged(),
        problems: [t('import.keptChanging')],
      },
    });
  };

  const refusal: { name: string; message: string; problems: readonly string[] } | null =
    state.kind === 'refused'
      ? state
      : state.kind === 'preview' && state.refusal
        ? { name: state.name, ...state.refusal }
        : null;
  return (
    <div className="planner-import">
      <div className="field">
        <ImportFileChooser
          id={`${id}-file`}
          label={t('import.label')}
          hint={t('import.hint', { limit: formatByteSize(MAX_BACKUP_BYTES, 'limit') })}
          extensions={['json']}
          accept=".json,application/json"
          maxBytes={MAX_BACKUP_BYTES}
          dialogTitle={t('import.dialogTitle')}
          inputRef={input}
          onChoice={(choice) => void choose(choice)}
        />
      </div>
      <p role="status" className="planner-muted">
        {state.kind === 'checking' ? t('import.checking', { name: state.name }) : null}
        {state.kind === 'preview' && state.applying
          ? t('import.importing', { name: state.name })
          : null}
      </p>
      {refusal && (
        <div className="callout callout--warning" role="alert">
          <p className="callout__title">
            {t('import.refused', { name: refusal.name, message: refusal.message })}
          </p>
          {refusal.problems.length > 0 && (
            <ul className="planner-problems">
              {refusal.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.kind === 'preview' && (
        <PreviewSection
          id={id}
          name={state.name}
          preview={state.preview}
          busy={state.applying !== null}
          onApply={(mode) => void apply(mode)}
          onCancel={reset}
        />
      )}
    </div>
  );
}

interface PreviewSectionProps {
  id: string;
  name: string;
  preview: PlannerPreviewSummary;
  /**
   * True while Merge or Replace is being worked out: the buttons say so but stay focusable (a
   * disabled button would drop the keyboard focus); a second press is ignored.
   */
  busy: boolean;
  onApply: (mode: ImportMode) => void;
  onCancel: () => void;
}

/** What the import would change, with Merge, Replace and Cancel. */
function PreviewSection({ id, name, preview, busy, onApply, onCancel }: PreviewSectionProps) {
  const { t } = useTranslation('planner');
  const mergeBlocked = preview.mergeProblems.length > 0;
  return (
    <section className="planner-card" aria-labelledby={`${id}-preview`} aria-busy={busy}>
      <h3 id={`${id}-preview`}>{t('import.previewHeading', { name })}</h3>
      <ImportPreviewTable preview={preview} />
      {mergeBlocked && <p id={`${id}-merge-why`}>{t('import.mergeBlocked')}</p>}
      <div className="planner-actions">
        <button
          type="button"
          className="button"
          disabled={mergeBlocked}
          aria-disabled={busy}
          aria-describedby={mergeBlocked ? `${id}-merge-why` : undefined}
          onClick={() => onApply('merge')}
        >
          {t('import.merge')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={busy}
          onClick={() => onApply('replace')}
        >
          {t('import.replace')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('import.cancel')}
        </button>
      </div>
    </section>
  );
}

/** The first line of a refusal made before the file was read. */
function sizeMessage(file: Blob): string {
  return t('planner:import.tooLarge', { size: formatByteSize(file.size, 'measured') });
}

/** A refusal from the worker (or anything unexpected from it) as the alert shows it. */
function refusalOf(reply: ImportReply): { message: string; problems: readonly string[] } {
  if (reply.type === 'refused') {
    return { message: reply.message ?? nothingChanged(), problems: reply.problems };
  }
  return {
    message: nothingChanged(),
    problems: [t('planner:import.unexpectedAnswer', { type: reply.type })],
  };
}
