/**
 * Standalone entry: `npx tsx tests/bench/search/main.ts [--corpora=real,1k,10k]
 * [--engines=ours,lunr,minisearch,flexsearch] [--full]`. Prints the report and keeps the raw
 * result in tests/bench/results/search.json; --full also runs plain lunr on 10k (slow). Exit code
 * 1 only when an engine failed to run.
 */
import { ENGINE_NAMES, type EngineName } from './engines';
import { runAndReport } from './index';
import { CORPUS_NAMES, type CorpusName } from './suite';

function listOption<T extends string>(name: string, allowed: readonly T[]): T[] | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (!arg) return undefined;
  const values = arg.slice(name.length + 3).split(',');
  const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
  if (unknown.length > 0)
    throw new Error(`unknown ${name}: ${unknown.join(', ')} (known: ${allowed.join(', ')})`);
  return values as T[];
}

const options = {
  corpora: listOption<CorpusName>('corpora', CORPUS_NAMES),
  engines: listOption<EngineName>('engines', ENGINE_NAMES),
};
const result = await runAndReport({
  full: process.argv.includes('--full'),
  ...(options.corpora ? { corpora: options.corpora } : {}),
  ...(options.engines ? { engines: options.engines } : {}),
});
if (result.failures.length > 0) process.exitCode = 1;
