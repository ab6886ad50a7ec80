/**
 * Runs `flush` when the page goes away (closing the window, reloading, leaving the page), so a
 * change still waiting for its typing pause is written. `pagehide` fires in every case where
 * `unload` does and also when the page enters the back/forward cache.
 */
export function flushOnPageHide(flush: () => void): void {
  window.addEventListener('pagehide', flush);
}
