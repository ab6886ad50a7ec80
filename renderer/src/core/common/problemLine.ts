import { MAX_PROBLEM_LENGTH } from '../safeJson/budgets';
import { isLowSurrogate } from '../safeJson/utf8ByteLength';
import { messageRef, type MessageRef } from './messageRef';

/**
 * One problem found in a file or a value, as data: where it is (`path`, such as
 * `planner.tasks.3.title`; absent for the file or document as a whole, which the UI words as
 * "(file)" or "(document)"), what is wrong (`ref`, a `problems:` message) and, for stored data
 * that was repaired, what was done about it (`outcome`, e.g. "item dropped"). Core has no words:
 * the UI shows `path: problem; outcome` through `wordProblems` (`ui/common/i18n/wordMessage.ts`).
 * Plain data, so lines cross to and from the import worker as they are.
 */
export interface ProblemLine {
  readonly path?: string;
  readonly ref: MessageRef;
  readonly outcome?: MessageRef;
}

/** `line` with what was done about it, a `problems:outcome.*` message such as "item dropped". */
export function withOutcome(
  line: ProblemLine,
  outcomeKey: string,
  values?: MessageRef['values'],
): ProblemLine {
  return { ...line, outcome: messageRef(outcomeKey, values && boundedValues(values)) };
}

/**
 * A problem line whose text values are cut to a readable length: values quoted from a crafted
 * file (an id, a field name) can be megabytes long, and lines are kept until the user has seen
 * them. `path` is cut the same way.
 */
export function problemLine(
  path: string | undefined,
  key: string,
  values?: MessageRef['values'],
): ProblemLine {
  const ref = messageRef(key, values && boundedValues(values));
  return path === undefined ? { ref } : { path: shortened(path), ref };
}

function boundedValues(values: NonNullable<MessageRef['values']>): MessageRef['values'] {
  const bounded: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    bounded[name] = typeof value === 'string' ? shortened(value) : value;
  }
  return bounded;
}

/** Cuts text to `MAX_PROBLEM_LENGTH` characters, never inside a surrogate pair. */
export function shortened(line: string): string {
  if (line.length <= MAX_PROBLEM_LENGTH) return line;
  let end = MAX_PROBLEM_LENGTH - 1;
  if (isLowSurrogate(line.charCodeAt(end))) end--;
  return `${line.slice(0, end)}…`;
}
