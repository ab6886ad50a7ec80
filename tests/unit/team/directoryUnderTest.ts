/** A real temporary folder for the FolderAccess contract (folderAccessContract.ts), in Node. */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FolderAccess } from '../../../renderer/src/core/team/folderAccess';
import { makeTempDir } from '../electron/tempDir';
import type { FolderUnderTest } from './folderAccessContract';

/**
 * A fresh empty folder (removed after the test) reached through the FolderAccess `open` gives for
 * its path. It sits inside a temporary folder of its own, so removing it leaves a parent behind,
 * as a network drive's mount point stays when the drive goes offline.
 */
export async function directoryUnderTest(
  open: (root: string) => FolderAccess | Promise<FolderAccess>,
): Promise<FolderUnderTest & { root: string }> {
  const root = join(await makeTempDir('onmuni-team-contract-'), 'Task force');
  await mkdir(root);
  return {
    root,
    folder: await open(root),
    async plant(path, bytes) {
      const target = join(root, ...path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
    },
    removeRoot: () => rm(root, { recursive: true, force: true }),
  };
}
