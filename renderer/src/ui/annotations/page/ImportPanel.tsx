import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatByteSize } from '../../../../../electron/shared/byteSize';
import {
  MAX_IMPORT_BYTES,
  parseDocumentVersionKey,
  type AnnotationsDatabase,
} from '../../../core/annotations';
import { ImportFileChooser, type ImportFileChoice } from '../../common/ImportFileChooser';
import { fileSizeProblem } from '../../common/importWorker/fileSize';
import { wordError, wordProblem } from '../../common/i18n/wordMessage';
import type { ImportOutcome, ImportWorkerClient } from '../../common/importWorker/importClient';
import type { AnnotationsPreviewSummary } from '../../common/importWorker/importProtocol';
import { useImportWorker } from '../../common/importWorker/useImportWorker';
import type { AnnotationsSession } from '../annotationsSession';
import { documentTextReader } from './documentTexts';
import { ImportPreview } from './ImportPreview';

/** How often a merge is retried when the annotations changed while the worker was merging. */
const MAX_MERGE_ATTEMPTS = 3;

type ImportState =
  | { kind: 'idle' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'refused'; fileName: string; message: string | null; errors: readonly string[] }
  | {
      kind: 'preview';
      fileName: string;
      preview: AnnotationsPreviewSummary;
      /** The worker holding the checked file, and the annotations it was compared with. */
      client: ImportWorkerClient;
      checkedAgainst: AnnotationsDatabase;
      merging: boolean;
    };

export interface ImportPanelProps {
  session: AnnotationsSession;
  /** Ids of the documents in this library. */
  knownDocIds: ReadonlySet<string>;
}

/**
 * Import through the desktop's open dialog or the browser's file input (ImportFileChooser), both
 * labelled "Import annotations". The size is checked before a byte is read; the import worker
 * then reads and validates the whole file off the page's main thread (the page keeps answering),
 * and a preview is confirmed with "Merge". Refusals are listed in an alert and change nothing.
 * Choosing another file meanwhile drops the first.
 */
export function ImportPanel({ session, knownDocIds }: ImportPanelProps) {
  const { t } = useTranslation('annotations');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const worker = useImportWorker();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const [status, setStatus] = useState('');

  const refuse = (fileName: string, outcome: ImportOutcome) => {
    worker.stop();
    setState(
      outcome.type === 'refused'
        ? { kind: 'refused', fileName, message: outcome.message, errors: outcome.problems }
        : {
            kind: 'refused',
            fileName,
            message: null,
            errors: [`unexpected answer "${outcome.type}"`],
          },
    );
  };

  const onFile = async (choice: ImportFileChoice) => {
    // Cleared at once, so choosing the same file again is a new change (importing it twice).
    if (input.current) input.current.value = '';
    if (choice.kind === 'none') return;
    setStatus('');
    if (choice.kind === 'refused') {
      refuse(choice.name, unread(choice.problem));
      return;
    }
    const { name: fileName, file } = choice;
    const tooLarge = fileSizeProblem(file, MAX_IMPORT_BYTES);
    if (tooLarge) {
      refuse(fileName, unread(wordProblem(tooLarge)));
      return;
    }
    const client = worker.start();
    setState({ kind: 'checking', fileName });
    const checkedAgainst = session.getSnapshot().db;
    let outcome = await client.request({
      type: 'check-annotations',
      file,
      data: checkedAgainst,
      knownDocIds: [...knownDocIds],
      now: Date.now(),
    });
    if (outcome.type === 'need-document-texts') {
      let texts: [string, string | null][];
      try {
        texts = await documentTexts(outcome.docIds);
      } catch (error) {
        // The library's content could not be read: say so rather than keep "Checking…" forever.
        const message = wordError(error);
        outcome = { type: 'refused', message: null, problems: [`(file): ${message}`] };
        texts = [];
      }
      if (outcome.type === 'need-document-texts') {
        outcome = await client.request({ type: 'document-texts', texts });
      }
    }
    if (outcome.type === 'cancelled') return; // another file was chosen, or the page closed
    if (outcome.type !== 'annotations-preview') {
      refuse(fileName, outcome);
      return;
    }
    setState({
      kind: 'preview',
      fileName,
      preview: outcome.preview,
      client,
      checkedAgainst,
      merging: false,
    });
  };

  const merge = async () => {
    if (state.kind !== 'preview' || state.merging) return;
    const pending = state;
    setState({ ...pending, merging: true });
    // Merged with the data as it is now: the worker's result is used only if it was made from
    // the annotations as they still are (a highlight may have been saved meanwhile).
    let local = session.getSnapshot().db;
    for (let attempt = 1; attempt <= MAX_MERGE_ATTEMPTS; attempt++) {
      const outcome = await pending.client.request({
        type: 'apply-annotations',
        data: local === pending.checkedAgainst ? null : local,
      });
      if (outcome.type === 'cancelled') return;
      if (outcome.type !== 'annotations-merged') {
        refuse(pending.fileName, outcome);
        return;
      }
      const now = session.getSnapshot().db;
      if (now !== local) {
        local = now;
        continue;
      }
      // Shown only once stored: too large for browser storage means nothing changes at all.
      const result = await session.applyStored(() => outcome.data, false);
      // Another file chosen while this was stored has the panel now: leave its state alone.
      const stillCurrent = worker.isCurrent(pending.client);
      if (result !== null) {
        if (!stillCurrent) return;
        const problems = 'refused' in result ? result.refused : [result.notSaved];
        refuse(pending.fileName, { type: 'refused', message: null, problems });
        return;
      }
      const { added, updated, deleted } = pending.preview.counts;
      setStatus(t('import.merged', { fileName: pending.fileName, added, updated, deleted }));
      if (stillCurrent) {
        worker.stop();
        setState({ kind: 'idle' });
      }
      return;
    }
    refuse(pending.fileName, {
      type: 'refused',
      message: null,
      problems: [t('import.keptChanging')],
    });
  };

  return (
    <section className="anno-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('import.title')}</h2>
      <div className="anno-import">
        <ImportFileChooser
          id={`${id}-file`}
          label={t('import.label')}
          labelClassName="ontario-label"
          hint={t('import.hint', { size: formatByteSize(MAX_IMPORT_BYTES, 'limit') })}
          extensions={['jsonld', 'json']}
          accept=".jsonld,.json,application/ld+json,application/json"
          maxBytes={MAX_IMPORT_BYTES}
          dialogTitle={t('import.label')}
          inputRef={input}
          inputClassName="anno-import__input"
          onChoice={(choice) => void onFile(choice)}
        />
      </div>
      {state.kind === 'refused' ? (
        <div className="callout callout--warning anno-import__errors" role="alert">
          <p className="callout__title">{t('import.notImported', { fileName: state.fileName })}</p>
          {state.message ? <p>{state.message}</p> : null}
          <p>{t('import.problems')}</p>
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
          busy={state.merging}
          onMerge={() => void merge()}
          onCancel={() => {
            worker.stop();
            setState({ kind: 'idle' });
            setStatus(state.preview.changesAnything ? t('import.cancelled') : '');
          }}
        />
      ) : null}
      <p className="anno-status" role="status">
        {state.kind === 'checking'
          ? t('import.checking', { fileName: state.fileName })
          : state.kind === 'preview' && state.merging
            ? t('import.merging', { fileName: state.fileName })
            : status}
      </p>
    </section>
  );
}

/** A refusal made before the file was read: by the desktop, or here for its size. */
function unread(problem: string): ImportOutcome {
  return { type: 'refused', message: null, problems: [problem] };
}

/**
 * The texts of the document versions an import names (`documentVersionKey`: a document in a
 * language), rendered as the reader renders them (the worker has no DOM). One document per task,
 * so rendering many does not hold the page.
 */
async function documentTexts(keys: readonly string[]): Promise<[string, string | null][]> {
  const versions = keys.map((key) => [key, parseDocumentVersionKey(key)] as const);
  const textOf = await documentTextReader(versions.map(([, { language }]) => language));
  const texts: [string, string | null][] = [];
  for (const [key, { docId, language }] of versions) {
    texts.push([key, textOf(docId, language)]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return texts;
}
