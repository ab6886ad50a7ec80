/** The desktop's team folder access on a real temporary folder. */
import { spawnSync } from 'node:child_process';
import {
  appendFile,
  mkdir,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FolderPathError,
  NodeFolderAccess,
} from '../../../electron/main/teamFolder/nodeFolderAccess';
import { FolderUnavailableError } from '../../../renderer/src/core/team/folderAccess';
import { makeTempDir } from '../electron/tempDir';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (data: Uint8Array): string => new TextDecoder().decode(data);

async function folder(): Promise<{ root: string; access: NodeFolderAccess }> {
  const root = await makeTempDir('onmuni-team-folder-');
  return { root, access: new NodeFolderAccess(root) };
}

describe('NodeFolderAccess', () => {
  it('writes atomically, creating parent folders, and reads back', async () => {
    const { root, access } = await folder();
    await access.writeAtomic('members/abc/log-000001.json', bytes('{"a":1}'));
    await access.writeAtomic('members/abc/log-000001.json', bytes('{"a":2}'));
    expect(await readFile(join(root, 'members/abc/log-000001.json'), 'utf8')).toBe('{"a":2}');
    // No temporary file is left beside it.
    expect(await readdir(join(root, 'members/abc'))).toEqual(['log-000001.json']);
    const result = await access.read('members/abc/log-000001.json', 100);
    expect(result.status).toBe('ok');
    if (result.status === 'ok') expect(text(result.bytes)).toBe('{"a":2}');
  });

  it('writes files a teammate on the same share can read', async () => {
    const { root, access } = await folder();
    await access.writeAtomic('onmuni-team.json', bytes('{}'));
    const mode = (await stat(join(root, 'onmuni-team.json'))).mode & 0o777;
    expect(mode & 0o044).toBe(0o044 & ~process.umask());
  });

  it('lists files and folders with sizes, leaving hidden names and links out', async () => {
    const { root, access } = await folder();
    await mkdir(join(root, 'members/abc'), { recursive: true });
    await writeFile(join(root, 'members/abc/log-000001.json'), '12345');
    await writeFile(join(root, 'members/abc/.log-000001.json.tmp-1-abcdef012345'), 'x');
    await mkdir(join(root, 'members/abc/.stversions'));
    await symlink('/etc/hostname', join(root, 'members/abc/linked.json'));
    const entries = await access.list('members/abc');
    expect(entries.map(({ name, kind, size }) => ({ name, kind, size }))).toEqual([
      { name: 'log-000001.json', kind: 'file', size: 5 },
    ]);
    expect(entries[0]?.modifiedMs).toBeGreaterThan(0);
    expect((await access.list('')).map((entry) => [entry.name, entry.kind])).toEqual([
      ['members', 'directory'],
    ]);
  });

  it('lists a folder that does not exist as empty', async () => {
    const { access } = await folder();
    expect(await access.list('members')).toEqual([]);
    expect(await access.list('members/nobody')).toEqual([]);
  });

  it('reports a missing file, and removes files (a missing one is fine)', async () => {
    const { root, access } = await folder();
    expect(await access.read('members/x/log-000001.json', 10)).toEqual({ status: 'missing' });
    await access.writeAtomic('members/x/a.json', bytes('1'));
    await access.remove('members/x/a.json');
    await access.remove('members/x/a.json');
    await access.remove('members/y/a.json');
    expect(await readdir(join(root, 'members/x'))).toEqual([]);
  });

  it('never reads more than the bound', async () => {
    const { root, access } = await folder();
    await writeFile(join(root, 'big.json'), 'x'.repeat(101));
    expect(await access.read('big.json', 100)).toEqual({ status: 'tooLarge', size: 101 });
    await writeFile(join(root, 'exact.json'), 'x'.repeat(100));
    const exact = await access.read('exact.json', 100);
    expect(exact.status === 'ok' && exact.bytes.length).toBe(100);
  });

  it('reports a file that grows past the bound while it is read as too large', async () => {
    const { root, access } = await folder();
    const path = join(root, 'growing.json');
    await writeFile(path, 'x'.repeat(50));
    // A sync tool appending while we read: grow it between the open and the read, many times.
    let grown = 0;
    const grower = (async () => {
      for (let i = 0; i < 200; i += 1) {
        await appendFile(path, 'y'.repeat(10));
        grown += 10;
      }
    })();
    for (let i = 0; i < 50; i += 1) {
      const result = await access.read('growing.json', 1000);
      if (result.status === 'ok') expect(result.bytes.length).toBeLessThanOrEqual(1000);
      else expect(result).toMatchObject({ status: 'tooLarge' });
    }
    await grower;
    expect(grown).toBe(2000);
    expect(await access.read('growing.json', 1000)).toEqual({ status: 'tooLarge', size: 2050 });
  });

  it('refuses paths that are not plain relative names', async () => {
    const { access } = await folder();
    for (const path of ['../x.json', 'a/../../x.json', '/etc/passwd', 'a//b', '.hidden', 'a\\b']) {
      await expect(access.read(path, 10), path).rejects.toBeInstanceOf(FolderPathError);
      await expect(access.writeAtomic(path, bytes('x')), path).rejects.toBeInstanceOf(
        FolderPathError,
      );
      await expect(access.remove(path), path).rejects.toBeInstanceOf(FolderPathError);
      await expect(access.list(path), path).rejects.toBeInstanceOf(FolderPathError);
    }
  });

  it('refuses to follow a linked folder out of the root', async () => {
    const { root, access } = await folder();
    const outside = await makeTempDir('onmuni-outside-');
    await writeFile(join(outside, 'secret.json'), 'secret');
    await mkdir(join(root, 'members'));
    await symlink(outside, join(root, 'members/evil'));
    await expect(access.read('members/evil/secret.json', 100)).rejects.toBeInstanceOf(
      FolderPathError,
    );
    await expect(access.writeAtomic('members/evil/x.json', bytes('x'))).rejects.toBeInstanceOf(
      FolderPathError,
    );
    await expect(access.remove('members/evil/secret.json')).rejects.toBeInstanceOf(FolderPathError);
    expect(await readdir(outside)).toEqual(['secret.json']);
    // A linked file is not read either.
    await symlink(join(outside, 'secret.json'), join(root, 'members/linked.json'));
    expect(await access.read('members/linked.json', 100)).toEqual({ status: 'missing' });
  });

  it('makes no folder outside the root through a linked folder', async () => {
    const { root, access } = await folder();
    const outside = await makeTempDir('onmuni-outside-');
    // A teammate's sync tool brought `members` as a link elsewhere; my member folder is new.
    await symlink(outside, join(root, 'members'));
    await expect(access.writeAtomic('members/abc/x.json', bytes('x'))).rejects.toBeInstanceOf(
      FolderPathError,
    );
    expect(await readdir(outside)).toEqual([]);
  });

  it('works through a root that is itself a link (a mapped or mounted path)', async () => {
    const real = await makeTempDir('onmuni-real-');
    const parent = await makeTempDir('onmuni-link-');
    await symlink(real, join(parent, 'team'));
    const access = new NodeFolderAccess(join(parent, 'team'));
    await access.writeAtomic('members/a/x.json', bytes('1'));
    expect(await readFile(join(real, 'members/a/x.json'), 'utf8')).toBe('1');
    expect((await access.list('members/a')).map((entry) => entry.name)).toEqual(['x.json']);
  });

  it('says the folder is unavailable when the root is gone, and never recreates it', async () => {
    const { root, access } = await folder();
    await access.writeAtomic('members/a/x.json', bytes('1'));
    await rm(root, { recursive: true });
    await expect(access.list('')).rejects.toBeInstanceOf(FolderUnavailableError);
    await expect(access.list('members/a')).rejects.toBeInstanceOf(FolderUnavailableError);
    await expect(access.read('members/a/x.json', 10)).rejects.toBeInstanceOf(
      FolderUnavailableError,
    );
    await expect(access.writeAtomic('members/a/x.json', bytes('2'))).rejects.toBeInstanceOf(
      FolderUnavailableError,
    );
    await expect(access.remove('members/a/x.json')).rejects.toBeInstanceOf(FolderUnavailableError);
    await expect(stat(root)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('removes temporary files that killed writers left in a member folder', async () => {
    const { root, access } = await folder();
    const dead = spawnSync(process.execPath, ['-e', '']).pid ?? 0;
    await access.writeAtomic('members/a/log-000001.json', bytes('1'));
    const stray = `.log-000002.json.tmp-${dead}-0123456789ab`;
    const live = `.log-000001.json.tmp-${process.pid}-0123456789ab`;
    await writeFile(join(root, 'members/a', stray), 'half');
    await writeFile(join(root, 'members/a', live), 'in progress');
    await writeFile(join(root, stray), 'a teammate’s, synced here');
    await access.writeAtomic('members/a/log-000001.json', bytes('2'));
    expect((await readdir(join(root, 'members/a'))).sort()).toEqual([live, 'log-000001.json']);
    // The root is everyone's: nothing there is touched.
    await access.writeAtomic('onmuni-team.json', bytes('{}'));
    expect(await readdir(root)).toContain(stray);
  });

  it('removes its temporary file when a write fails', async () => {
    const root = await makeTempDir('onmuni-team-folder-');
    const access = new NodeFolderAccess(root, {
      retryDelaysMs: [],
      fs: {
        rename: () => Promise.reject(Object.assign(new Error('EIO: simulated'), { code: 'EIO' })),
      },
    });
    await expect(access.writeAtomic('members/a/x.json', bytes('1'))).rejects.toThrow('EIO');
    expect(await readdir(join(root, 'members/a'))).toEqual([]);
  });
});
