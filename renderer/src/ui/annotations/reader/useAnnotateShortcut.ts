import { useEffect, useRef } from 'react';

/** True for Ctrl+Shift+H (Cmd+Shift+H on a Mac), the "annotate selection" shortcut. */
export function isAnnotateShortcut(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    event.shiftKey &&
    !event.altKey &&
    event.key.toLowerCase() === 'h'
  );
}

/** Runs `onAnnotate` when the shortcut is pressed anywhere in the reader window. */
export function useAnnotateShortcut(enabled: boolean, onAnnotate: () => void): void {
  const latest = useRef(onAnnotate);
  useEffect(() => {
    latest.current = onAnnotate;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isAnnotateShortcut(event) || event.defaultPrevented) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
