import { problemLine, type ProblemLine } from '../common/problemLine';
import { MAX_COUNTED_PROBLEMS, MAX_LISTED_PROBLEMS } from './budgets';

/**
 * Problems found in a file, kept bounded whatever the file holds: the first `maxListed` are kept
 * (their quoted values cut to `MAX_PROBLEM_LENGTH` by `problemLine`), the rest only counted, and
 * `full` tells checks to stop once `maxCounted` are known. `lines()` ends with "(file): and N
 * more problems".
 */
export class ProblemList {
  private readonly listed: ProblemLine[] = [];
  private counted = 0;

  constructor(
    readonly maxListed: number = MAX_LISTED_PROBLEMS,
    readonly maxCounted: number = MAX_COUNTED_PROBLEMS,
  ) {}

  /**
   * Counts a problem, and keeps it while fewer than `maxListed` are kept. Pass a function to
   * build the line only when it is kept (paths are built from parent links on demand).
   */
  add(problem: ProblemLine | (() => ProblemLine)): void {
    this.counted++;
    if (this.listed.length < this.maxListed) {
      this.listed.push(typeof problem === 'function' ? problem() : problem);
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
  lines(): ProblemLine[] {
    const more = this.counted - this.listed.length;
    return more > 0 ? [...this.listed, moreProblemsLine(more, this.full)] : [...this.listed];
  }
}

/**
 * Problem lines gathered elsewhere, bounded as a `ProblemList` bounds them: the first `max`, each
 * cut to a readable length, then how many more there were.
 */
export function capErrors(
  errors: Iterable<ProblemLine>,
  max: number = MAX_LISTED_PROBLEMS,
): ProblemLine[] {
  const problems = new ProblemList(max, Infinity);
  for (const error of errors) problems.add(error);
  return problems.lines();
}

/** Longest path shown in full; deeper ones are cut so the message stays readable. */
const MAX_SHOWN_PATH = 12;

/**
 * A path as problem lines show it, such as `planner.tasks.3.title`: undefined when it is empty
 * (the value as a whole), and cut after a dozen steps.
 */
export function problemPath(path: readonly (string | number)[]): string | undefined {
  if (path.length === 0) return undefined;
  const shown = path.slice(0, MAX_SHOWN_PATH).join('.');
  return path.length > MAX_SHOWN_PATH ? `${shown}...` : shown;
}

/** "(file): and N more problems"; `stopped` when checking stopped once enough were known. */
function moreProblemsLine(more: number, stopped: boolean): ProblemLine {
  return problemLine(undefined, stopped ? 'problems:more.stopped' : 'problems:more.all', {
    count: more,
  });
}
