import type { AllowedExternalUrl } from '../../../electron/shared/externalUrlPolicy';
import { t } from '../ui/common/i18n/i18n';

/**
 * The question the browser edition asks (with `window.confirm`) before a link leaves the app:
 * everything it will open, nothing hidden. Which links get this far is decided by the shared
 * policy (`checkExternalUrl`); the desktop asks the same in its own native dialog.
 */
export function externalLinkQuestion(link: AllowedExternalUrl): string {
  if (link.kind === 'web') {
    return t('common:host.openWebLink', { destination: link.destination, href: link.href });
  }
  const lines = [t('common:host.writeEmail', { destination: link.destination })];
  if (link.subject !== undefined) {
    lines.push('', t('common:host.emailSubject', { subject: link.subject }));
  }
  if (link.body !== undefined) lines.push('', link.body);
  return lines.join('\n');
}
