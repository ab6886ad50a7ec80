import { useEffect, useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatIssue } from '../../core/content/issues';
import type { PreviewDocument } from '../../core/packs/packPreview';
import { signatureStatus } from '../../core/packs/trustedKeys';
import { Fact } from '../common/Fact';
import { formatDate, formatNumber } from '../common/i18n/format';
import { wordError } from '../common/i18n/wordMessage';
import { useHost } from '../common/HostContext';
import type { TrustedKeysSession } from './useTrustedKeys';
import type { PackImportClient } from './worker/packClient';
import type { PackPreview } from './worker/packProtocol';

/** How many documents each list of the preview names; the rest are counted. */
const LISTED = 25;

export interface PackPreviewPanelProps {
  preview: PackPreview;
  /** The worker holding the checked pack. */
  client: PackImportClient;
  trustedKeys: TrustedKeysSession;
  /**
   * Told when the install itself starts (true: the files have left the worker and are being
   * stored, so it can no longer be cancelled) and when it failed (false).
   */
  onStoring: (storing: boolean) => void;
  /** Called with what to announce once the pack is installed. */
  onInstalled: (text: string) => void;
  onDiscard: () => void;
}

/**
 * What a checked pack holds and would change, and the button "Install". The publisher is
 * "verified" only when a key the user trusts signed the pack; a pack signed with another key
 * shows that key and offers to trust it. A version that is not newer than the installed one is
 * installed only after the user ticks that they want to replace it.
 */
export function PackPreviewPanel(props: PackPreviewPanelProps) {
  const { preview, client, trustedKeys } = props;
  const { t } = useTranslation('packs');
  const host = useHost();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const signature = signatureStatus(preview.signedBy, trustedKeys.keys);
  const [confirmed, setConfirmed] = useState(false);
  /**
   * Where Install stands: `preparing` while the worker hands over the files (Cancel still stops
   * it, and nothing is stored), `storing` once they are being stored (no longer cancellable).
   */
  const [busy, setBusy] = useState<'idle' | 'preparing' | 'storing'>('idle');
  const [error, setError] = useState('');
  const { installedVersion, kind, changes } = preview;
  const needsConfirm = kind === 'same' || kind === 'older';
  const versions = { installed: installedVersion ?? '', version: preview.version };

  useEffect(() => heading.current?.focus(), []);

  const trust = async () => {
    if (signature.state !== 'notVerified') return;
    try {
      await trustedKeys.trust(signature.publicKey);
    } catch (failure) {
      setError(t('preview.trustFailed', { detail: wordError(failure) }));
    }
  };

  const install = async () => {
    if (needsConfirm && !confirmed) return setError(t('preview.confirmNeeded', versions));
    setError('');
    setBusy('preparing');
    let detail: string;
    try {
      const outcome = await client.request({
        type: 'prepare-install',
        installedAt: new Date().toISOString(),
      });
      if (outcome.type === 'cancelled') return;
      if (outcome.type === 'to-store') {
        // From here the pack is stored whatever happens on the page: Cancel is no longer offered.
        setBusy('storing');
        props.onStoring(true);
        await host.packs.install(outcome.pack);
        props.onInstalled(
          t('preview.installed', { title: preview.title, version: preview.version }),
        );
        return;
      }
      detail =
        outcome.type === 'failed'
          ? outcome.detail || t('import.noDetail')
          : outcome.type === 'nothing-held'
            ? t('preview.nothingHeld')
            : t('import.noDetail');
    } catch (failure) {
      detail = wordError(failure);
    }
    setBusy('idle');
    props.onStoring(false);
    setError(t('preview.installFailed', { title: preview.title, detail }));
  };

  const publisher =
    signature.state === 'verified'
      ? t('preview.verified', { publisher: preview.publisher })
      : t('preview.notVerified', { publisher: preview.publisher });

  return (
    <div className="packs__preview" aria-labelledby={`${id}-h`} role="region">
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {t('preview.heading', { title: preview.title, version: preview.version })}
      </h3>
      {preview.description && <p>{preview.description}</p>}
      <dl className="facts">
        <Fact term={t('preview.publisher')}>{publisher}</Fact>
        <Fact term={t('preview.created')}>{formatDate(`${preview.created}T12:00:00`)}</Fact>
        <Fact term={t('preview.status')}>
          {t(`preview.kind.${kind}`, { installed: installedVersion ?? '' })}
        </Fact>
      </dl>
      {signature.state === 'notVerified' && (
        <div className="callout packs__key">
          <p>
            <Trans
              t={t}
              i18nKey="preview.untrustedKey"
              values={{ key: signature.publicKey }}
              components={{ code: <code className="packs__key-hex" /> }}
            />
          </p>
          <button type="button" className="button button--secondary" onClick={() => void trust()}>
            {t('preview.trustKey')}
          </button>
        </div>
      )}
      <h4>{t('preview.documents')}</h4>
      <DocumentList
        label={t('preview.added', { shown: formatNumber(changes.added.length) })}
        documents={changes.added}
      />
      <DocumentList
        label={t('preview.updated', { shown: formatNumber(changes.updated.length) })}
        documents={changes.updated}
      />
      <DocumentList
        label={t('preview.removed', { shown: formatNumber(changes.removed.length) })}
        documents={changes.removed}
      />
      {changes.unchanged > 0 && (
        <p>
          {t('preview.unchanged', {
            count: changes.unchanged,
            shown: formatNumber(changes.unchanged),
          })}
        </p>
      )}
      {preview.warnings.length > 0 && (
        <details className="packs__warnings">
          <summary>{t('preview.warnings')}</summary>
          <ul>
            {preview.warnings.map((warning, index) => (
              <li key={index}>{formatIssue(warning)}</li>
            ))}
          </ul>
        </details>
      )}
      {needsConfirm && (
        <p className="packs__confirm">
          <input
            id={`${id}-confirm`}
            type="checkbox"
            checked={confirmed}
            onChange={(event) => setConfirmed(event.currentTarget.checked)}
          />
          <label htmlFor={`${id}-confirm`}>{t('preview.confirmOlder', versions)}</label>
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="packs__actions">
        <button
          type="button"
          className="button"
          // aria-disabled, not disabled: a disabled button loses keyboard focus to the page.
          onClick={() => busy === 'idle' && void install()}
          aria-disabled={busy !== 'idle'}
        >
          {t('preview.install')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={props.onDiscard}
          disabled={busy === 'storing'}
        >
          {t('preview.discard')}
        </button>
        {busy !== 'idle' && <span role="status">{t('preview.installing')}</span>}
      </div>
    </div>
  );
}

/** One list of the preview (new, updated, removed), when it has documents. */
function DocumentList({ label, documents }: { label: string; documents: PreviewDocument[] }) {
  const { t } = useTranslation('packs');
  const id = useId();
  if (documents.length === 0) return null;
  const more = documents.length - LISTED;
  return (
    <>
      <p id={id} className="packs__list-label">
        {label}
      </p>
      <ul aria-labelledby={id} className="packs__documents">
        {documents.slice(0, LISTED).map((doc) => (
          <li key={doc.id}>{doc.title}</li>
        ))}
        {more > 0 && <li>{t('preview.more', { shown: formatNumber(more) })}</li>}
      </ul>
    </>
  );
}
