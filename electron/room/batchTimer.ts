/**
 * At most one flush per interval: the first change after a quiet spell is flushed on the next
 * turn of the event loop (no needless wait), changes during a burst are gathered into the flush
 * one interval after the last one. 300 votes at once become a handful of events, not 300.
 */
export class BatchTimer {
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Something changed: make sure a flush is due. */
  markChanged(): void {
    if (this.timer !== null || this.stopped) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastFlush = this.now();
      this.flush();
    }, wait);
  }

  /** No flush after this one. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
