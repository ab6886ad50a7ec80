import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomHost } from '../../../core/room/roomHost';
import { routeHref } from '../../../core/routing/hashRoutes';
import { roomQuestionsByBlock } from '../../../core/workshops/roomQuestions';
import type { WorkshopView } from '../../../core/workshops/workshopModel';
import { useHost } from '../../common/HostContext';
import type { Presentation } from '../present/usePresentation';
import { writeRoomResults } from './writeRoomResults';
import { RoomAnnouncer } from './RoomAnnouncer';
import { RoomJoinPanel } from './RoomJoinPanel';
import { RoomOpenForm } from './RoomOpenForm';
import { RoomQuestions } from './RoomQuestions';
import { RoomUnavailable } from './RoomUnavailable';
import { useRoom, type CaptureResults } from './useRoom';
import './room.css';

/** The troubleshooting page for real halls (firewalls, isolated Wi-Fi, hotspots). */
export const ROOM_HELP_DOC = 'about-workshop-room-troubleshooting';

export interface RoomSectionProps {
  workshop: WorkshopView;
  /** The block running now: its questions come first. */
  blockIndex: number;
  presentation: Presentation;
}

/**
 * "Room", under the presenter view: participants answer from their phones over the local network.
 * Opens and closes the room, shows how to join, makes the workshop's questions current and shows
 * their results, which go into the session's capture as they are settled.
 */
export function RoomSection({ workshop, blockIndex, presentation }: RoomSectionProps) {
  const { room } = useHost();
  const { t } = useTranslation('room');
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="room">
      <h2 id={`${id}-h`} className="presenter__label room__heading">
        {t('presenter.heading')}
      </h2>
      {room && room.available === true ? (
        <RoomControls
          room={room}
          workshop={workshop}
          blockIndex={blockIndex}
          presentation={presentation}
        />
      ) : (
        <RoomUnavailable room={room} />
      )}
      <p className="room__help">
        <a href={routeHref('doc', ROOM_HELP_DOC)}>{t('presenter.help')}</a>
      </p>
    </section>
  );
}

function RoomControls({
  room: host,
  workshop,
  blockIndex,
  presentation,
}: RoomSectionProps & { room: RoomHost }) {
  const { t } = useTranslation('room');
  const { record } = presentation;
  const groups = useMemo(() => roomQuestionsByBlock(workshop.blocks), [workshop.blocks]);
  const capture = useCallback<CaptureResults>(
    (question, results, run) => writeRoomResults(record, groups, { question, results, run }),
    [record, groups],
  );
  const questions = useMemo(
    () => groups.flatMap((g) => g.questions.map((q) => q.question)),
    [groups],
  );
  const room = useRoom(host, capture, questions);
  const { state } = room;
  const stop = state.stop;
  // Closed from here, or stopped on its own: either way the join panel and its focus are gone.
  const [closedHere, setClosedHere] = useState(false);
  const close = () => {
    setClosedHere(true);
    room.close();
  };

  return (
    <>
      {stop && (
        <p role="alert" className="room__problem">
          {stop.reason === 'quit'
            ? t('presenter.stopped.quit')
            : stop.message
              ? t('presenter.stopped.failed', { message: stop.message })
              : t('presenter.stopped.failedNoMessage')}
        </p>
      )}
      {room.problem && (
        <p role="alert" className="room__problem">
          {t('presenter.refused', { message: room.problem })}
        </p>
      )}
      {room.capture && (
        <p role="alert" className="room__problem">
          {room.capture.written
            ? room.capture.message
            : t('presenter.captureFailed', { message: room.capture.message })}
        </p>
      )}
      {state.phase === 'open' || state.phase === 'closing' ? (
        <RoomJoinPanel state={state} close={close} />
      ) : (
        <RoomOpenForm
          phase={state.phase}
          interfaces={room.interfaces}
          open={room.open}
          returnFocus={closedHere || stop !== null}
        />
      )}
      <RoomQuestions groups={groups} blockIndex={blockIndex} room={room} />
      <RoomAnnouncer state={state} />
    </>
  );
}
