/**
 * Kill test for content packs (issue 15): a child process installs new versions of a pack through
 * the real pack folder code in a loop and is killed with SIGKILL at a random moment, many times.
 * After every kill a fresh instance must list the old version or the new one, whole: every file
 * of the current and the previous version readable and equal to what was written for it.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACK_STATE_FILE, PackFolder } from '../../../electron/main/packFolder';
import type {
  StoredPackFile,
  StoredPackVersion,
} from '../../../renderer/src/core/packs/packStorage';
import { runAndKill } from './killChild';
import { makeTempDir } from './tempDir';
import { transpileForNode } from './transpileForNode';

const SOURCES = [
  'electron/shared/byteSize.ts',
  'electron/shared/storageKey.ts',
  'electron/shared/packRules.ts',
  'electron/main/atomicFile.ts',
  'electron/main/storage.ts',
  'electron/main/packFolder.ts',
];
const CHILD = join(import.meta.dirname, 'fixtures/packInstaller.mjs');
// The versions the child installs, in plain JS it imports too; typed here.
const VERSIONS = './fixtures/packKillVersions.mjs';
const { STORED_PACK_FILES, fileBytes } = (await import(/* @vite-ignore */ VERSIONS)) as {
  STORED_PACK_FILES: readonly StoredPackFile[];
  fileBytes: (seq: number, index: number) => Uint8Array;
};
const KILLS = 120;
const LANES = 4;

function seqOf(version: StoredPackVersion): number {
  return Number(version.version.split('.')[2]);
}

/** Every file of version 1.0.<seq> reads back exactly as written. */
async function expectWhole(packs: PackFolder, seq: number, context: string): Promise<void> {
  for (const [index, name] of STORED_PACK_FILES.entries()) {
    const bytes = await packs.readFile('kill', `1.0.${seq}`, name);
    expect(Buffer.compare(bytes, fileBytes(seq, index)), `${context} ${name}`).toBe(0);
  }
}

/** One lane: a data folder of its own, killed `kills` times in a row; how many landed mid-install. */
async function runLane(module: string, dir: string, kills: number, lane: number): Promise<number> {
  let killedMidInstall = 0;
  let expectedOnDisk = 0;
  for (let kill = 0; kill < kills; kill += 1) {
    const round = await runAndKill(CHILD, [module, dir], Math.random() * 40);
    const context = `lane ${lane}, kill ${kill + 1}: ${JSON.stringify(round)}`;
    // The child found exactly what the previous check found.
    expect(round.readySeq, context).toBe(expectedOnDisk);
    if (round.lastBegin > round.lastDone) killedMidInstall += 1;

    const packs = new PackFolder(dir);
    const listed = await packs.list();
    if (listed.length === 0) {
      // Legitimate only while no install has ever completed: the old state is no pack.
      expect(round.lastDone, context).toBe(0);
      continue;
    }
    const [pack] = listed;
    if (pack === undefined || listed.length !== 1)
      throw new Error(`${context}: ${listed.length} packs`);
    const current = seqOf(pack.current);
    expect([round.lastDone, round.lastBegin], context).toContain(current);
    await expectWhole(packs, current, context);
    expect(pack.previous === null ? null : seqOf(pack.previous), context).toBe(
      current > 1 ? current - 1 : null,
    );
    if (current > 1) await expectWhole(packs, current - 1, context);
    // The fresh instance cleaned up what the kill left: the state and its two versions only.
    expect((await readdir(join(dir, 'pack-kill'))).sort(), context).toHaveLength(
      current > 1 ? 3 : 2,
    );
    expect(await readdir(join(dir, 'pack-kill')), context).toContain(PACK_STATE_FILE);
    expectedOnDisk = current;
  }
  return killedMidInstall;
}

describe('pack folder under SIGKILL', () => {
  let module = '';
  let work = '';

  beforeAll(async () => {
    work = await makeTempDir('onmuni-pack-kill-');
    module = await transpileForNode(SOURCES, join(work, 'build'));
  });

  it(
    `keeps the old or the new version whole through ${KILLS} kills`,
    { timeout: 240_000 },
    async () => {
      const perLane = KILLS / LANES;
      const midInstall = await Promise.all(
        Array.from({ length: LANES }, (_, lane) =>
          runLane(module, join(work, `packs-${lane}`), perLane, lane),
        ),
      );
      // The test means something only if many kills landed while an install was in progress.
      expect(midInstall.reduce((a, b) => a + b, 0)).toBeGreaterThan(KILLS / 2);
    },
  );
});
