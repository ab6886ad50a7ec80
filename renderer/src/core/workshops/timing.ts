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
 * A clock time as Canadian English writes it for people: `9:30 a.m.`, `12:00 p.m.` (noon),
 * `12:15 a.m.` (just after midnight).
 */
export function formatClockTime12h(minutes: number): string {
  const [h = 0, m = 0] = formatClockTime(minutes).split(':').map(Number);
  const suffix = h < 12 ? 'a.m.' : 'p.m.';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}:${String(m).padStart(2, '0')} ${suffix}`;
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
  /** A sentence for people, e.g. "15 minutes over the 90-minute target". */
  message: string;
}

/** Compares the blocks' total with a target length. */
export function compareWithTarget(
  blocks: readonly TimedBlock[],
  targetMinutes: number,
): TargetComparison {
  const total = totalMinutes(blocks);
  const difference = Math.abs(total - targetMinutes);
  const target = `the ${formatDuration(targetMinutes)} target`;
  if (total === targetMinutes)
    return {
      status: 'on-target',
      totalMinutes: total,
      targetMinutes,
      differenceMinutes: 0,
      message: `Exactly ${target}`,
    };
  const status = total > targetMinutes ? 'over' : 'under';
  return {
    status,
    totalMinutes: total,
    targetMinutes,
    differenceMinutes: difference,
    message: `${formatDuration(difference)} ${status} ${target}`,
  };
}

/** A length for people: `45 min`, `1 h`, `1 h 30 min`. */
export function formatDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
