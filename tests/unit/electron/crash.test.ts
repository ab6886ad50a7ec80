/**
 * Crash test: a child process saves through the real storage code in a loop and is killed with
 * SIGKILL at a random moment, 200 times. After every kill the document must parse and hold either
 * the last state the child confirmed or the one it was writing, and every backup must parse too.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAndKill } from './killChild';
import { makeTempDir } from './tempDir';
import { transpileForNode } from './transpileForNode';

const SOURCES = [
  'electron/shared/byteSize.ts',
  'electron/shared/storageKey.ts',
  'electron/main/atomicFile.ts',
  'electron/main/storage.ts',
];
const CHILD = join(import.meta.dirname, 'fixtures/crashWriter.mjs');
const KILLS = 200;
const LANES = 4;

async function readDocument(path: string): Promise<{ seq: number; length: number; pad: string }> {
  return JSON.parse(await readFile(path, 'utf8')) as { seq: number; length: number; pad: string };
}

/**
 * One lane: a data folder of its own, killed `kills` times in a row. Returns how many kills landed
 * while a write was in progress.
 */
async function runLane(
  storageModule: string,
  dir: string,
  kills: number,
  lane: number,
): Promise<number> {
  let killedMidWrite = 0;
  let expectedOnDisk = 0;
  for (let kill = 0; kill < kills; kill += 1) {
    const round = await runAndKill(CHILD, [storageModule, dir], Math.random() * 25);
    const context = `lane ${lane}, kill ${kill + 1}: ${JSON.stringify(round)}`;
    expect(round.bad, context).toBeUndefined();
    // The child found exactly what the previous round left on disk.
    expect(round.readySeq, context).toBe(expectedOnDisk);

    const path = join(dir, 'doc.json');
    if (!existsSync(path)) {
      // Legitimate only while no write has ever completed: the "old state" is no document.
      expect(round.lastDone, context).toBe(0);
      continue;
    }
    const doc = await readDocument(path);
    expect(doc.pad.length, context).toBe(doc.length);
    expect([round.lastDone, round.lastBegin], context).toContain(doc.seq);
    if (round.lastBegin > round.lastDone) killedMidWrite += 1;
    expectedOnDisk = doc.seq;

    for (const name of await readdir(dir)) {
      if (/^doc\.json\.bak\d$/.test(name)) {
        const backup = await readDocument(join(dir, name));
        expect(backup.pad.length, `${context} ${name}`).toBe(backup.length);
      }
    }
  }
  // Temp files are cleaned at each start, so at most the last kill's one remains.
  const temps = (await readdir(dir)).filter((name) => name.includes('.tmp-'));
  expect(temps.length, `lane ${lane}`).toBeLessThanOrEqual(1);
  return killedMidWrite;
}

describe('storage under SIGKILL', () => {
  let storageModule = '';
  let work = '';

  beforeAll(async () => {
    work = await makeTempDir('onmuni-crash-');
    storageModule = await transpileForNode(SOURCES, join(work, 'build'));
  });

  it(`keeps the document whole through ${KILLS} kills`, { timeout: 240_000 }, async () => {
    // Independent lanes overlap one child's start-up with another's disk waits (fsync), which
    // keeps the 200 kills fast on two cores; each lane checks its own document.
    const perLane = KILLS / LANES;
    const midWrite = await Promise.all(
      Array.from({ length: LANES }, (_, lane) =>
        runLane(storageModule, join(work, `data-${lane}`), perLane, lane),
      ),
    );
    // The test means something only if many kills landed while a write was in progress.
    expect(midWrite.reduce((a, b) => a + b, 0)).toBeGreaterThan(KILLS / 4);
  });
});
