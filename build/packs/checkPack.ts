import { readFile, stat } from 'node:fs/promises';
import type { CliIo } from '../content/commands';
import { PACK_LIMITS, sizeValues } from '../../renderer/src/core/packs/limits';
import { packProblem } from '../../renderer/src/core/packs/problems';
import { readPack } from '../../renderer/src/core/packs/readPack';
import { toHex } from '../../renderer/src/core/packs/sha256';
import { readPublicKey } from './keyFiles';
import { libraryContext } from './library';
import { describePack, problemLines, warningLines } from './report';

/** `pack:check`: reads `file` as the app would on import and reports it (0) or its refusals (1). */
export async function checkPack(
  file: string,
  options: { trust: readonly string[] },
  io: CliIo,
): Promise<number> {
  const trustedKeys = await Promise.all(
    options.trust.map(async (key) => toHex(await readPublicKey(key))),
  );
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    io.err(`${file}: cannot be read`);
    return 1;
  }
  // The reader refuses such a file by its length; refused here, it is never loaded.
  if (size > PACK_LIMITS.maxFileBytes) {
    const values = sizeValues(size, PACK_LIMITS.maxFileBytes);
    for (const line of problemLines([packProblem({ code: 'fileTooLarge', values })])) io.err(line);
    io.err(`${file}: refused; 1 problem(s)`);
    return 1;
  }
  const bytes = await readFile(file);
  const result = await readPack(bytes, { ...(await libraryContext()), trustedKeys });
  if (!result.ok) {
    for (const line of [...problemLines(result.problems), ...warningLines(result.warnings)])
      io.err(line);
    io.err(`${file}: refused; ${result.problems.length} problem(s)`);
    return 1;
  }
  for (const line of [
    ...describePack(result.pack, bytes.length),
    ...warningLines(result.pack.warnings),
  ])
    io.out(line);
  io.out(`${file}: valid`);
  return 0;
}
