import { Trans, useTranslation } from 'react-i18next';
import type { RoomHost } from '../../../core/room/roomHost';

/**
 * Why this window cannot run a room, in plain words: the browser edition runs one only when the
 * serve script was started for it and the presenter came in through the address it printed.
 */
export function RoomUnavailable({ room }: { room: RoomHost | undefined }) {
  const { t } = useTranslation('room');
  const reason = room && room.available !== true ? room.available.unavailableReason : null;
  return (
    <p className="room-unavailable">
      {reason === 'notServed' ? (
        <Trans t={t} i18nKey="presenter.notServed" components={{ code: <code /> }} />
      ) : (
        t('presenter.noRoomHere')
      )}
    </p>
  );
}
