import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { blockPacing, formatClockDuration, sessionDrift } from '../../../core/workshops/pacing';
import { formatNumber } from '../../common/i18n/format';
import { Markdown } from '../Markdown';
import { documentOfSlide, FullDocumentToggle, FullDocumentView } from './FullDocumentView';
import { NoteCapture } from './NoteCapture';
import { PresentationControls, ToggleButton } from './PresentationControls';
import { RoomSection } from '../room/RoomSection';
import { SessionExports } from '../detail/SessionExports';
import { SlideView } from './SlideView';
import { useNow } from './useNow';
import { usePresentation } from './usePresentation';
import { useSlideKeys } from './useSlideKeys';
import { VoteCapture } from './VoteCapture';
import type { PresentViewProps } from './AudienceView';
import { driftText, formatClock, formatDuration, pacingText } from '../timeWords';
import { workshopHref } from '../workshopRoutes';
import './present.css';

/**
 * `#/workshops/<id>/presenter`: the trainer's screen. The current and next slide, the block's
 * facilitator notes, a clock, elapsed times and pacing, and the capture panel. It follows the
 * audience view, and moving here moves the audience view.
 */
export function PresenterView({
  workshop,
  documents,
  session,
  snapshot,
  sessionId,
}: PresentViewProps & { sessionId: string | null }) {
  const { t } = useTranslation(['workshops', 'app']);
  const id = useId();
  const presentation = usePresentation(workshop, documents, session, snapshot.db, sessionId);
  const { deck, state } = presentation;
  const now = useNow(1000);
  const slide = deck.slides[state.slide];
  const source = documentOfSlide(slide, documents);
  useSlideKeys(presentation, {
    toggleCapture: () => presentation.setShowCapture(!state.showCapture),
    toggleDocument: source ? () => presentation.setShowDocument(!state.showDocument) : undefined,
  });
  useEffect(() => {
    document.title = t('app:pageTitle', {
      page: t('present.presenterTitle', { workshop: workshop.title }),
      app: t('app:title'),
    });
  }, [t, workshop.title]);

  const count = deck.slides.length;
  const next = deck.slides[state.slide + 1];
  const blockIndex = slide?.blockIndex ?? 0;
  const block = workshop.blocks[blockIndex];
  const inBlock = deck.slides.filter((s) => s.blockIndex === blockIndex);
  const position = slide ? inBlock.indexOf(slide) : 0;
  const blockElapsed = Math.max(0, (now - state.blockStartedAt) / 1000);
  const sessionElapsed = Math.max(0, (now - state.startedAt) / 1000);
  const pacing = blockPacing(blockElapsed, block?.minutes ?? 0, {
    progress: inBlock.length > 0 ? position / inBlock.length : 0,
  });
  const drift = sessionDrift(workshop.blocks, blockIndex, sessionElapsed);
  const clock = new Date(now);

  return (
    <div className="presenter">
      <h1 className="presenter__title">
        {t('present.presenterTitle', { workshop: workshop.title })}
      </h1>
      <dl className="presenter__timers">
        <div>
          <dt>{t('presenter.clock')}</dt>
          <dd>{formatClock(clock.getHours() * 60 + clock.getMinutes())}</dd>
        </div>
        <div>
          <dt>{t('presenter.session')}</dt>
          <dd>{formatClockDuration(sessionElapsed)}</dd>
        </div>
        <div>
          <dt>{t('presenter.thisBlock')}</dt>
          <dd>
            {t('presenter.blockTime', {
              elapsed: formatClockDuration(blockElapsed),
              planned: formatDuration(block?.minutes ?? 0),
            })}
          </dd>
        </div>
        <div className={`pacing pacing--${pacing.status}`}>
          <dt>{t('presenter.pacing')}</dt>
          <dd>
            {pacingText(pacing.status)}
            <span className="pacing__left">
              {' '}
              {t('presenter.left', { left: formatClockDuration(pacing.remainingSeconds) })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('presenter.schedule')}</dt>
          <dd>{driftText(drift)}</dd>
        </div>
      </dl>
      <PresentationControls
        presentation={presentation}
        exit={{ href: workshopHref(workshop.id), label: t('presenter.back') }}
      >
        <button
          type="button"
          className="button button--secondary"
          onClick={() => presentation.stepBlock(-1)}
        >
          {t('presenter.previousBlock')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => presentation.stepBlock(1)}
        >
          {t('presenter.nextBlock')}
        </button>
        <ToggleButton pressed={state.showCapture} onChange={presentation.setShowCapture}>
          {t('presenter.showCapture')}
        </ToggleButton>
        {source && <FullDocumentToggle presentation={presentation} />}
      </PresentationControls>
      <div className="presenter__grid">
        <section aria-labelledby={`${id}-current`} className="presenter__current">
          <h2 id={`${id}-current`} className="presenter__label">
            {slide && block
              ? t('presenter.currentSlide', {
                  number: formatNumber(state.slide + 1),
                  total: formatNumber(count),
                  block: formatNumber(blockIndex + 1),
                  title: block.title,
                })
              : t('presenter.currentSlideNone')}
          </h2>
          <div className="slide slide--preview">
            {source && state.showDocument ? (
              <FullDocumentView source={source} level={3} boxed />
            ) : (
              slide && <SlideView slide={slide} workshopId={workshop.id} level={3} />
            )}
          </div>
        </section>
        <section aria-labelledby={`${id}-next`} className="presenter__next">
          <h2 id={`${id}-next`} className="presenter__label">
            {t('presenter.nextSlide')}
          </h2>
          <div className="slide slide--preview slide--small">
            {next ? (
              <SlideView slide={next} workshopId={workshop.id} level={3} />
            ) : (
              <p>{t('presenter.end')}</p>
            )}
          </div>
        </section>
        <section aria-labelledby={`${id}-notes`} className="presenter__notes">
          <h2 id={`${id}-notes`} className="presenter__label">
            {t('presenter.notes')}
          </h2>
          {slide?.notes ? (
            <Markdown markdown={slide.notes} docId={workshop.id} className="ws-md" />
          ) : (
            <p>{t('presenter.noNotes')}</p>
          )}
        </section>
        <section aria-labelledby={`${id}-capture`} className="presenter__capture">
          <h2 id={`${id}-capture`} className="presenter__label">
            {t('presenter.capture')}
          </h2>
          <NoteCapture presentation={presentation} blockIndex={blockIndex} />
          <VoteCapture presentation={presentation} />
          {presentation.recorded && (
            <>
              <h3 className="capture-results">{t('presenter.results')}</h3>
              <SessionExports session={presentation.recorded} blocks={workshop.blocks} />
            </>
          )}
        </section>
      </div>
      <RoomSection workshop={workshop} blockIndex={blockIndex} presentation={presentation} />
    </div>
  );
}
