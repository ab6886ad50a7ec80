import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from '../content/commands';
import { buildPack } from './buildPack';
import { checkPack } from './checkPack';
import { KeyFileError, writeKeyPair } from './keyFiles';
import { messageOf } from '../../renderer/src/core/common/errorMessage';

const USAGE = [
  'usage: pack:build -- <folder> [--sign <secret key file>] [--out <file>]',
  '       pack:check -- <file> [--trust <public key file>]...',
  '       pack:keygen -- <out prefix>',
].join('\n');

/**
 * Runs a pack command (content/README.md, "Building and checking a pack") and returns the exit
 * code: 0 done, 1 the pack (or key) was refused, 2 the command line was wrong.
 * - build: read a pack folder, write the pack, read it back with the app's reader, report.
 * - check: read a pack file with the app's reader and report it or every refusal.
 * - keygen: write a new Ed25519 key pair for signing packs.
 */
export async function runPackCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        sign: { type: 'string' },
        out: { type: 'string' },
        trust: { type: 'string', multiple: true },
      },
    });
  } catch (error) {
    io.err(`${messageOf(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [target] = positionals;
  // The options each command takes. A Map, so a command such as `toString` is simply unknown.
  const optionsOf = new Map<string | undefined, readonly string[]>([
    ['build', ['sign', 'out']],
    ['check', ['trust']],
    ['keygen', []],
  ]);
  const allowed = optionsOf.get(command);
  const misplaced = Object.keys(values).filter((name) => !allowed?.includes(name));
  if (
    allowed === undefined ||
    target === undefined ||
    positionals.length > 1 ||
    misplaced.length > 0
  ) {
    io.err(USAGE);
    return 2;
  }
  // `npm run` starts the script in the package's folder; paths on the command line mean the
  // folder the publisher typed them in, which npm passes as INIT_CWD.
  const base = process.env.INIT_CWD ?? process.cwd();
  const resolve = (file: string) => path.resolve(base, file);
  try {
    if (command === 'build') {
      const { sign, out } = values;
      return await buildPack(
        resolve(target),
        { sign: sign && resolve(sign), out: out && resolve(out), outDir: base },
        io,
      );
    }
    if (command === 'check')
      return await checkPack(resolve(target), { trust: (values.trust ?? []).map(resolve) }, io);
    const written = await writeKeyPair(resolve(target));
    io.out(
      `secret key: ${written.secretKeyFile} (keep it private; sign with --sign ${written.secretKeyFile})`,
    );
    io.out(`public key: ${written.publicKeyFile} (give it to the people who import your packs)`);
    io.out(`public key: ${written.publicKeyHex}`);
    return 0;
  } catch (error) {
    if (!(error instanceof KeyFileError)) throw error;
    io.err(error.message);
    return 1;
  }
}
