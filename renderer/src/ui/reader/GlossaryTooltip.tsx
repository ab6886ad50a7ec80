import { useLayoutEffect, useRef } from 'react';
import { ContentText } from '../content/ContentText';
import type { ShownTooltip } from './useGlossaryTooltip';

/** The tooltip's id, for tests and for anything that wants to refer to it. */
export const GLOSSARY_TOOLTIP_ID = 'reader-glossary-tooltip';

/** Space kept between the tooltip and the term, and from the container's edges. */
const GAP_PX = 8;

export interface GlossaryTooltipProps {
  shown: ShownTooltip | null;
  /** The pointer entered the tooltip: keep it open (so its text can be read and selected). */
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

/**
 * The definition of a glossary term, drawn just below the term (above it when there is no room
 * below). Positioned with the CSS object model, which the strict CSP allows (style attributes in
 * markup it would not).
 */
export function GlossaryTooltip({ shown, onPointerEnter, onPointerLeave }: GlossaryTooltipProps) {
  const box = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const element = box.current;
    const parent = element?.offsetParent;
    if (!element || !shown || !(parent instanceof HTMLElement)) return;
    const width = element.offsetWidth;
    const left = Math.min(
      Math.max(0, shown.anchor.left),
      Math.max(0, parent.clientWidth - width - GAP_PX),
    );
    const parentTop = parent.getBoundingClientRect().top;
    const roomBelow = window.innerHeight - (parentTop + shown.anchor.bottom);
    const top =
      roomBelow < element.offsetHeight + GAP_PX * 2 && shown.anchor.top > element.offsetHeight
        ? shown.anchor.top - element.offsetHeight - GAP_PX
        : shown.anchor.bottom + GAP_PX;
    element.style.left = `${left}px`;
    element.style.top = `${top}px`;
  }, [shown]);

  if (!shown) return null;
  return (
    <div
      ref={box}
      id={GLOSSARY_TOOLTIP_ID}
      role="tooltip"
      className="reader-tooltip"
      onMouseEnter={onPointerEnter}
      onMouseLeave={onPointerLeave}
    >
      <p className="reader-tooltip__term" lang={shown.lang}>
        {shown.term}
      </p>
      <p className="reader-tooltip__definition" lang={shown.lang}>
        <ContentText text={shown.definition} />
      </p>
    </div>
  );
}
