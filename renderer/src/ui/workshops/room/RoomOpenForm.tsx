import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomInterface } from '../../../core/room/protocol';
import type { RoomPhase } from './roomState';

/** Where the room listens when the trainer chooses nothing: this computer only. */
const LOOPBACK = '127.0.0.1';

export interface RoomOpenFormProps {
  phase: RoomPhase;
  /** This machine's interfaces, loopback first; null while they are being read. */
  interfaces: RoomInterface[] | null;
  open: (address: string) => void;
  /**
   * The room was open a moment ago: the join panel with "Close room" is gone, so focus, if it
   * went with it, moves to "Open room" (never taken from where the trainer has put it).
   */
  returnFocus?: boolean;
}

/**
 * Before the room opens: the network it listens on (this computer only unless the trainer chooses
 * the network the phones are on) and "Open room".
 */
export function RoomOpenForm({ phase, interfaces, open, returnFocus = false }: RoomOpenFormProps) {
  const { t } = useTranslation('room');
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  // This computer only is always offered, whatever the host could list.
  const found = interfaces ?? [];
  const list = found.some((i) => i.loopback)
    ? found
    : [{ address: LOOPBACK, name: 'loopback', loopback: true }, ...found];
  const loopback = list.find((i) => i.loopback)?.address ?? LOOPBACK;
  // The choice stands while its interface is still there (a laptop may leave a Wi-Fi).
  const address = chosen !== null && list.some((i) => i.address === chosen) ? chosen : loopback;
  const opening = phase === 'opening';
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (returnFocus && lost) button.current?.focus();
  }, [returnFocus]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!opening) open(address);
  };

  return (
    <form className="room-open" onSubmit={submit}>
      <div className="ws-field">
        <label htmlFor={`${id}-net`}>{t('presenter.network')}</label>
        <p id={`${id}-hint`} className="ws-hint">
          {t('presenter.networkHint')}
        </p>
        <select
          id={`${id}-net`}
          className="ontario-input"
          aria-describedby={`${id}-hint`}
          value={address}
          onChange={(event) => setChosen(event.target.value)}
        >
          {list.map((i) => (
            <option key={i.address} value={i.address}>
              {i.loopback
                ? t('presenter.thisComputer')
                : t('presenter.interface', { name: i.name, address: i.address })}
            </option>
          ))}
        </select>
      </div>
      <button ref={button} type="submit" className="button" aria-disabled={opening || undefined}>
        {t('presenter.open')}
      </button>
      {opening && (
        <p role="status" className="room-open__status">
          {t('presenter.opening')}
        </p>
      )}
    </form>
  );
}
