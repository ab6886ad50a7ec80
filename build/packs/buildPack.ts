import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from '../content/commands';
import { displayPathOf } from '../content/readCorpus';
import { MANIFEST_NAME } from '../../renderer/src/core/packs/archivePath';
import { PACK_FILE_EXTENSION } from '../../renderer/src/core/packs/limits';
import {
  formatPackProblem,
  packProblem,
  type PackRefusal,
} from '../../renderer/src/core/packs/problems';
import { readPack } from '../../renderer/src/core/packs/readPack';
import { writePack } from '../../renderer/src/core/packs/writePack';
import { isReadableByOthers, readSecretKey } from './keyFiles';
import { libraryContext } from './library';
import {
  FOLDER_MANIFEST_NAME,
  manifestFields,
  readPackFolder,
  type PackFolder,
} from './readFolder';
import { describePack, problemLines, warningLines } from './report';
import { wordRef } from './words';

/**
 * `pack:build`: reads a pack folder, writes the pack with `writePack`, then reads the bytes back
 * with the app's own reader before writing any file, so a pack that builds is a pack the app
 * imports: both run the same checks, by construction. Exit 1, and no file written, on any
 * problem.
 */
export async function buildPack(
  folder: string,
  options: {
    sign: string | undefined;
    out: string | undefined;
    /** Where the pack goes without `out`, named `<id>-<version>.onmunipack`. */
    outDir: string;
  },
  io: CliIo,
): Promise<number> {
  const source = await readPackFolder(folder);
  for (const skipped of source.skipped) io.out(`skipped: ${skipped}`);
  if (source.problems.length > 0) {
    for (const problem of source.problems) {
      const file = displayPathOf(problem.file);
      const where = problem.line === undefined ? file : `${file}:${problem.line}`;
      io.err(
        `${where}: ${problem.field === undefined ? '' : `${problem.field}: `}${problem.message}`,
      );
    }
    return refused(io, source.problems.length);
  }
  const secretKey = options.sign === undefined ? undefined : await readSecretKey(options.sign);
  if (options.sign !== undefined && (await isReadableByOthers(options.sign)))
    io.err(`warning: ${options.sign} can be read by other users; run chmod 600 ${options.sign}`);

  const written = await writePack(manifestFields(source.fields), source.documents, {
    ...(secretKey === undefined ? {} : { secretKey }),
  });
  if (!written.ok) {
    for (const refusal of written.refusals) io.err(refusalLine(refusal, source, folder));
    return refused(io, written.refusals.length);
  }
  // No key trusted: the report then says what a user who has not trusted the key sees. A
  // signature that does not verify against the key pack.sig names is refused all the same.
  const read = await readPack(written.bytes, { ...(await libraryContext()), trustedKeys: [] });
  if (!read.ok) {
    for (const line of [
      ...problemLines(read.problems, folder),
      ...warningLines(read.warnings, folder),
    ])
      io.err(line);
    return refused(io, read.problems.length);
  }

  const { manifest } = written;
  const out =
    options.out ??
    path.join(options.outDir, `${manifest.id}-${manifest.version}${PACK_FILE_EXTENSION}`);
  // Written beside the target and renamed, so an interrupted build never leaves half a pack.
  const partial = `${out}.partial`;
  await writeFile(partial, written.bytes);
  await rename(partial, out);
  for (const line of [
    ...describePack(read.pack, written.bytes.length),
    ...warningLines(read.pack.warnings, folder),
  ])
    io.out(line);
  io.out(`wrote ${displayPathOf(path.resolve(out))}`);
  return 0;
}

/**
 * A writer's refusal, located in the folder: a manifest field at its line of `pack.yml`, a
 * document by its file in the folder rather than its archive path.
 */
function refusalLine(refusal: PackRefusal, source: PackFolder, folder: string): string {
  if (refusal.code === 'manifestField') {
    const field = String(refusal.values?.field ?? '');
    const topField = field.split(/[.[]/)[0] ?? field;
    const file = displayPathOf(path.join(folder, FOLDER_MANIFEST_NAME));
    return `${file}:${source.fieldLine(topField)}: ${field}: ${String(refusal.values?.detail ?? '')}`;
  }
  const located =
    refusal.path === undefined || refusal.path === MANIFEST_NAME
      ? refusal
      : { ...refusal, path: displayPathOf(path.join(folder, refusal.path)) };
  return formatPackProblem(packProblem(located), wordRef);
}

function refused(io: CliIo, count: number): number {
  io.err(`pack: ${count} problem(s); nothing was written`);
  return 1;
}
