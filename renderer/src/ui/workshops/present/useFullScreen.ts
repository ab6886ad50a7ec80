import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '../../common/i18n/i18n';

/**
 * Present mode's full screen is the whole page (`<html>`), not one element: the app shell drops
 * its header and navigation on the audience route, so the page is the slide alone, and full
 * screen survives React re-rendering or replacing any element below it.
 */
const pageElement = () => document.documentElement;

/** How many audience views are mounted: full screen ends when the last one goes. */
let viewsShown = 0;

/**
 * Asks for full screen. Browsers (and Electron) grant it only while handling the user's own click
 * or key press, so "Present" calls this in its click handler, before the route changes. Resolves
 * to false when it is refused or not available; the audience view then offers its button.
 */
export function enterFullScreen(): Promise<boolean> {
  const element = pageElement();
  if (document.fullscreenElement) return Promise.resolve(true);
  if (typeof element.requestFullscreen !== 'function') return Promise.resolve(false);
  return element.requestFullscreen().then(
    () => true,
    () => false,
  );
}

/**
 * Full screen while the audience view is shown: `toggle` enters or leaves it, `active` says whether
 * it is on. `onLeftByBrowser` runs when full screen ends without this view asking: in a browser,
 * Escape ends full screen itself and never reaches the page, so this is how Escape leaves present
 * mode there. A hidden page losing full screen (another tab chosen) is not such an exit. Leaving
 * the view (unmounting) ends full screen.
 */
export function useFullScreen(onLeftByBrowser: () => void) {
  const [active, setActive] = useState(() => Boolean(document.fullscreenElement));
  const [error, setError] = useState('');
  // Set while an exit this view asked for is under way, so it is not taken for the browser's.
  const leaving = useRef(false);
  const latest = useRef(onLeftByBrowser);
  useEffect(() => {
    latest.current = onLeftByBrowser;
  });

  useEffect(() => {
    const onChange = () => {
      const now = Boolean(document.fullscreenElement);
      setActive(now);
      if (now) return;
      const ours = leaving.current;
      leaving.current = false;
      if (!ours && document.visibilityState === 'visible') latest.current();
    };
    document.addEventListener('fullscreenchange', onChange);
    viewsShown += 1;
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      viewsShown -= 1;
      // Checked a moment later: React's development mode unmounts and mounts a view again at once.
      queueMicrotask(() => {
        if (viewsShown === 0 && document.fullscreenElement)
          void document.exitFullscreen().catch(() => undefined);
      });
    };
  }, []);

  const exit = useCallback(() => {
    if (!document.fullscreenElement) return;
    leaving.current = true;
    void document.exitFullscreen().catch(() => {
      leaving.current = false;
    });
  }, []);

  const toggle = useCallback(() => {
    setError('');
    if (document.fullscreenElement) {
      exit();
      return;
    }
    if (typeof pageElement().requestFullscreen !== 'function') {
      setError(t('workshops:present.fullScreenUnavailable'));
      return;
    }
    void enterFullScreen().then((entered) => {
      if (!entered) setError(t('workshops:present.fullScreenRefused'));
    });
  }, [exit]);

  return { active, toggle, exit, error };
}
