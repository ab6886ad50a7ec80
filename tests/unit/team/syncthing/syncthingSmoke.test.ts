/**
 * The Syncthing harness itself: two real daemons on loopback carry a file written atomically in
 * one folder to the other, and one stopped and restarted with the same home catches up.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pollUntil, useSyncthingPair, type SyncthingPair } from './harness';

const fixture = useSyncthingPair();
const pair = (): SyncthingPair => fixture().pair;

/** Writes a file the way the team folder code does: a temporary name, then renamed over. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const temporary = join(path, '..', `.${Date.now()}.tmp`);
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** The file's text once it exists with `expected` in it; polls until then. */
function waitForText(path: string, expected: string, timeoutMs = 15_000): Promise<string> {
  return pollUntil(`${path} to hold ${expected}`, timeoutMs, async () => {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    return text === expected ? text : undefined;
  });
}

describe('two Syncthing daemons on loopback', () => {
  it('carry a file written atomically in A to B', async () => {
    const { a, b } = pair();
    await writeAtomic(join(a.folderPath, 'hello.json'), '{"from":"a"}');
    expect(await waitForText(join(b.folderPath, 'hello.json'), '{"from":"a"}')).toBe(
      '{"from":"a"}',
    );
    expect(await pair().waitUntilInSync()).toBe(1);
  }, 30_000);

  it('bring a stopped daemon up to date when it starts again with the same home', async () => {
    const { a, b } = pair();
    await b.stop();
    expect(b.running).toBe(false);
    await writeAtomic(join(a.folderPath, 'while-b-was-away.json'), '{"n":2}');
    await b.start();
    await waitForText(join(b.folderPath, 'while-b-was-away.json'), '{"n":2}');
    expect(await pair().waitUntilInSync()).toBe(2);
  }, 30_000);
});
