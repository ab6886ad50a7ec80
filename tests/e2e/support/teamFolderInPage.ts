/**
 * The browser edition's team folder code, bundled into the page by tests/e2e/teamFolderAccess:
 * the FolderAccess contract run on folders of the origin-private file system through the real
 * DirectoryHandleFolder, and the real BrowserTeamFolder for choosing, remembering and leaving.
 */
import { createBrowserTeamFolder } from '../../../renderer/src/host/browserTeamFolder';
import { DirectoryHandleFolder } from '../../../renderer/src/host/directoryHandleFolder';
import { folderAccessContract, type FolderUnderTest } from '../../unit/team/folderAccessContract';

/** Where the contract's folders go in the origin-private file system. */
const CONTRACT_FOLDER = 'contract';

async function writeFile(
  root: FileSystemDirectoryHandle,
  path: string,
  bytes: Uint8Array,
): Promise<void> {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  let folder = root;
  for (const part of parts) folder = await folder.getDirectoryHandle(part, { create: true });
  const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
  await writable.write(bytes as Uint8Array<ArrayBuffer>);
  await writable.close();
}

async function folderUnderTest(name: string): Promise<FolderUnderTest> {
  const privateRoot = await navigator.storage.getDirectory();
  const parent = await privateRoot.getDirectoryHandle(CONTRACT_FOLDER, { create: true });
  await parent.removeEntry(name, { recursive: true }).catch(() => undefined);
  const root = await parent.getDirectoryHandle(name, { create: true });
  return {
    folder: new DirectoryHandleFolder(root),
    plant: (path, bytes) => writeFile(root, path, bytes),
    removeRoot: () => parent.removeEntry(name, { recursive: true }),
  };
}

export interface CaseResult {
  name: string;
  /** The failure, or undefined when the case passed. */
  error?: string;
}

/** Runs every case of the contract, each on a fresh folder, and says how each went. */
export async function runContract(): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const [index, contractCase] of folderAccessContract.entries()) {
    try {
      await contractCase.run(await folderUnderTest(`case-${index}`));
      results.push({ name: contractCase.name });
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      results.push({ name: contractCase.name, error: message });
    }
  }
  return results;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The team folder host of this page, as the app creates it. */
function host() {
  return createBrowserTeamFolder(window);
}

/** Chooses the folder (the test seam's), writes `file` with `text` into it, and lists it. */
export async function chooseAndWrite(
  file: string,
  text: string,
): Promise<{ name: string; files: string[] } | null> {
  const opened = await host().choose();
  if (opened === null) return null;
  await opened.folder.writeAtomic(file, encoder.encode(text));
  return { name: opened.name, files: (await opened.folder.list('')).map((entry) => entry.name) };
}

/** Restores the folder chosen before and reads `file` from it (its text, or why not). */
export async function restoreAndRead(
  file: string,
): Promise<string | null | { needsPermission: string }> {
  const restored = await host().restore();
  if (restored === null || 'needsPermission' in restored) return restored;
  const read = await restored.folder.read(file, 1024);
  return read.status === 'ok' ? decoder.decode(read.bytes) : read.status;
}

/** Leaves the folder. */
export function forget(): Promise<void> {
  return host().forget();
}

/** The names in a folder of the origin-private file system, read without the app's code. */
export async function privateFolderNames(name: string): Promise<string[]> {
  const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(name);
  const names: string[] = [];
  for await (const key of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) {
    names.push(key);
  }
  return names.sort();
}
