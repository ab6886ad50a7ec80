import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstalledPack } from '../../core/packs/packStorage';
import { signatureStatus } from '../../core/packs/trustedKeys';
import { formatDate, formatNumber } from '../common/i18n/format';
import { wordError } from '../common/i18n/wordMessage';
import { useHost } from '../common/HostContext';
import { useModalDialog } from '../common/useModalDialog';
import { reloadLibrary } from '../content/contentData';
import type { PackList } from './usePackList';
import { Fact } from '../common/Fact';

export interface InstalledPacksProps {
  list: PackList;
  /** The keys the user trusts now: "verified" follows them. */
  trustedKeys: readonly string[];
  /** The section's heading, where focus goes when the control that had it is gone. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  announce: (text: string) => void;
}

/**
 * The bundled library (which cannot be removed), then each installed pack with what it is and
 * its buttons: "Remove <pack title>" (after a confirmation saying what is kept) and, when an
 * update replaced a version, "Roll back". A pack the library could not read is listed with why,
 * so it can still be rolled back or removed.
 */
export function InstalledPacks({ list, trustedKeys, headingRef, announce }: InstalledPacksProps) {
  const { t } = useTranslation('packs');
  const host = useHost();
  const [error, setError] = useState('');
  const [removing, setRemoving] = useState<Removal | null>(null);
  const focusHeading = () => headingRef.current?.focus();
  const { dialogRef, open, show, close, dismiss } = useModalDialog({
    fallbackFocus: focusHeading,
  });

  const act = async (work: Promise<void>, done: string) => {
    setError('');
    try {
      await work;
    } catch (failure) {
      setError(t('installed.actionFailed', { detail: wordError(failure) }));
      return;
    }
    reloadLibrary({ source: 'pack' });
    announce(done);
  };

  const rollBack = (pack: InstalledPack) => {
    if (!pack.previous) return;
    const { title, version } = pack.previous;
    void act(host.packs.rollback(pack.id), t('installed.rolledBack', { title, version }));
  };

  const remove = () => {
    const pack = removing;
    close();
    if (!pack) return;
    void act(host.packs.remove(pack.id), pack.done).then(focusHeading);
  };

  return (
    <>
      {error && (
        <p className="callout callout--warning" role="alert">
          {error}
        </p>
      )}
      {list.status === 'loading' && <p role="status">{t('installed.loading')}</p>}
      {list.status === 'error' && (
        <p className="callout callout--warning" role="alert">
          {t('installed.listFailed', { reason: list.message })}
        </p>
      )}
      {list.status === 'ready' && (
        <ul className="packs__installed">
          <li className="packs__pack">
            <h3>{t('installed.bundledTitle')}</h3>
            <p>{t('installed.bundledNote')}</p>
            <dl className="facts">
              <Fact term={t('installed.documents')}>{formatNumber(list.bundledCount)}</Fact>
            </dl>
          </li>
          {list.packs.map((pack) => (
            <PackItem
              key={pack.id}
              pack={pack}
              problem={list.unreadable.get(pack.id) ?? null}
              trustedKeys={trustedKeys}
              onRemove={() => {
                setRemoving({
                  id: pack.id,
                  title: pack.current.title,
                  documentCount: pack.current.documentCount,
                  done: t('installed.removed', { title: pack.current.title }),
                });
                show();
              }}
              onRollBack={() => rollBack(pack)}
            />
          ))}
          {list.damaged.map((id) => (
            <li key={`damaged-${id}`} className="packs__pack">
              <h3>{id}</h3>
              <p className="callout callout--warning">{t('installed.damaged')}</p>
              <div className="packs__actions">
                <button
                  type="button"
                  className="button button--secondary"
                  aria-haspopup="dialog"
                  onClick={() => {
                    // A damaged pack is deleted whole, like any other: the user confirms first.
                    setRemoving({
                      id,
                      title: id,
                      documentCount: null,
                      done: t('installed.damagedRemoved', { id }),
                    });
                    show();
                  }}
                >
                  {t('installed.removeDamaged', { id })}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.status === 'ready' && list.packs.length === 0 && list.damaged.length === 0 && (
        <p>{t('installed.none')}</p>
      )}
      <dialog
        ref={dialogRef}
        className="packs__dialog"
        aria-labelledby="packs-remove-title"
        onClose={dismiss}
      >
        {open && removing && (
          <>
            <h2 id="packs-remove-title">{t('removeDialog.title', { title: removing.title })}</h2>
            {removing.documentCount !== null && (
              <p>
                {t('removeDialog.body', {
                  count: removing.documentCount,
                  shown: formatNumber(removing.documentCount),
                })}
              </p>
            )}
            <p>{t('removeDialog.kept')}</p>
            <div className="packs__actions">
              <button type="button" className="button" onClick={remove}>
                {t('removeDialog.confirm')}
              </button>
              <button type="button" className="button button--secondary" onClick={close}>
                {t('removeDialog.cancel')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}

/** The pack the remove dialog asks about; a damaged pack has no document count to give. */
interface Removal {
  id: string;
  title: string;
  documentCount: number | null;
  /** What is announced once it is removed. */
  done: string;
}

interface PackItemProps {
  pack: InstalledPack;
  /** Why the library could not read it, or null. */
  problem: string | null;
  trustedKeys: readonly string[];
  onRemove: () => void;
  onRollBack: () => void;
}

function PackItem({ pack, problem, trustedKeys, onRemove, onRollBack }: PackItemProps) {
  const { t } = useTranslation('packs');
  const { current, previous } = pack;
  const rollBackId = `packs-rollback-${pack.id}`;
  return (
    <li className="packs__pack">
      <h3>{current.title}</h3>
      {current.description && <p>{current.description}</p>}
      {problem !== null && (
        <p className="callout callout--warning">{t('installed.unreadable', { reason: problem })}</p>
      )}
      <dl className="facts">
        <Fact term={t('installed.publisher')}>{current.publisher}</Fact>
        <Fact term={t('installed.signature')}>
          {signatureStatus(current.signedBy, trustedKeys).state === 'verified'
            ? t('installed.verified')
            : t('installed.notVerified')}
        </Fact>
        <Fact term={t('installed.version')}>{current.version}</Fact>
        <Fact term={t('installed.installedOn')}>{formatDate(current.installedAt)}</Fact>
        <Fact term={t('installed.documents')}>{formatNumber(current.documentCount)}</Fact>
      </dl>
      <div className="packs__actions">
        <button
          type="button"
          className="button button--secondary"
          aria-haspopup="dialog"
          onClick={onRemove}
        >
          {t('installed.remove', { title: current.title })}
        </button>
        {previous && (
          <>
            <button
              type="button"
              className="button button--secondary"
              aria-describedby={rollBackId}
              onClick={onRollBack}
            >
              {t('installed.rollBack')}
            </button>
            <span id={rollBackId} className="hint packs__rollback-hint">
              {t('installed.rollBackDescription', {
                version: previous.version,
                title: previous.title,
              })}
            </span>
          </>
        )}
      </div>
    </li>
  );
}
