import { useEffect, useId } from 'react';
import {
  PACING_LABELS,
  blockPacing,
  formatClockDuration,
  sessionDrift,
} from '../../../core/workshops/pacing';
import { formatClockTime12h, formatDuration } from '../../../core/workshops/timing';
import { t } from '../../common/i18n/i18n';
import { Markdown } from '../Markdown';
import { NoteCapture } from './NoteCapture';
import { PresentationControls, ToggleButton } from './PresentationControls';
import { SessionExports } from '../detail/SessionExports';
import { SlideView } from './SlideView';
import { useNow } from './useNow';
import { usePresentation } from './usePresentation';
import { useSlideKeys } from './useSlideKeys';
import { VoteCapture } from './VoteCapture';
import type { PresentViewProps } from './AudienceView';
import { workshopHref } from '../workshopRoutes';
import './present.css';

/** How far ahead or behind schedule, in words. */
function driftText(seconds: number): string {
  const minutes = Math.round(Math.abs(seconds) / 60);
  if (minutes === 0) return 'On schedule';
  return `${formatDuration(minutes)} ${seconds > 0 ? 'ahead of' : 'behind'} schedule`;
}

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
  const id = useId();
  const presentation = usePresentation(workshop, documents, session, snapshot.db, sessionId);
  const { deck, state } = presentation;
  const now = useNow(1000);
  useSlideKeys(presentation, {
    toggleCapture: () => presentation.setShowCapture(!state.showCapture),
  });
  useEffect(() => {
    document.title = t('app:pageTitle', {
      page: t('workshops:present.presenterTitle', { workshop: workshop.title }),
      app: t('app:title'),
    });
  }, [workshop.title]);

  const count = deck.slides.length;
  const slide = deck.slides[state.slide];
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
      <h1 className="presenter__title">Presenter view: {workshop.title}</h1>
      <dl className="presenter__timers">
        <div>
          <dt>Clock</dt>
          <dd>{formatClockTime12h(clock.getHours() * 60 + clock.getMinutes())}</dd>
        </div>
        <div>
          <dt>Session</dt>
          <dd>{formatClockDuration(sessionElapsed)}</dd>
        </div>
        <div>
          <dt>This block</dt>
          <dd>
            {formatClockDuration(blockElapsed)} of {formatDuration(block?.minutes ?? 0)}
          </dd>
        </div>
        <div className={`pacing pacing--${pacing.status}`}>
          <dt>Pacing</dt>
          <dd>
            {PACING_LABELS[pacing.status]}
            <span className="pacing__left">
              {' '}
              ({formatClockDuration(pacing.remainingSeconds)} left)
            </span>
          </dd>
        </div>
        <div>
          <dt>Schedule</dt>
          <dd>{driftText(drift)}</dd>
        </div>
      </dl>
      <PresentationControls
        presentation={presentation}
        exit={{ href: workshopHref(workshop.id), label: 'Back to the workshop' }}
      >
        <button
          type="button"
          className="button button--secondary"
          onClick={() => presentation.stepBlock(-1)}
        >
          Previous block
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => presentation.stepBlock(1)}
        >
          Next block
        </button>
        <ToggleButton pressed={state.showCapture} onChange={presentation.setShowCapture}>
          Show notes and votes on the audience screen
        </ToggleButton>
      </PresentationControls>
      <div className="presenter__grid">
        <section aria-labelledby={`${id}-current`} className="presenter__current">
          <h2 id={`${id}-current`} className="presenter__label">
            Current slide: {count > 0 ? `${state.slide + 1} of ${count}` : 'none'}
            {block ? ` · Block ${blockIndex + 1}: ${block.title}` : ''}
          </h2>
          <div className="slide slide--preview">
            {slide && <SlideView slide={slide} workshopId={workshop.id} level={3} />}
          </div>
        </section>
        <section aria-labelledby={`${id}-next`} className="presenter__next">
          <h2 id={`${id}-next`} className="presenter__label">
            Next slide
          </h2>
          <div className="slide slide--preview slide--small">
            {next ? (
              <SlideView slide={next} workshopId={workshop.id} level={3} />
            ) : (
              <p>End of the presentation.</p>
            )}
          </div>
        </section>
        <section aria-labelledby={`${id}-notes`} className="presenter__notes">
          <h2 id={`${id}-notes`} className="presenter__label">
            Facilitator notes
          </h2>
          {slide?.notes ? (
            <Markdown markdown={slide.notes} docId={workshop.id} className="ws-md" />
          ) : (
            <p>No notes for this block.</p>
          )}
        </section>
        <section aria-labelledby={`${id}-capture`} className="presenter__capture">
          <h2 id={`${id}-capture`} className="presenter__label">
            Capture
          </h2>
          <NoteCapture presentation={presentation} blockIndex={blockIndex} />
          <VoteCapture presentation={presentation} />
          {presentation.recorded && (
            <>
              <h3 className="capture-results">Results</h3>
              <SessionExports session={presentation.recorded} blocks={workshop.blocks} />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
