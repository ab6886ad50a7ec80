import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIssue } from '../../core/content/issues';
import { formatPackProblem } from '../../core/packs/problems';
import { formatNumber } from '../common/i18n/format';
import { wordError, wordMessage } from '../common/i18n/wordMessage';
import { useHost } from '../common/HostContext';
import { loadBundledLibrary, loadReleaseText, reloadLibrary } from '../content/contentData';
import { PackPreviewPanel } from './PackPreviewPanel';
import type { TrustedKeysSession } from './useTrustedKeys';
import {
  PackImportClient,
  startPackWorker,
  type PackOutcome,
  type StartPackWorker,
} from './worker/packClient';
import type { PackPreview, PackProgress } from './worker/packProtocol';

/** Where an import stands. */
type ImportState =
  | { kind: 'idle' }
  | { kind: 'checking'; name: string; progress: PackProgress | null }
  | { kind: 'refused'; title: string; problems: string[] }
  | { kind: 'preview'; preview: PackPreview; client: PackImportClient };

export interface PackImportProps {
  /** Focus the file input on arrival (the desktop File menu's "Import content pack…"). */
  focusInput: boolean;
  trustedKeys: TrustedKeysSession;
  /** Says a change out loud (the page's polite live region). */
  announce: (text: string) => void;
  /** After an install: the page moves focus to the list that now shows the pack. */
  onInstalled: () => void;
  startWorker?: StartPackWorker;
}

/**
 * Choosing a `.onmunipack`, its check in a worker (with progress and Cancel), then its refusal or
 * its preview with Install. Nothing is written before Install: cancelling, choosing another file
 * or leaving the page terminates the worker, which holds everything checked so far. Once Install
 * has the files from the worker and is storing them, Cancel and the file input are disabled: the
 * install finishes (or fails) and says so, rather than "cancelled" over a pack that was installed.
 */
export function PackImport({
  focusInput,
  trustedKeys,
  announce,
  onInstalled,
  startWorker = startPackWorker,
}: PackImportProps) {
  const { t } = useTranslation('packs');
  const host = useHost();
  const input = useRef<HTMLInputElement>(null);
  const client = useRef<PackImportClient | null>(null);
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  /** True while an install stores the pack: choosing another file then would cancel nothing. */
  const [storing, setStoring] = useState(false);

  useEffect(() => {
    if (!focusInput) return;
    // After the page's own effect, which puts focus on its heading after a move.
    const timer = window.setTimeout(() => input.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, [focusInput]);
  // Leaving the page drops whatever the worker holds.
  useEffect(() => () => client.current?.terminate(), []);

  const reset = () => {
    client.current?.terminate();
    client.current = null;
    if (input.current) input.current.value = '';
    setStoring(false);
    setState({ kind: 'idle' });
  };

  const check = async (file: File) => {
    client.current?.terminate();
    const current = new PackImportClient(startWorker, (id, version) =>
      host.packs.readFile(id, version, 'documents.json'),
    );
    client.current = current;
    setState({ kind: 'checking', name: file.name, progress: null });
    let outcome: PackOutcome;
    try {
      const [library, installed, info, releaseText] = await Promise.all([
        loadBundledLibrary(),
        host.packs.list(),
        host.appInfo(),
        loadReleaseText(),
      ]);
      outcome = await current.request(
        {
          type: 'check',
          file,
          vocabulary: library.vocabulary,
          bundledIds: library.entries.map((entry) => entry.id),
          appVersion: info.version,
          releaseText,
          installed: installed.map((pack) => ({ id: pack.id, version: pack.current.version })),
        },
        (progress) => {
          if (client.current === current) setState({ kind: 'checking', name: file.name, progress });
        },
      );
    } catch (error) {
      outcome = { type: 'failed', detail: wordError(error) };
    }
    if (client.current !== current) return;
    switch (outcome.type) {
      case 'preview':
        return setState({ kind: 'preview', preview: outcome.preview, client: current });
      case 'refused': {
        const problems = outcome.problems.map((problem) => formatPackProblem(problem, wordMessage));
        problems.push(...outcome.warnings.map(formatIssue));
        return setState({
          kind: 'refused',
          title: t('import.refused', { name: file.name }),
          problems,
        });
      }
      case 'failed':
        current.terminate();
        return setState({
          kind: 'refused',
          title: t('import.failed', {
            name: file.name,
            detail: outcome.detail || t('import.noDetail'),
          }),
          problems: [],
        });
      default:
        return setState({ kind: 'idle' });
    }
  };

  const cancel = () => {
    reset();
    announce(t('import.cancelled'));
    input.current?.focus();
  };

  const installed = (text: string) => {
    reset();
    reloadLibrary({ source: 'pack' });
    announce(text);
    onInstalled();
  };

  return (
    <section className="packs__import" aria-labelledby="packs-import-heading">
      <h2 id="packs-import-heading">{t('import.heading')}</h2>
      <label htmlFor="packs-file" className="packs__file-label">
        {t('import.label')}
      </label>
      <p className="hint" id="packs-file-hint">
        {t('import.hint')}
      </p>
      <input
        ref={input}
        id="packs-file"
        type="file"
        accept=".onmunipack"
        aria-describedby="packs-file-hint"
        disabled={storing}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) void check(file);
          else reset();
        }}
      />
      {state.kind === 'checking' && (
        <div className="packs__progress">
          <CheckProgress progress={state.progress} />
          <button type="button" className="button button--secondary" onClick={cancel}>
            {t('import.cancel')}
          </button>
        </div>
      )}
      {state.kind === 'refused' && (
        <div className="callout callout--warning packs__refusal" role="alert">
          <p className="callout__title">{state.title}</p>
          {state.problems.length > 0 && (
            <>
              <p>
                {t('import.problems', {
                  count: state.problems.length,
                  shown: formatNumber(state.problems.length),
                })}
              </p>
              <ul className="packs__problems">
                {state.problems.map((problem, index) => (
                  <li key={index}>{problem}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {state.kind === 'preview' && (
        <PackPreviewPanel
          preview={state.preview}
          client={state.client}
          trustedKeys={trustedKeys}
          onStoring={setStoring}
          onInstalled={installed}
          onDiscard={cancel}
        />
      )}
    </section>
  );
}

/** A labelled progress bar: determinate while files are unpacked, then indeterminate. */
function CheckProgress({ progress }: { progress: PackProgress | null }) {
  const { t } = useTranslation('packs');
  const text =
    progress === null
      ? t('import.read')
      : progress.stage === 'unpack'
        ? t('import.unpack', {
            done: formatNumber(progress.done),
            total: formatNumber(progress.total),
          })
        : t(`import.${progress.stage}`);
  return (
    <p className="packs__progress-line">
      <label htmlFor="packs-progress" className="packs__progress-text">
        {text}
      </label>
      {progress?.stage === 'unpack' ? (
        <progress id="packs-progress" max={progress.total || 1} value={progress.done} />
      ) : (
        <progress id="packs-progress" />
      )}
    </p>
  );
}
