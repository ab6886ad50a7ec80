/**
 * The Host on the desktop: every call goes through `window.onmuni`, the bridge the preload builds
 * from the IPC contract. Only the contract's types are imported; main validates every input again.
 */
import { formatByteSize } from '../../../electron/shared/byteSize';
import type { OnmuniBridge } from '../../../electron/shared/ipcContract';
import type { Language } from '../../../electron/shared/language';
import type {
  DocumentProblem,
  StorageReadResult,
  StorageRefusal,
  StoredDocumentRead,
} from '../../../electron/shared/storageReadResult';
import { messageRef, type MessageRef } from '../core/common/messageRef';
import { ProblemError } from '../core/common/ProblemError';
import type { PackStorage } from '../core/packs/packStorage';
import type { RoomHost } from '../core/room/roomHost';
import type { DocumentStorage } from '../core/store/DocumentStorage';
import type { OtherWindows } from '../core/store/otherWindows';
import type { TeamFolderHost } from '../core/team/teamFolderHost';
import { currentLocale, t } from '../ui/common/i18n/i18n';
import { wordMessage } from '../ui/common/i18n/wordMessage';
import { ElectronPacks } from './electronPacks';
import { ElectronRoom } from './electronRoom';
import { ElectronTeamFolder } from './electronTeamFolder';
import { pageOtherWindows } from './otherWindows';
import { ownBytes } from './ownBytes';
import type {
  AppInfo,
  Host,
  MenuCommand,
  OpenFileOptions,
  OpenFileResult,
  SaveFileOptions,
  SaveFileResult,
} from './Host';

declare global {
  interface Window {
    /** Present only inside the Electron app (set by electron/preload). */
    readonly onmuni?: OnmuniBridge;
  }
}

/** The bridge the preload exposed, read through globalThis so this module also loads in Node tests. */
function exposedBridge(): OnmuniBridge | undefined {
  return (globalThis as { onmuni?: OnmuniBridge }).onmuni;
}

/** True when the page runs inside the desktop app, i.e. the preload bridge exists. */
export function hasElectronBridge(): boolean {
  return exposedBridge() !== undefined;
}

/**
 * A write main refused (nothing was changed). `ref` names the catalogue message; the message is
 * that message already worded, because save states show an error's message.
 */
export class StorageRefusedError extends ProblemError {
  constructor(ref: MessageRef) {
    super('StorageRefusedError', ref);
    this.message = wordMessage(ref);
  }
}

/** Main's reason a text is not a document, in words ("the file is empty"). */
export function wordDocumentProblem(problem: DocumentProblem): string {
  switch (problem.code) {
    case 'empty':
      return t('problems:json.empty');
    case 'notJson':
      return t('common:host.storage.desktop.problem.notJson', { detail: problem.detail });
    case 'notObject':
      return t('common:host.storage.desktop.problem.notObject');
  }
}

/** The catalogue message for main's refusal to save; sizes worded in the interface's language. */
export function storageRefusalRef(refusal: StorageRefusal): MessageRef {
  const { key } = refusal;
  const locale = currentLocale();
  switch (refusal.code) {
    case 'badKey':
      return messageRef('common:host.storage.desktop.badKey', { key });
    case 'notDocument':
      return messageRef('common:host.storage.desktop.notDocument', {
        key,
        problem: wordDocumentProblem(refusal.problem),
      });
    case 'tooLarge':
      return messageRef('common:host.storage.desktop.tooLarge', {
        key,
        size: formatByteSize(refusal.sizeBytes, 'measured', locale),
        limit: formatByteSize(refusal.limitBytes, 'limit', locale),
      });
    case 'folderFull':
      return messageRef('common:host.storage.desktop.folderFull', {
        key,
        size: formatByteSize(refusal.sizeBytes, 'measured', locale),
        limit: formatByteSize(refusal.limitBytes, 'limit', locale),
        folder: refusal.folder,
      });
  }
}

/** Main's answer to a read as the Host gives it: a recovered document's reason in words. */
export function wordStoredRead(stored: StoredDocumentRead): StorageReadResult {
  if (stored.status !== 'recovered') return stored;
  const problem = wordDocumentProblem(stored.problem);
  const reason =
    stored.backup === undefined
      ? t('common:host.storage.desktop.recovered', { problem })
      : t('common:host.storage.desktop.recoveredWithBackup', { problem, backup: stored.backup });
  return { status: 'recovered', movedTo: stored.movedTo, reason };
}

class ElectronStorage implements DocumentStorage {
  constructor(
    private readonly bridge: OnmuniBridge,
    /** The other windows of the app (the presenter window), which write the same data folder. */
    readonly otherWindows?: OtherWindows,
  ) {}

  async read(key: string): Promise<StorageReadResult> {
    return wordStoredRead(await this.bridge.storage.read({ key }));
  }

  async write(key: string, text: string): Promise<void> {
    const result = await this.bridge.storage.write({ key, text });
    if (result.status === 'refused') {
      throw new StorageRefusedError(storageRefusalRef(result.refusal));
    }
  }
}

/** The Host implementation over the preload bridge. */
export class ElectronHost implements Host {
  readonly kind = 'electron' as const;
  readonly storage: DocumentStorage;
  readonly packs: PackStorage;
  readonly teamFolder: TeamFolderHost;
  readonly room: RoomHost;

  constructor(
    private readonly bridge: OnmuniBridge,
    otherWindows?: OtherWindows,
  ) {
    this.storage = new ElectronStorage(bridge, otherWindows);
    this.packs = new ElectronPacks(bridge);
    this.teamFolder = new ElectronTeamFolder(bridge);
    this.room = new ElectronRoom(bridge);
  }

  openTextFile(options: OpenFileOptions): Promise<OpenFileResult> {
    return this.bridge.file.open({
      title: options.title,
      extensions: options.extensions,
      maxBytes: options.maxBytes,
    });
  }

  async saveFile(options: SaveFileOptions): Promise<SaveFileResult> {
    const result = await this.bridge.file.save({
      suggestedName: options.suggestedName,
      extensions: options.extensions,
      contents:
        typeof options.contents === 'string' ? options.contents : ownBytes(options.contents),
    });
    if (result.status === 'error') throw new Error(result.message);
    return result;
  }

  async print(options: { toPdf: boolean; suggestedName?: string }): Promise<SaveFileResult> {
    if (options.toPdf) {
      const result = await this.bridge.print.pdf({
        suggestedName: options.suggestedName ?? 'onmuni-toolkit.pdf',
      });
      if (result.status === 'error') throw new Error(result.message);
      return result;
    }
    const result = await this.bridge.print.page({});
    return result.status === 'printed'
      ? { status: 'saved', where: t('common:host.printer') }
      : { status: 'cancelled' };
  }

  async openExternal(url: string): Promise<boolean> {
    try {
      const { opened } = await this.bridge.shell.openExternal({ url });
      return opened;
    } catch {
      // Main refuses malformed or oversized input by rejecting; for the caller that is "not opened".
      return false;
    }
  }

  appInfo(): Promise<AppInfo> {
    return this.bridge.app.info({});
  }

  setLanguage(language: Language): Promise<void> {
    return this.bridge.app.setLanguage({ language });
  }

  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    return this.bridge.menu.onCommand(listener);
  }

  async openPresenterWindow(workshopId: string, sessionId?: string): Promise<boolean> {
    const input = sessionId === undefined ? { workshopId } : { workshopId, sessionId };
    const { opened } = await this.bridge.window.openPresenter(input);
    return opened;
  }
}

/** The Electron host. Call only inside the desktop app (see {@link hasElectronBridge}). */
export function createElectronHost(): Host {
  const bridge = exposedBridge();
  if (bridge === undefined) throw new Error('The desktop bridge (window.onmuni) is missing.');
  // A page has a window; the host's own tests run it in Node without one.
  const page = typeof window === 'undefined' ? undefined : pageOtherWindows(window);
  return new ElectronHost(bridge, page);
}
