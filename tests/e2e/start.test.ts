/**
 * `npm start` on a machine without an Electron binary: it must end with the browser edition served
 * and its address printed, not with an error. The download really is tried, against a loopback
 * address where nothing listens, so the offline path is the one a locked-down machine takes.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { projectRoot } from '../../build/scripts/serve';

/** A loopback port that nothing listens on (found by listening, then closing). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Collects the child's output and resolves with the first served address it prints. */
function servedAddress(child: ChildProcessWithoutNullStreams, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output.push(chunk.toString('utf8'));
      const match = /being served at (http:\/\/\S+)/.exec(output.join(''));
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`npm start exited (${code}):\n${output.join('')}`)),
    );
  });
}

describe('npm start without an Electron binary', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  test.for([
    { name: 'with a display: the download fails, then it serves', display: ':99' },
    { name: 'without a display: it serves at once', display: undefined },
  ])('$name', async ({ display }) => {
    const empty = mkdtempSync(join(tmpdir(), 'onmuni-no-electron-'));
    cleanups.push(() => rmSync(empty, { recursive: true, force: true }));
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawn(
      process.execPath,
      [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'build/scripts/start.ts', '--no-build'],
      {
        cwd: projectRoot,
        env: {
          ...env,
          ...(display === undefined ? {} : { DISPLAY: display }),
          ELECTRON_SKIP_BINARY_DOWNLOAD: '',
          // Even where a binary is installed, this makes the app look for it in an empty folder.
          ELECTRON_OVERRIDE_DIST_PATH: empty,
          ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
          electron_config_cache: empty,
          BROWSER: 'none',
          PORT: '0',
        },
      },
    );
    cleanups.push(() => child.kill('SIGKILL'));
    const output: string[] = [];
    const url = await servedAddress(child, output);

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>OnMuni Toolkit</title>');
    const printed = output.join('');
    // One line says why this is not the desktop window.
    expect(printed).toMatch(
      display === undefined
        ? /^No desktop window: there is no graphical display/m
        : /^No desktop window: the Electron binary could not be had \(no network access/m,
    );
    expect(printed).toContain('no browser was opened: BROWSER=none');

    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
