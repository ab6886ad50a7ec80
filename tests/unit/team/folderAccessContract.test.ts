/**
 * Main's FolderAccess over a directory keeps the contract every host's keeps. (The page's, over
 * IPC, runs the same cases in tests/unit/electron/teamFolderIpc.test.ts; the browser's, over a
 * directory handle, in tests/e2e/teamFolderAccess.test.ts.)
 */
import { describe, it } from 'vitest';
import { NodeFolderAccess } from '../../../electron/main/teamFolder/nodeFolderAccess';
import { directoryUnderTest } from './directoryUnderTest';
import { folderAccessContract } from './folderAccessContract';

describe('NodeFolderAccess keeps the FolderAccess contract', () => {
  for (const contractCase of folderAccessContract) {
    it(contractCase.name, async () => {
      await contractCase.run(await directoryUnderTest((root) => new NodeFolderAccess(root)));
    });
  }
});
