import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../common/i18n/format';
import { RoomQrCode } from './RoomQrCode';
import type { RoomState } from './roomState';

/** What a phone's camera opens: the join address with the code in the fragment (never sent). */
export const joinLink = (joinUrl: string, joinCode: string) => `${joinUrl}#code=${joinCode}`;

/**
 * While the room is open: the join address and code large enough to read from the back of a hall,
 * a QR code of both, how many have joined, and "Close room". The outputs are not live regions:
 * the heading that takes focus says the room is open, and the count would speak at every join. The code is one text (digits only),
 * split in two halves on screen so it is read out and typed more easily.
 */
export function RoomJoinPanel({ state, close }: { state: RoomState; close: () => void }) {
  const { t } = useTranslation('room');
  const id = useId();
  const { joinUrl, joinCode } = state;
  const half = Math.ceil(joinCode.length / 2);
  const closing = state.phase === 'closing';
  // "Open room" is gone once the room is open: focus moves to what replaced it. A room already
  // open when the page came (a reload) replaced nothing, so focus stays where the page puts it.
  const heading = useRef<HTMLHeadingElement>(null);
  const takeFocus = state.openedHere;
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);

  return (
    <div className="room-join">
      <div className="room-join__text">
        <h3 ref={heading} tabIndex={-1} className="room__subheading">
          {t('presenter.isOpen')}
        </h3>
        <p className="room-join__how">{t('presenter.howToJoin')}</p>
        <div className="room-join__item">
          <label htmlFor={`${id}-url`}>{t('presenter.joinAddress')}</label>
          <output id={`${id}-url`} className="room-join__url" aria-live="off">
            {joinUrl}
          </output>
        </div>
        <div className="room-join__item">
          <label htmlFor={`${id}-code`}>{t('presenter.joinCode')}</label>
          <output id={`${id}-code`} className="room-join__code" aria-live="off">
            <span>{joinCode.slice(0, half)}</span>
            <span className="room-join__code-rest">{joinCode.slice(half)}</span>
          </output>
        </div>
        <div className="room-join__item">
          <label htmlFor={`${id}-count`}>{t('presenter.participants')}</label>
          <output id={`${id}-count`} className="room-join__count" aria-live="off">
            {formatNumber(state.participants)}
          </output>
        </div>
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={closing || undefined}
          onClick={() => !closing && close()}
        >
          {t('presenter.close')}
        </button>
        {closing ? (
          <p role="status">{t('presenter.closing')}</p>
        ) : (
          <p className="ws-hint">{t('presenter.leavingCloses')}</p>
        )}
      </div>
      <RoomQrCode text={joinLink(joinUrl, joinCode)} label={t('presenter.qrLabel')} />
    </div>
  );
}
