/**
 * Run by boundedMemory.test.ts in a Node process whose heap is capped: reads one file, imports it
 * through the real importer and prints the outcome, worded, as one JSON line. Should the importer need more
 * memory than the cap, V8 stops the process, and the test sees that exit.
 *
 * Usage: node --max-old-space-size=<MB> --import tsx importInChild.ts <planner|annotations> <file> [docId]
 */
import { readFileSync } from 'node:fs';
import { importAnnotationCollection } from '../../../renderer/src/core/annotations/exchange/importAnnotationCollection';
import { emptyAnnotationsDatabase } from '../../../renderer/src/core/annotations/schema';
import { parseBackup } from '../../../renderer/src/core/planner/import/parseBackup';
import { wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';

const [kind, file, docId = ''] = process.argv.slice(2);
if ((kind !== 'planner' && kind !== 'annotations') || !file) {
  throw new Error('usage: importInChild.ts <planner|annotations> <file> [docId]');
}
const text = readFileSync(file, 'utf8');
const outcome =
  kind === 'planner'
    ? (() => {
        const result = parseBackup(text);
        return result.ok
          ? { ok: true, lines: [] }
          : { ok: false, lines: [result.message.key, ...wordProblems(result.problems)] };
      })()
    : (() => {
        const result = importAnnotationCollection(text, {
          knownDocIds: new Set([docId]),
          local: emptyAnnotationsDatabase(),
        });
        return result.ok
          ? { ok: true, lines: [] }
          : { ok: false, lines: wordProblems(result.errors) };
      })();
process.stdout.write(`${JSON.stringify(outcome)}\n`);
