import type { SaveFileOptions } from '../../host/Host';
import { useHost } from './HostContext';
import { useFileStatus, type FileWording } from './useFileStatus';

/** How a save is worded unless the feature says otherwise. */
const SAVE_WORDING: FileWording = {
  saved: (where) => `Saved to ${where}.`,
  cancelled: '',
  failedPrefix: 'Not saved:',
};

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
    follow(host.saveFile(file), { ...SAVE_WORDING, ...wording });
  return { status, setStatus, save };
}
