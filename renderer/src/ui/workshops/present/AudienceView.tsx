import { useEffect, useId, useRef, useState } from 'react';
import { useHost } from '../../common/HostContext';
import { t } from '../../common/i18n/i18n';
import { CaptureBoard } from './CaptureBoard';
import { openPresenterView } from './openPresenterWindow';
import { PresentationControls, ToggleButton } from './PresentationControls';
import { SlideView } from './SlideView';
import { useFullScreen } from './useFullScreen';
import { usePresentation } from './usePresentation';
import { useSlideKeys } from './useSlideKeys';
import type { DocumentsById, WorkshopView } from '../../../core/workshops/workshopModel';
import { presenterHref, workshopHref } from '../workshopRoutes';
import type { WorkshopsSession, WorkshopsSnapshot } from '../workshopsSession';
import './present.css';

export interface PresentViewProps {
  workshop: WorkshopView;
  documents: DocumentsById;
  session: WorkshopsSession;
  snapshot: WorkshopsSnapshot;
}

/**
 * `#/workshops/<id>/present`: the audience view. Large type, the current slide as a region named
 * "Slide N of M", keyboard and clicker navigation, full screen, and the captured notes and votes
 * when the trainer shows them.
 */
export function AudienceView({ workshop, documents, session, snapshot }: PresentViewProps) {
  const id = useId();
  const container = useRef<HTMLDivElement>(null);
  const presentation = usePresentation(workshop, documents, session, snapshot.db, null);
  const { deck, state } = presentation;
  const fullScreen = useFullScreen(container);
  const [blocked, setBlocked] = useState(false);
  const host = useHost();
  useSlideKeys(presentation, {
    toggleFullScreen: fullScreen.toggle,
    exitFullScreen: fullScreen.exit,
    toggleCapture: () => presentation.setShowCapture(!state.showCapture),
  });

  useEffect(() => {
    document.title = t('app:pageTitle', {
      page: t('workshops:present.audienceTitle', { workshop: workshop.title }),
      app: t('app:title'),
    });
  }, [workshop.title]);

  const count = deck.slides.length;
  const slide = deck.slides[state.slide];
  const block = slide ? workshop.blocks[slide.blockIndex] : undefined;
  const label = `Slide ${state.slide + 1} of ${count}`;
  const href = presenterHref(workshop.id, state.sessionId);

  const openPresenter = () =>
    void openPresenterView(host, href, workshop.id, state.sessionId ?? undefined).then((result) =>
      setBlocked(result === 'blocked'),
    );

  return (
    <div
      ref={container}
      className={`present${state.compact ? ' present--compact' : ''}${state.showCapture ? ' present--capture' : ''}`}
    >
      <div className="present__top">
        <h1 className="present__title">{workshop.title}</h1>
        <p className="present__block">{block?.title}</p>
      </div>
      {deck.missing.length > 0 && (
        <p className="present__note">
          {deck.missing.length} linked {deck.missing.length === 1 ? 'document is' : 'documents are'}{' '}
          not in this library and {deck.missing.length === 1 ? 'was' : 'were'} left out.
        </p>
      )}
      <div className="present__stage">
        {slide ? (
          <section role="region" aria-label={label} className="slide" key={slide.id}>
            <SlideView slide={slide} workshopId={workshop.id} />
          </section>
        ) : (
          <p>This workshop has no slides yet: add blocks to it.</p>
        )}
        {state.showCapture && (
          <CaptureBoard recorded={presentation.recorded} headingId={`${id}-capture`} />
        )}
      </div>
      <p className="ontario-show-for-sr" aria-live="polite">
        {slide ? `${label}: ${slide.title}` : ''}
      </p>
      <PresentationControls
        presentation={presentation}
        exit={{ href: workshopHref(workshop.id), label: 'End presentation' }}
      >
        <span className="present__count" aria-hidden="true">
          {count > 0 ? `${state.slide + 1} / ${count}` : ''}
        </span>
        <button type="button" className="button button--secondary" onClick={fullScreen.toggle}>
          {fullScreen.active ? 'Exit full screen' : 'Full screen'}
        </button>
        <button type="button" className="button button--secondary" onClick={openPresenter}>
          Presenter view
        </button>
        <ToggleButton pressed={state.showCapture} onChange={presentation.setShowCapture}>
          Show notes and votes
        </ToggleButton>
        <ToggleButton pressed={state.compact} onChange={presentation.setCompact}>
          Compact slides
        </ToggleButton>
      </PresentationControls>
      <p className="present__keys">
        Keys: → or Space next, ← previous, N next block, P previous block, Home/End, F full screen,
        C notes and votes.
      </p>
      {fullScreen.error && (
        <p role="alert" className="present__note">
          {fullScreen.error}
        </p>
      )}
      {blocked && (
        <div role="alert" className="present__note">
          <p>
            The presenter view could not open in a new window here. Open it in another window or tab
            by copying this address: <code>{new URL(href, window.location.href).href}</code>
          </p>
          <p>
            Or <a href={href}>open the presenter view in this window</a> (the audience view will
            follow if it is open elsewhere).
          </p>
        </div>
      )}
    </div>
  );
}
