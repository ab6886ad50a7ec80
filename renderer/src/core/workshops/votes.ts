import type { CaptureId } from './ids';

/** One option of a dot vote. */
export interface VoteOption {
  id: CaptureId;
  label: string;
}

/** One dot: a participant (a name, initials or a seat number) put it on an option. */
export interface Dot {
  participant: string;
  optionId: CaptureId;
}

/** A dot vote, e.g. "Which three priorities matter most?" with three dots per person. */
export interface DotVote {
  id: CaptureId;
  question: string;
  options: VoteOption[];
  /** How many dots each participant may place in all. */
  dotsPerPerson: number;
  /** How many of a participant's dots may go on one option; null: no limit but dotsPerPerson. */
  maxDotsPerOption: number | null;
  /** Dots in the order they were placed. */
  dots: Dot[];
}

/** Why a dot was refused, for the capture panel to word. */
export type DotRefusal = 'no-dots-left' | 'option-limit' | 'unknown-option' | 'no-participant';

/** The outcome of placing a dot: the vote (unchanged when refused) and the reason if refused. */
export type PlaceDotResult =
  { ok: true; vote: DotVote } | { ok: false; vote: DotVote; reason: DotRefusal };

/** Participants are matched without regard to case or surrounding spaces ("Ana " is "ana"). */
export function participantKey(participant: string): string {
  return participant.trim().toLocaleLowerCase('en-CA');
}

/** The dots a participant has left to place. */
export function dotsLeft(vote: DotVote, participant: string): number {
  const key = participantKey(participant);
  const used = vote.dots.filter((d) => participantKey(d.participant) === key).length;
  return Math.max(0, vote.dotsPerPerson - used);
}

/** Places one dot, refusing it past the participant's dots or the per-option limit. */
export function placeDot(vote: DotVote, participant: string, optionId: CaptureId): PlaceDotResult {
  const name = participant.trim();
  if (name === '') return { ok: false, vote, reason: 'no-participant' };
  if (!vote.options.some((o) => o.id === optionId))
    return { ok: false, vote, reason: 'unknown-option' };
  if (dotsLeft(vote, name) === 0) return { ok: false, vote, reason: 'no-dots-left' };
  const key = participantKey(name);
  const onOption = vote.dots.filter(
    (d) => d.optionId === optionId && participantKey(d.participant) === key,
  ).length;
  if (vote.maxDotsPerOption !== null && onOption >= vote.maxDotsPerOption)
    return { ok: false, vote, reason: 'option-limit' };
  return { ok: true, vote: { ...vote, dots: [...vote.dots, { participant: name, optionId }] } };
}

/** Takes back a participant's most recent dot on an option (no change when there is none). */
export function removeDot(vote: DotVote, participant: string, optionId: CaptureId): DotVote {
  const key = participantKey(participant);
  const index = vote.dots.findLastIndex(
    (d) => d.optionId === optionId && participantKey(d.participant) === key,
  );
  if (index === -1) return vote;
  return { ...vote, dots: vote.dots.filter((_, i) => i !== index) };
}

/** One row of a tally. */
export interface TallyRow {
  optionId: CaptureId;
  label: string;
  votes: number;
  /** 1 for the most votes; tied options share a rank (1, 1, 3). */
  rank: number;
  /** Share of all counted dots, 0 to 1 (0 when no dots). */
  share: number;
}

/** The counted result of a dot vote. */
export interface Tally {
  rows: TallyRow[];
  /** Dots counted. */
  totalDots: number;
  /** Participants who placed at least one counted dot. */
  participants: number;
  /** Dots not counted: beyond a participant's allowance or on an option since removed. */
  ignoredDots: number;
}

/**
 * Counts a dot vote: each participant's dots in the order placed, at most `dotsPerPerson` in all
 * and `maxDotsPerOption` per option (stored or imported data may break the rules the UI keeps),
 * dots on removed options ignored. Rows are sorted by votes, most first; ties keep the options'
 * own order, so a tally never reshuffles between two equal counts.
 */
export function tallyVotes(vote: DotVote): Tally {
  const counts = new Map(vote.options.map((o) => [o.id, 0]));
  const used = new Map<string, number>();
  const usedOnOption = new Map<string, number>();
  let ignoredDots = 0;
  for (const dot of vote.dots) {
    const key = participantKey(dot.participant);
    const perOptionKey = `${key}\u0000${dot.optionId}`;
    const current = counts.get(dot.optionId);
    const overAllowance = (used.get(key) ?? 0) >= vote.dotsPerPerson;
    const overOption =
      vote.maxDotsPerOption !== null &&
      (usedOnOption.get(perOptionKey) ?? 0) >= vote.maxDotsPerOption;
    if (current === undefined || key === '' || overAllowance || overOption) {
      ignoredDots++;
      continue;
    }
    counts.set(dot.optionId, current + 1);
    used.set(key, (used.get(key) ?? 0) + 1);
    usedOnOption.set(perOptionKey, (usedOnOption.get(perOptionKey) ?? 0) + 1);
  }
  const totalDots = [...counts.values()].reduce((a, b) => a + b, 0);
  // Array.prototype.sort is stable, so equal counts keep the options' order.
  const sorted = vote.options
    .map((o) => ({ optionId: o.id, label: o.label, votes: counts.get(o.id) ?? 0 }))
    .sort((a, b) => b.votes - a.votes);
  const rows = sorted.map((row, i) => {
    const firstWithCount = sorted.findIndex((r) => r.votes === row.votes);
    return {
      ...row,
      rank: (firstWithCount === -1 ? i : firstWithCount) + 1,
      share: totalDots === 0 ? 0 : row.votes / totalDots,
    };
  });
  return { rows, totalDots, participants: used.size, ignoredDots };
}
