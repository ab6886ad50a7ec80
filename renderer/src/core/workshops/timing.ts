/** Minutes in a day: start times wrap past midnight. */
const DAY_MINUTES = 24 * 60;

/** What timing needs of a block: its planned length. */
export interface TimedBlock {
  minutes: number;
}

/** A block placed on the clock. */
export interface ScheduledBlock {
  index: number;
  /** Minutes since midnight of the start day (may pass 1440 when a session runs past midnight). */
  startMinutes: number;
  endMinutes: number;
  /** `HH:MM` on a 24-hour clock, wrapped to the day. */
  start: string;
  end: string;
}

/** The total length of a list of blocks, in minutes. */
export function totalMinutes(blocks: readonly TimedBlock[]): number {
  return blocks.reduce((sum, block) => sum + block.minutes, 0);
}

/**
 * Reads a clock time written `H:MM` or `HH:MM` (24-hour, as an `<input type="time">` gives it)
 * and returns minutes since midnight, or null when it is not a real time.
 */
export function parseClockTime(value: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** `HH:MM` (24-hour) for minutes since midnight, wrapping past midnight. */
export function formatClockTime(minutes: number): string {
  const wrapped = ((Math.round(minutes) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const h = Math.floor(wrapped / 60);
  const m = wrapped % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * Places blocks one after the other from a start time (minutes since midnight): each block starts
 * when the previous one ends, as on a printed agenda.
 */
export function scheduleBlocks(
  blocks: readonly TimedBlock[],
  startMinutes: number,
): ScheduledBlock[] {
  let clock = startMinutes;
  return blocks.map((block, index) => {
    const start = clock;
    clock += block.minutes;
    return {
      index,
      startMinutes: start,
      endMinutes: clock,
      start: formatClockTime(start),
      end: formatClockTime(clock),
    };
  });
}

/** How an agenda's length compares with the length the trainer wants. */
export interface TargetComparison {
  status: 'on-target' | 'under' | 'over';
  totalMinutes: number;
  targetMinutes: number;
  /** Positive: minutes to cut (over) or minutes free (under); 0 on target. */
  differenceMinutes: number;
}

/** Compares the blocks' total with a target length (the UI words it). */
export function compareWithTarget(
  blocks: readonly TimedBlock[],
  targetMinutes: number,
): TargetComparison {
  const total = totalMinutes(blocks);
  return {
    status: total === targetMinutes ? 'on-target' : total > targetMinutes ? 'over' : 'under',
    totalMinutes: total,
    targetMinutes,
    differenceMinutes: Math.abs(total - targetMinutes),
  };
}

/** A length in whole hours and the minutes left over (90 is 1 and 30), for the UI to word. */
export interface DurationParts {
  hours: number;
  minutes: number;
}

/** Splits a length in minutes into hours and minutes, rounded to whole minutes, never negative. */
export function durationParts(minutes: number): DurationParts {
  const whole = Math.max(0, Math.round(minutes));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}
