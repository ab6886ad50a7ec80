import type { AllowedExternalUrl } from '../../../electron/shared/externalUrlPolicy';

/**
 * The question the browser edition asks (with `window.confirm`) before a link leaves the app:
 * everything it will open, nothing hidden. Which links get this far is decided by the shared
 * policy (`checkExternalUrl`); the desktop asks the same in its own native dialog.
 */
export function externalLinkQuestion(link: AllowedExternalUrl): string {
  if (link.kind === 'web') {
    return `Open ${link.destination} in your web browser?\n\n${link.href}`;
  }
  const lines = [`Write an e-mail to ${link.destination} in your e-mail program?`];
  if (link.subject !== undefined) lines.push('', `Subject: ${link.subject}`);
  if (link.body !== undefined) lines.push('', link.body);
  return lines.join('\n');
}
