import type { SaveFileOptions } from '../../host/Host';
import { useHost } from './HostContext';
import { t } from './i18n/i18n';
import { useFileStatus, type FileWording } from './useFileStatus';

/** How a save is worded unless the feature says otherwise (worded when it happens). */
function saveWording(): FileWording {
  return {
    saved: (where) => t('common:saveFile.savedTo', { where }),
    cancelled: '',
    failedPrefix: t('common:saveFile.failedPrefix'),
  };
}

/**
 * Saving a file through the host (a save dialog on the desktop, a download in a browser), with a
 * status line for the outcome. `save` takes the file and, when the outcome needs the feature's
 * words (e.g. how many annotations went out), those words; `setStatus` says something else, such
 * as why nothing was saved.
 */
export function useSaveFile() {
  const host = useHost();
  const { status, setStatus, follow } = useFileStatus();
  const save = (file: SaveFileOptions, wording: Partial<FileWording> = {}) =>
    follow(host.saveFile(file), { ...saveWording(), ...wording });
  return { status, setStatus, save };
}
