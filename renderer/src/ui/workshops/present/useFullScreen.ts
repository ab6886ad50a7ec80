import { useCallback, useEffect, useState, type RefObject } from 'react';
import { t } from '../../common/i18n/i18n';

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
      setError(t('workshops:present.fullScreenUnavailable'));
      return;
    }
    element.requestFullscreen().catch(() => {
      setError(t('workshops:present.fullScreenRefused'));
    });
  }, [target]);
  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);
  return { active, toggle, exit, error };
}
