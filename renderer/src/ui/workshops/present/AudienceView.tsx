import { useCallback, useEffect, useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useHost } from '../../common/HostContext';
import { formatNumber } from '../../common/i18n/format';
import { CaptureBoard } from './CaptureBoard';
import { documentOfSlide, FullDocumentToggle, FullDocumentView } from './FullDocumentView';
import { openPresenterView } from './openPresenterWindow';
import { PresentationControls, ToggleButton } from './PresentationControls';
import { SlideView } from './SlideView';
import { useFullScreen } from './useFullScreen';
import { usePresentation } from './usePresentation';
import { useRevealOnPointer } from './useRevealOnPointer';
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
 * `#/workshops/<id>/present`: present mode, the audience view. The screen holds the slide alone
 * (the app shell shows no header or navigation on this route, and "Present" asks for full
 * screen), as a region named "Slide N of M" in type sized to the screen; the controls stay out
 * of sight until the pointer moves or a key focuses them. Keyboard and clicker navigation; Escape
 * leaves. On demand the whole document a slide comes from (Escape there goes back to the slide),
 * and the captured notes and votes.
 */
export function AudienceView({ workshop, documents, session, snapshot }: PresentViewProps) {
  const { t } = useTranslation(['workshops', 'app']);
  const id = useId();
  const presentation = usePresentation(workshop, documents, session, snapshot.db, null);
  const { deck, state } = presentation;
  const leave = useCallback(() => window.location.assign(workshopHref(workshop.id)), [workshop.id]);
  const count = deck.slides.length;
  const slide = deck.slides[state.slide];
  const source = documentOfSlide(slide, documents);
  const shownDocument = state.showDocument ? source : null;
  // Escape over a whole document goes back to its slide first; over a slide it leaves.
  const closeDocument = shownDocument ? () => presentation.setShowDocument(false) : undefined;
  // Leaving the view ends full screen (useFullScreen), so Escape ends both wherever it arrives;
  // where the browser takes Escape to end full screen itself, a shown document still closes first.
  const fullScreen = useFullScreen(closeDocument ?? leave);
  const { revealed, reveal } = useRevealOnPointer();
  const [blocked, setBlocked] = useState(false);
  const host = useHost();

  useSlideKeys(presentation, {
    toggleFullScreen: fullScreen.toggle,
    leave,
    toggleCapture: () => presentation.setShowCapture(!state.showCapture),
    toggleDocument: source ? () => presentation.setShowDocument(!state.showDocument) : undefined,
    closeDocument,
    scrolling: shownDocument !== null,
  });
  // A document opened from the other window starts at its top; back on the slide, so does the page.
  const shownId = shownDocument?.id;
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [shownId, state.slide]);

  useEffect(() => {
    document.title = t('app:pageTitle', {
      page: t('present.audienceTitle', { workshop: workshop.title }),
      app: t('app:title'),
    });
  }, [t, workshop.title]);

  const number = formatNumber(state.slide + 1);
  const label = t('present.slideLabel', { number, total: formatNumber(count) });
  const href = presenterHref(workshop.id, state.sessionId);

  // The presenter view opens on the trainer's screen and this window moves to the projector: a
  // full-screen window cannot be moved, and browsers end full screen for a new window anyway.
  const openPresenter = () => {
    fullScreen.exit();
    void openPresenterView(host, href, workshop.id, state.sessionId ?? undefined).then((result) =>
      setBlocked(result === 'blocked'),
    );
  };

  return (
    <div
      className={[
        'present',
        state.showCapture && 'present--capture',
        shownDocument && 'present--document',
        !revealed && 'present--idle',
      ]
        .filter(Boolean)
        .join(' ')}
      onPointerMove={reveal}
    >
      {/* The page's heading for assistive technology; the screen shows the slide's own title. */}
      <h1 className="ontario-show-for-sr">{workshop.title}</h1>
      <p className="ontario-show-for-sr" aria-live="polite">
        {shownDocument
          ? t('present.fullDocument.label', { title: shownDocument.title })
          : slide
            ? t('present.slideAnnounced', { label, title: slide.title })
            : ''}
      </p>
      <div className="present__stage">
        {shownDocument ? (
          <FullDocumentView source={shownDocument} key={shownDocument.id} />
        ) : slide ? (
          <section
            role="region"
            aria-label={label}
            className={`slide slide--${slide.kind}`}
            key={slide.id}
          >
            <SlideView slide={slide} workshopId={workshop.id} />
          </section>
        ) : (
          <p className="slide">{t('present.noSlides')}</p>
        )}
        {state.showCapture && (
          <CaptureBoard recorded={presentation.recorded} headingId={`${id}-capture`} />
        )}
      </div>
      {(fullScreen.error || blocked) && (
        <div className="present__alerts">
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
      )}
      <div className={`present__chrome${revealed ? ' present__chrome--shown' : ''}`}>
        {deck.missing.length > 0 && (
          <p className="present__note">
            {t('present.missing', {
              count: deck.missing.length,
              shown: formatNumber(deck.missing.length),
            })}
          </p>
        )}
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
          {source && <FullDocumentToggle presentation={presentation} />}
          <button type="button" className="button button--secondary" onClick={openPresenter}>
            {t('present.presenterView')}
          </button>
          <ToggleButton pressed={state.showCapture} onChange={presentation.setShowCapture}>
            {t('present.showCapture')}
          </ToggleButton>
        </PresentationControls>
        <p className="present__keys">{t('present.keys')}</p>
      </div>
    </div>
  );
}
