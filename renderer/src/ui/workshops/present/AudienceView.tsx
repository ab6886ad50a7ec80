import { useEffect, useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useHost } from '../../common/HostContext';
import { formatNumber } from '../../common/i18n/format';
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
  const { t } = useTranslation(['workshops', 'app']);
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
      page: t('present.audienceTitle', { workshop: workshop.title }),
      app: t('app:title'),
    });
  }, [t, workshop.title]);

  const count = deck.slides.length;
  const slide = deck.slides[state.slide];
  const block = slide ? workshop.blocks[slide.blockIndex] : undefined;
  const number = formatNumber(state.slide + 1);
  const label = t('present.slideLabel', { number, total: formatNumber(count) });
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
          {t('present.missing', {
            count: deck.missing.length,
            shown: formatNumber(deck.missing.length),
          })}
        </p>
      )}
      <div className="present__stage">
        {slide ? (
          <section role="region" aria-label={label} className="slide" key={slide.id}>
            <SlideView slide={slide} workshopId={workshop.id} />
          </section>
        ) : (
          <p>{t('present.noSlides')}</p>
        )}
        {state.showCapture && (
          <CaptureBoard recorded={presentation.recorded} headingId={`${id}-capture`} />
        )}
      </div>
      <p className="ontario-show-for-sr" aria-live="polite">
        {slide ? t('present.slideAnnounced', { label, title: slide.title }) : ''}
      </p>
      <PresentationControls
        presentation={presentation}
        exit={{ href: workshopHref(workshop.id), label: t('present.end') }}
      >
        <span className="present__count" aria-hidden="true">
          {count > 0 ? t('present.counter', { number, total: formatNumber(count) }) : ''}
        </span>
        <button type="button" className="button button--secondary" onClick={fullScreen.toggle}>
          {fullScreen.active ? t('present.exitFullScreen') : t('present.fullScreen')}
        </button>
        <button type="button" className="button button--secondary" onClick={openPresenter}>
          {t('present.presenterView')}
        </button>
        <ToggleButton pressed={state.showCapture} onChange={presentation.setShowCapture}>
          {t('present.showCapture')}
        </ToggleButton>
        <ToggleButton pressed={state.compact} onChange={presentation.setCompact}>
          {t('present.compact')}
        </ToggleButton>
      </PresentationControls>
      <p className="present__keys">{t('present.keys')}</p>
      {fullScreen.error && (
        <p role="alert" className="present__note">
          {fullScreen.error}
        </p>
      )}
      {blocked && (
        <div role="alert" className="present__note">
          <p>
            <Trans
              t={t}
              i18nKey="present.blocked"
              values={{ address: new URL(href, window.location.href).href }}
              components={{ code: <code /> }}
            />
          </p>
          <p>
            <Trans t={t} i18nKey="present.blockedHere" components={{ a: <a href={href} /> }} />
          </p>
        </div>
      )}
    </div>
  );
}
