/**
 * The contract every FolderAccess keeps (renderer/src/core/team/folderAccess.ts), as cases any
 * host's implementation is run through: main's over a directory (NodeFolderAccess), the page's
 * over IPC to it (IpcFolderAccess), and the browser's over a directory handle (in Chromium, by
 * tests/e2e/teamFolderAccess.test.ts). Plain code with its own checks, no test runner and no
 * Node, so the very same cases run inside the page.
 */
import {
  FolderUnavailableError,
  type FolderAccess,
} from '../../../renderer/src/core/team/folderAccess';

/** One fresh, empty folder under test, and ways to reach it other than through `folder`. */
export interface FolderUnderTest {
  readonly folder: FolderAccess;
  /** Writes a file directly (as a sync tool or another program would), parents created. */
  readonly plant: (path: string, bytes: Uint8Array) => Promise<void>;
  /** Makes the folder itself disappear, as a network drive going offline does. */
  readonly removeRoot: () => Promise<void>;
}

export interface ContractCase {
  readonly name: string;
  run(subject: FolderUnderTest): Promise<void>;
}

const encoder = new TextEncoder();
const bytesOf = (text: string): Uint8Array => encoder.encode(text);

function fail(message: string): never {
  throw new Error(message);
}

function same(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual, bytesAsArrays);
  const e = JSON.stringify(expected, bytesAsArrays);
  if (a !== e) fail(`${what}: expected ${e}, got ${a}`);
}

function bytesAsArrays(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? [...value] : value;
}

async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return fail(`${what}: expected a rejection, but it resolved`);
}

async function unavailable(promise: Promise<unknown>, what: string): Promise<void> {
  const error = await rejection(promise, what);
  if (!(error instanceof FolderUnavailableError)) {
    fail(`${what}: expected FolderUnavailableError, got ${String(error)}`);
  }
}

/** The names and kinds of a listing, sorted (listing order is the platform's). */
async function namesIn(folder: FolderAccess, dir: string): Promise<string[]> {
  const entries = await folder.list(dir);
  return entries.map((entry) => `${entry.kind}:${entry.name}`).sort();
}

export const folderAccessContract: readonly ContractCase[] = [
  {
    name: 'writes a file atomically, creating its folders, and reads the same bytes back',
    async run({ folder }) {
      const every = Uint8Array.from({ length: 256 }, (_, index) => index);
      await folder.writeAtomic('members/m1/log-000001.json', every);
      same(
        await folder.read('members/m1/log-000001.json', 1024),
        { status: 'ok', bytes: every },
        'read',
      );
    },
  },
  {
    name: 'replaces a file whole: a shorter file leaves nothing of the longer one',
    async run({ folder }) {
      await folder.writeAtomic('a.json', bytesOf('{"long": "xxxxxxxxxxxxxxxx"}'));
      await folder.writeAtomic('a.json', bytesOf('{}'));
      same(await folder.read('a.json', 100), { status: 'ok', bytes: bytesOf('{}') }, 'read');
      same(await namesIn(folder, ''), ['file:a.json'], 'listing (no temporary file left)');
    },
  },
  {
    name: 'writes an empty file',
    async run({ folder }) {
      await folder.writeAtomic('empty.json', new Uint8Array(0));
      same(await folder.read('empty.json', 10), { status: 'ok', bytes: new Uint8Array(0) }, 'read');
    },
  },
  {
    name: 'lists files with their size and a time, and folders with size 0',
    async run({ folder }) {
      const before = Date.now() - 60_000;
      await folder.writeAtomic('members/m1/member.json', bytesOf('12345'));
      await folder.writeAtomic('onmuni-team.json', bytesOf('{}'));
      same(await namesIn(folder, ''), ['directory:members', 'file:onmuni-team.json'], 'top');
      same(await namesIn(folder, 'members'), ['directory:m1'], 'members');
      const [file] = await folder.list('members/m1');
      same(
        file && { name: file.name, kind: file.kind, size: file.size },
        { name: 'member.json', kind: 'file', size: 5 },
        'entry',
      );
      const modified = file?.modifiedMs ?? 0;
      if (!(modified > before)) fail(`modifiedMs ${modified} is not a recent time`);
      const members = (await folder.list('')).find((entry) => entry.name === 'members');
      same(members?.size, 0, 'a folder’s size');
    },
  },
  {
    name: 'lists a folder that does not exist as empty',
    async run({ folder }) {
      same(await folder.list('members'), [], 'missing folder');
      same(await folder.list('members/nobody'), [], 'missing nested folder');
      same(await folder.list(''), [], 'the empty root');
    },
  },
  {
    name: 'leaves hidden entries out of a listing',
    async run({ folder, plant }) {
      await plant('.stfolder/marker', bytesOf('x'));
      await plant('members/m1/.log-000001.json.tmp-1-abcdef012345', bytesOf('half'));
      await plant('members/m1/log-000001.json', bytesOf('{}'));
      same(await namesIn(folder, ''), ['directory:members'], 'top');
      same(await namesIn(folder, 'members/m1'), ['file:log-000001.json'], 'member folder');
    },
  },
  {
    name: 'reads what another program wrote, including a conflict copy',
    async run({ folder, plant }) {
      await plant('members/m2/log-000001 (conflicted copy).json', bytesOf('[1]'));
      same(
        await folder.read('members/m2/log-000001 (conflicted copy).json', 10),
        { status: 'ok', bytes: bytesOf('[1]') },
        'read',
      );
    },
  },
  {
    name: 'reports a missing file as missing, in a folder that exists or not',
    async run({ folder }) {
      await folder.writeAtomic('members/m1/member.json', bytesOf('{}'));
      same(await folder.read('members/m1/log-000009.json', 10), { status: 'missing' }, 'file');
      same(await folder.read('members/m9/member.json', 10), { status: 'missing' }, 'folder');
    },
  },
  {
    name: 'reads a file of exactly maxBytes, and reports a larger one without reading it',
    async run({ folder }) {
      await folder.writeAtomic('big.json', bytesOf('0123456789'));
      same(
        await folder.read('big.json', 10),
        { status: 'ok', bytes: bytesOf('0123456789') },
        'at the bound',
      );
      same(await folder.read('big.json', 9), { status: 'tooLarge', size: 10 }, 'over the bound');
    },
  },
  {
    name: 'removes a file, and does nothing for one already gone',
    async run({ folder }) {
      await folder.writeAtomic('members/m1/log-000001.json', bytesOf('[]'));
      await folder.writeAtomic('members/m1/log-000002.json', bytesOf('[]'));
      await folder.remove('members/m1/log-000001.json');
      same(await namesIn(folder, 'members/m1'), ['file:log-000002.json'], 'after removing');
      await folder.remove('members/m1/log-000001.json');
      await folder.remove('members/m9/log-000001.json');
      same(await folder.read('members/m1/log-000001.json', 10), { status: 'missing' }, 'removed');
    },
  },
  {
    name: 'refuses paths that are not plain relative paths, and writes nothing for them',
    async run({ folder }) {
      for (const path of [
        '../escape.json',
        '/etc/passwd',
        'a//b.json',
        '.hidden.json',
        'a/../b.json',
        'a\\b.json',
        'C:x.json',
      ]) {
        await rejection(folder.writeAtomic(path, bytesOf('x')), `write ${path}`);
        await rejection(folder.read(path, 10), `read ${path}`);
        await rejection(folder.remove(path), `remove ${path}`);
      }
      await rejection(folder.list('..'), 'list ..');
      await rejection(folder.read('', 10), 'read the folder itself');
      await rejection(folder.writeAtomic('', bytesOf('x')), 'write the folder itself');
      same(await folder.list(''), [], 'nothing written');
    },
  },
  {
    name: 'rejects with FolderUnavailableError once the folder itself is gone, and never recreates it',
    async run({ folder, removeRoot }) {
      await folder.writeAtomic('members/m1/member.json', bytesOf('{}'));
      await removeRoot();
      await unavailable(folder.list(''), 'list the root');
      await unavailable(folder.list('members'), 'list a subfolder');
      await unavailable(folder.read('members/m1/member.json', 10), 'read');
      await unavailable(folder.writeAtomic('members/m1/member.json', bytesOf('{}')), 'write');
      await unavailable(folder.remove('members/m1/member.json'), 'remove');
      await unavailable(folder.list(''), 'list after the write (the root was not recreated)');
    },
  },
];
