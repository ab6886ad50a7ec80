import { useCallback, useEffect, useRef, useState } from 'react';

/** How long the audience view's controls stay after the pointer last moved. */
export const REVEAL_MS = 3000;

/**
 * Controls that keep out of the audience's sight: shown when the view opens and whenever the
 * pointer moves, hidden again `ms` after it stops. (Keyboard focus shows them too: present.css.)
 */
export function useRevealOnPointer(ms = REVEAL_MS): { revealed: boolean; reveal: () => void } {
  const [revealed, setRevealed] = useState(true);
  const timer = useRef<number | undefined>(undefined);
  const hideLater = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setRevealed(false), ms);
  }, [ms]);
  const reveal = useCallback(() => {
    setRevealed(true);
    hideLater();
  }, [hideLater]);
  useEffect(() => {
    hideLater();
    return () => window.clearTimeout(timer.current);
  }, [hideLater]);
  return { revealed, reveal };
}
