import type { Host } from '../../../host/Host';

/** What opening the presenter view did. */
export type OpenPresenterResult = 'opened' | 'blocked';

/**
 * Opens the presenter view: in a second desktop window through the host when it can (the shell
 * denies `window.open`), otherwise in a second browser tab.
 */
export async function openPresenterView(
  host: Host,
  href: string,
  workshopId: string,
  sessionId: string | undefined,
): Promise<OpenPresenterResult> {
  if (host.openPresenterWindow) {
    try {
      return (await host.openPresenterWindow(workshopId, sessionId)) ? 'opened' : 'blocked';
    } catch {
      return 'blocked';
    }
  }
  return openPresenterWindow(href);
}

/**
 * Opens the presenter view in a second window or tab. The browser edition opens a tab (the two
 * stay in step over a BroadcastChannel); the desktop shell denies new windows, so `window.open`
 * returns null there, as it does when a pop-up blocker says no: the caller then explains how to
 * open it by hand.
 */
export function openPresenterWindow(href: string): OpenPresenterResult {
  const url = new URL(href, window.location.href).href;
  const opened = window.open(url, '_blank');
  return opened ? 'opened' : 'blocked';
}
