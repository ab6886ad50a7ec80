import type { MessageRef } from '../../../core/common/messageRef';
import { shortened, type ProblemLine } from '../../../core/common/problemLine';
import type { Applied } from '../../../core/store/StoreSession';
import { ProblemError } from '../../../core/common/ProblemError';
import { messageOf } from '../../../core/common/errorMessage';
import { i18n } from './i18n';

/**
 * Words a message core named. Core's keys are plain strings, so they are checked at run time: a
 * key missing from the catalogue shows the key itself rather than nothing, and the instance's
 * missing-key handler (i18n.ts) warns about it.
 */
export function wordMessage(ref: MessageRef): string {
  // The key is dynamic, so it cannot be checked against the catalogue's types.
  return (i18n.t as unknown as (key: string, values: object) => string)(ref.key, ref.values ?? {});
}

/**
 * What to show for a caught error: a feature's refusal in the user's language, else its message.
 * A refusal's problem lines fill its `{{problems}}` ("The task was not saved: …").
 */
export function wordError(error: unknown): string {
  if (error instanceof ProblemError && error.ref) {
    if (error.problems.length === 0) return wordMessage(error.ref);
    const problems = wordProblems(error.problems).join(i18n.t('problems:separator'));
    return wordMessage({ key: error.ref.key, values: { ...error.ref.values, problems } });
  }
  return messageOf(error);
}

/**
 * How a problem line names the file or document as a whole: "(file)" for a file being imported,
 * "(document)" for stored data being read.
 */
export type WholeName = 'file' | 'document';

/**
 * One problem line as the user reads it, `path: what is wrong; what was done`, cut to a readable
 * length (values quoted from a file are already bounded in core).
 */
export function wordProblem(line: ProblemLine, whole: WholeName = 'file'): string {
  const said = wordMessage(line.ref);
  const problem = line.outcome
    ? i18n.t('problems:withOutcome', { problem: said, outcome: wordMessage(line.outcome) })
    : said;
  const path = line.path ?? i18n.t(`problems:whole.${whole}`);
  return shortened(i18n.t('problems:line', { path, problem }));
}

/** Problem lines as the user reads them (see `wordProblem`). */
export function wordProblems(lines: readonly ProblemLine[], whole: WholeName = 'file'): string[] {
  return lines.map((line) => wordProblem(line, whole));
}

/** A store session's refusal of an operation in the user's language, or null when it was applied. */
export function wordRefusal(applied: Applied<unknown, unknown>): string | null {
  return applied.ok ? null : wordError(applied.refusal);
}
