import type { Scheduler } from '../../../renderer/src/core/store/Scheduler';

/**
 * A complete scheduler whose clock moves only when a test says so: `advance(ms)` runs every task
 * that falls due, in time order. It lets store tests check each debounce step without waiting.
 */
export class ManualScheduler implements Scheduler {
  private now = 0;
  private readonly tasks = new Set<{ at: number; task: () => void }>();

  after(ms: number, task: () => void): () => void {
    const entry = { at: this.now + ms, task };
    this.tasks.add(entry);
    return () => this.tasks.delete(entry);
  }

  /** Tasks scheduled and not yet run or cancelled. */
  get waiting(): number {
    return this.tasks.size;
  }

  /** Moves the clock on by `ms`, running what falls due on the way, earliest first. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.tasks].filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.tasks.delete(due);
      this.now = due.at;
      due.task();
    }
    this.now = until;
  }
}
