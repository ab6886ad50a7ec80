import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Presentation } from './usePresentation';

export interface PresentationControlsProps {
  presentation: Presentation;
  /** The controls only this view has, between Next and the way out. */
  children: ReactNode;
  /** Where the way out leads and what it says ("End presentation", "Back to the workshop"). */
  exit: { href: string; label: string };
}

/**
 * The row of controls both presentation views share, as one group: Previous and Next slide, the
 * view's own controls, then the way out. Both views drive the same presentation, so the slide
 * buttons behave the same in either window.
 */
export function PresentationControls({ presentation, children, exit }: PresentationControlsProps) {
  const { t } = useTranslation('workshops');
  const { deck, state } = presentation;
  return (
    <div className="present__controls" role="group" aria-label={t('present.controls')}>
      <button
        type="button"
        className="button"
        onClick={() => presentation.step(-1)}
        disabled={state.slide === 0}
      >
        {t('present.previous')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => presentation.step(1)}
        disabled={state.slide >= deck.slides.length - 1}
      >
        {t('present.next')}
      </button>
      {children}
      <a className="present__exit" href={exit.href}>
        {exit.label}
      </a>
    </div>
  );
}

/** A button for a setting that is on or off: it reads as pressed while on (aria-pressed). */
export function ToggleButton({
  pressed,
  onChange,
  children,
}: {
  pressed: boolean;
  onChange: (pressed: boolean) => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="button button--secondary"
      aria-pressed={pressed}
      onClick={() => onChange(!pressed)}
    >
      {children}
    </button>
  );
}
