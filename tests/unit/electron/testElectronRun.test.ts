import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagedExecutable, parseArgs, planLaunch } from '../../electron/run';
import { makeTempDir } from './tempDir';

describe('npm run test:electron: what it launches', () => {
  it('splits --packaged from the arguments for vitest', () => {
    expect(parseArgs(['--packaged', 'dist/x', '-t', 'quits'])).toEqual({
      packaged: 'dist/x',
      rest: ['-t', 'quits'],
    });
    expect(parseArgs(['--packaged=dist/y'])).toEqual({ packaged: 'dist/y', rest: [] });
    expect(parseArgs([])).toEqual({ rest: [] });
  });

  it('finds the program inside a macOS bundle, or takes a file as it is', async () => {
    const dir = await makeTempDir();
    const bundle = join(dir, 'OnMuni Toolkit.app');
    await mkdir(join(bundle, 'Contents', 'MacOS'), { recursive: true });
    await writeFile(join(bundle, 'Contents', 'MacOS', 'OnMuni Toolkit'), '');
    expect(packagedExecutable(bundle)).toBe(join(bundle, 'Contents', 'MacOS', 'OnMuni Toolkit'));
    const exe = join(dir, 'onmuni-toolkit');
    await writeFile(exe, '');
    expect(packagedExecutable(exe)).toBe(exe);
    expect(packagedExecutable(join(dir, 'missing'))).toBeUndefined();
    expect(packagedExecutable(dir)).toBeUndefined(); // a folder that is not a bundle
  });

  it('fails when a named packaged app is missing, and only says it did not run without one', async () => {
    const dir = await makeTempDir();
    expect(planLaunch(join(dir, 'nope'), {}, dir)).toMatchObject({ kind: 'none', exitCode: 1 });
    expect(planLaunch(undefined, { ONMUNI_PACKAGED_APP: join(dir, 'nope') }, dir)).toMatchObject({
      kind: 'none',
      exitCode: 1,
    });
    // An empty dist folder stands for "no Electron binary on this machine".
    const none = planLaunch(undefined, { ELECTRON_OVERRIDE_DIST_PATH: dir }, dir);
    expect(none).toMatchObject({ kind: 'none', exitCode: 0 });
    expect(none.kind === 'none' ? none.message : '').toMatch(/^test:electron did not run: /);
  });
});
