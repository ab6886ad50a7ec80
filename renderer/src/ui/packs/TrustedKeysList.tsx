import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstalledPack } from '../../core/packs/packStorage';
import { isTrusted } from '../../core/packs/trustedKeys';
import { formatList } from '../common/i18n/format';
import { wordError } from '../common/i18n/wordMessage';
import type { TrustedKeysSession } from './useTrustedKeys';

export interface TrustedKeysListProps {
  trustedKeys: TrustedKeysSession;
  /** The installed packs, to name the ones each key signed (empty while they load). */
  packs: readonly InstalledPack[];
  announce: (text: string) => void;
}

/**
 * The publisher keys the user trusts, each with the installed packs it signed and a button
 * "Stop trusting this key": trust is the user's to take back, and every "verified" on the page
 * follows at once (it is worked out from this list, never stored with a pack).
 */
export function TrustedKeysList({ trustedKeys, packs, announce }: TrustedKeysListProps) {
  const { t } = useTranslation('packs');
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState('');

  const untrust = async (key: string) => {
    setError('');
    try {
      await trustedKeys.untrust(key);
    } catch (failure) {
      setError(t('trusted.untrustFailed', { detail: wordError(failure) }));
      return;
    }
    // The button is gone with its key: focus goes to the section's heading.
    heading.current?.focus();
    announce(t('trusted.untrusted'));
  };

  return (
    <section className="packs__trusted" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {t('trusted.heading')}
      </h2>
      {error && (
        <p className="callout callout--warning" role="alert">
          {error}
        </p>
      )}
      {trustedKeys.keys.length === 0 ? (
        <p>{t('trusted.none')}</p>
      ) : (
        <ul className="packs__keys">
          {trustedKeys.keys.map((key, index) => {
            const signed = packs.filter(
              (pack) => pack.current.signedBy !== null && isTrusted(pack.current.signedBy, [key]),
            );
            const keyId = `${id}-key-${index}`;
            return (
              <li key={key}>
                <p id={keyId}>
                  <code className="packs__key-hex">{key}</code>
                  {signed.length > 0 && (
                    <>
                      {' '}
                      {t('trusted.signed', {
                        titles: formatList(signed.map((pack) => pack.current.title)),
                      })}
                    </>
                  )}
                </p>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-describedby={keyId}
                  onClick={() => void untrust(key)}
                >
                  {t('trusted.untrust')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
