import { useEffect, useRef } from 'react';
import type { Presentation } from './usePresentation';

/** What the keys do besides moving between slides. */
export interface SlideKeyExtras {
  toggleFullScreen?: () => void;
  /** Leaves present mode (Escape); browsers in full screen end full screen themselves first. */
  leave?: () => void;
  toggleCapture?: () => void;
  /** Shows the current slide's whole document, or the slide again (D). */
  toggleDocument?: () => void;
  /**
   * Given while a whole document is shown: Escape then goes back to the slide instead of leaving,
   * so a trainer who opened the document for a question is not thrown out of the presentation.
   */
  closeDocument?: () => void;
  /**
   * True while a whole document is shown: then the keys that scroll (Up, Down, Page Up, Page
   * Down, Space, Home, End) scroll it; Left and Right still move between slides.
   */
  scrolling?: boolean;
}

/** The keys a shown document keeps for scrolling. */
const SCROLL_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', ' ', 'Home', 'End']);

function isTextEntry(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.matches('textarea, select, input:not([type=checkbox], [type=radio], [type=button])'))
  );
}

/**
 * Keyboard and clicker navigation: Right, Down, Page Down and Space go forward; Left, Up and Page
 * Up go back (clickers send Page Up/Down); Home and End; N and P move a whole block. Keys typed in
 * a text field are left alone, and Space on a focused button presses the button only.
 */
export function useSlideKeys(presentation: Presentation, extras: SlideKeyExtras = {}): void {
  const latest = useRef({ presentation, extras });
  useEffect(() => {
    latest.current = { presentation, extras };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (isTextEntry(event.target)) return;
      const { presentation: p, extras: x } = latest.current;
      if (x.scrolling && SCROLL_KEYS.has(event.key)) return;
      const onControl =
        event.target instanceof HTMLElement && event.target.matches('button, a, summary');
      let handled = true;
      switch (event.key) {
        case 'ArrowRight':
        case 'ArrowDown':
        case 'PageDown':
          p.step(1);
          break;
        case ' ':
          if (onControl) return;
          p.step(event.shiftKey ? -1 : 1);
          break;
        case 'ArrowLeft':
        case 'ArrowUp':
        case 'PageUp':
          p.step(-1);
          break;
        case 'Home':
          p.go(0);
          break;
        case 'End':
          p.go(p.deck.slides.length - 1);
          break;
        case 'n':
        case 'N':
          p.stepBlock(1);
          break;
        case 'p':
        case 'P':
          p.stepBlock(-1);
          break;
        case 'f':
        case 'F':
          if (x.toggleFullScreen) x.toggleFullScreen();
          else handled = false;
          break;
        case 'Escape':
          if (x.closeDocument) x.closeDocument();
          else if (x.leave) x.leave();
          else handled = false;
          break;
        case 'd':
        case 'D':
          if (x.toggleDocument) x.toggleDocument();
          else handled = false;
          break;
        case 'c':
        case 'C':
          if (x.toggleCapture) x.toggleCapture();
          else handled = false;
          break;
        default:
          handled = false;
      }
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
