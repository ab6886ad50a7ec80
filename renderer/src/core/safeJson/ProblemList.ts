import { formatCount } from '../format/count';
import { MAX_COUNTED_PROBLEMS, MAX_LISTED_PROBLEMS, MAX_PROBLEM_LENGTH } from './budgets';
import { isLowSurrogate } from './utf8ByteLength';

/** How a problem line names the file (or value) as a whole: `(file): the file is empty`. */
export const WHOLE_FILE = '(file)';

/**
 * Problems found in a file, kept bounded whatever the file holds: the first `maxListed` are kept
 * (each cut to `MAX_PROBLEM_LENGTH`), the rest only counted, and `full` tells checks to stop once
 * `maxCounted` are known. `lines()` ends with "(file): and N more problems".
 */
export class ProblemList {
  private readonly listed: string[] = [];
  private counted = 0;

  constructor(
    readonly maxListed: number = MAX_LISTED_PROBLEMS,
    readonly maxCounted: number = MAX_COUNTED_PROBLEMS,
  ) {}

  /**
   * Counts a problem, and keeps it while fewer than `maxListed` are kept. Pass a function to
   * build the line only when it is kept (paths are built from parent links on demand).
   */
  add(problem: string | (() => string)): void {
    this.counted++;
    if (this.listed.length < this.maxListed) {
      this.listed.push(shortened(typeof problem === 'string' ? problem : problem()));
    }
  }

  /** Counts problems that are not worth listing one by one (more of a kind already shown). */
  addUnlisted(count: number): void {
    this.counted += count;
  }

  /** Every problem counted, listed or not. */
  get size(): number {
    return this.counted;
  }

  /** True once enough problems are known: checks stop, and the count becomes "at least". */
  get full(): boolean {
    return this.counted >= this.maxCounted;
  }

  /** The kept problems, then a line saying how many more there are (if any). */
  lines(): string[] {
    const more = this.counted - this.listed.length;
    return more > 0 ? [...this.listed, moreProblemsLine(more, this.full)] : [...this.listed];
  }
}

/**
 * Problem lines gathered elsewhere, bounded as a `ProblemList` bounds them: the first `max`, each
 * cut to a readable length, then how many more there were.
 */
export function capErrors(errors: Iterable<string>, max: number = MAX_LISTED_PROBLEMS): string[] {
  const problems = new ProblemList(max, Infinity);
  for (const error of errors) problems.add(error);
  return problems.lines();
}

/** Longest path shown in full; deeper ones are cut so the message stays readable. */
const MAX_SHOWN_PATH = 12;

/**
 * A path as problem lines show it, such as `planner.tasks.3.title`: `whole` when it is empty (the
 * value as a whole), and cut after a dozen steps.
 */
export function problemPath(path: readonly (string | number)[], whole = WHOLE_FILE): string {
  if (path.length === 0) return whole;
  const shown = path.slice(0, MAX_SHOWN_PATH).join('.');
  return path.length > MAX_SHOWN_PATH ? `${shown}...` : shown;
}

/** Cuts a line to `MAX_PROBLEM_LENGTH` characters, never inside a surrogate pair. */
export function shortened(line: string): string {
  if (line.length <= MAX_PROBLEM_LENGTH) return line;
  let end = MAX_PROBLEM_LENGTH - 1;
  if (isLowSurrogate(line.charCodeAt(end))) end--;
  return `${line.slice(0, end)}…`;
}

function moreProblemsLine(more: number, stopped: boolean): string {
  return stopped
    ? `${WHOLE_FILE}: and at least ${formatCount(more)} more problems (checking stopped there)`
    : `${WHOLE_FILE}: and ${formatCount(more)} more problems`;
}
