import { totalMinutes, type TimedBlock } from './timing';

/** Where the trainer stands against the block's planned minutes (the UI words it). */
export type PacingStatus = 'on-track' | 'running-long' | 'over';

/** The pacing of the current block. */
export interface Pacing {
  status: PacingStatus;
  plannedSeconds: number;
  elapsedSeconds: number;
  /** Seconds left in the block; negative once over. */
  remainingSeconds: number;
  /** Elapsed share of the planned time (1 = all of it used). */
  fractionUsed: number;
}

/** When a block counts as running long. */
export interface PacingOptions {
  /**
   * Share of the planned time after which the block is running long when the position within
   * the block is unknown. Default 0.8: the last fifth of a block is the time to wrap up.
   */
  warnAt?: number;
  /**
   * How far through the block's slides the trainer is (0 to 1, e.g. slide 3 of 4 is 0.75). When
   * given, the block is running long once the time used is ahead of the slides shown by more than
   * `slackSeconds`, so a slow start shows early.
   */
  progress?: number;
  /** Allowed lead of time over progress, in seconds. Default: a tenth of the block, at least 60. */
  slackSeconds?: number;
}

/**
 * Compares the time spent in a block with its planned minutes: `over` past the plan, `running-long`
 * when the time used runs ahead of the slides shown (or into the last fifth of the block when the
 * position is unknown), `on-track` otherwise.
 */
export function blockPacing(
  elapsedSeconds: number,
  plannedMinutes: number,
  options: PacingOptions = {},
): Pacing {
  const planned = Math.max(0, plannedMinutes * 60);
  const elapsed = Math.max(0, elapsedSeconds);
  const fractionUsed = planned === 0 ? (elapsed > 0 ? Infinity : 0) : elapsed / planned;
  let status: PacingStatus;
  if (elapsed > planned) status = 'over';
  else if (options.progress !== undefined) {
    const progress = Math.min(1, Math.max(0, options.progress));
    const slack = options.slackSeconds ?? Math.max(60, planned / 10);
    status = elapsed > progress * planned + slack ? 'running-long' : 'on-track';
  } else status = fractionUsed >= (options.warnAt ?? 0.8) ? 'running-long' : 'on-track';
  return {
    status,
    plannedSeconds: planned,
    elapsedSeconds: elapsed,
    remainingSeconds: planned - elapsed,
    fractionUsed,
  };
}

/**
 * Where the whole session stands: how far ahead (+) or behind (-) schedule the trainer is, in
 * seconds, given the block now shown and the time since the session started.
 */
export function sessionDrift(
  blocks: readonly TimedBlock[],
  currentBlock: number,
  sessionElapsedSeconds: number,
): number {
  const plannedBefore = totalMinutes(blocks.slice(0, Math.max(0, currentBlock))) * 60;
  const plannedEnd = plannedBefore + (blocks[currentBlock]?.minutes ?? 0) * 60;
  // Inside the block's planned window the trainer is on schedule; before or after it, the gap.
  if (sessionElapsedSeconds < plannedBefore) return plannedBefore - sessionElapsedSeconds;
  if (sessionElapsedSeconds > plannedEnd) return plannedEnd - sessionElapsedSeconds;
  return 0;
}

/** `m:ss`, or `h:mm:ss` past an hour; a leading minus for negative values (time over). */
export function formatClockDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${ss}` : `${sign}${m}:${ss}`;
}
