import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '../../..');

/**
 * Transpiles main-process modules (paths from the repository root) to .mjs files under `outDir`,
 * keeping their folders and rewriting relative imports, so that a plain `node` child process can
 * run the real code and be killed mid-write (the crash and kill tests). Returns the path of the
 * last module, the one the child imports.
 */
export async function transpileForNode(
  sources: readonly string[],
  outDir: string,
): Promise<string> {
  let last = '';
  for (const source of sources) {
    const code = await readFile(join(ROOT, source), 'utf8');
    const { outputText } = ts.transpileModule(code, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const withExtensions = outputText.replace(/from '(\.{1,2}\/[^']+)'/g, "from '$1.mjs'");
    last = join(outDir, source.replace(/\.ts$/, '.mjs'));
    await mkdir(dirname(last), { recursive: true });
    await writeFile(last, withExtensions);
  }
  return last;
}
