import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * Full screen for one element (the audience view): `toggle` enters or leaves it, `active` says
 * whether it is on. Escape leaves full screen by the browser's own handling.
 */
export function useFullScreen(target: RefObject<HTMLElement | null>) {
  const [active, setActive] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = useCallback(() => {
    setError('');
    if (document.fullscreenElement) {
      void document.exitFullscreen().catch(() => undefined);
      return;
    }
    const element = target.current;
    if (!element?.requestFullscreen) {
      setError('Full screen is not available here; use your browser’s own full-screen key (F11).');
      return;
    }
    element.requestFullscreen().catch(() => {
      setError('Full screen was refused; use your browser’s own full-screen key (F11).');
    });
  }, [target]);
  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);
  return { active, toggle, exit, error };
}
