/**
 * Questions a workshop block asks the room (issue 17): a dot vote over options, a single-choice
 * poll, open notes, or Q&A with upvotes. Bundled workshops write them in front matter
 * (`content/frontMatter.ts`), user workshops store them on their blocks (`schema.ts`); both
 * follow the rules here, and `roomQuestions.ts` turns one into the room protocol's question.
 *
 * No zod and no words: each schema words the problems its own way (English for authors, catalogue
 * keys for stored data).
 */
import { ROOM_LIMITS, ROOM_QUESTION_KINDS, type RoomQuestionKind } from '../room/protocol';

export { ROOM_QUESTION_KINDS as QUESTION_KINDS };
export type QuestionKind = RoomQuestionKind;

/** Limits of a block's questions; the room's own limits where the room shows the text. */
export const QUESTION_LIMITS = {
  /** Questions one block may carry. */
  perBlock: 10,
  /**
   * Characters of a question's id. The room's id is `b<block>-<id>` and must stay within the
   * room's 64 characters with up to 40 blocks (`b39-` is 4 more).
   */
  id: 40,
  prompt: ROOM_LIMITS.prompt,
  /** Options of a dot vote or a poll: at least two, at most the room shows. */
  minOptions: 2,
  options: ROOM_LIMITS.options,
  optionLabel: ROOM_LIMITS.optionLabel,
  /** Dots per person of a dot vote. */
  dots: ROOM_LIMITS.dotsPerPerson,
} as const;

/** A question id: lowercase letters and digits in words joined by single dashes, e.g. `priorities`. */
export const QUESTION_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One question of a block, as bundled front matter and user blocks both hold it. */
export interface BlockQuestion {
  id: string;
  kind: QuestionKind;
  /** The question as participants read it. */
  prompt: string;
  /** Option labels of a dot vote or a poll, in the order shown; empty for notes and Q&A. */
  options: string[];
  /** Dots per person: 1 to 10 for a dot vote, 1 for a poll, 0 for notes and Q&A. */
  dots: number;
}

/** Whether participants choose among options (dot vote, poll) rather than write (notes, Q&A). */
export function takesOptions(kind: QuestionKind): boolean {
  return kind === 'dot-vote' || kind === 'poll';
}

/**
 * The dots a question of this kind has when none are given: a poll is one choice, notes and Q&A
 * have none. A dot vote has no default (the trainer decides), so it is undefined.
 */
export function impliedDots(kind: QuestionKind): number | undefined {
  if (kind === 'poll') return 1;
  if (kind === 'dot-vote') return undefined;
  return 0;
}

/** What can be wrong with a question's options and dots for its kind. */
export type QuestionShapeProblem =
  'optionsNeeded' | 'optionsNotTaken' | 'optionTwice' | 'dotsNeeded' | 'pollDots' | 'dotsNotTaken';

/**
 * The problems of a question's options and dots for its kind, each with the field it is about
 * (empty: the question is well formed). Lengths and counts of each field are the schemas' to
 * check; this checks what depends on the kind, and options repeated (compared trimmed, ignoring
 * case, as participants would read them).
 */
export function questionShapeProblems(question: {
  kind: QuestionKind;
  options: readonly string[];
  dots: number;
}): Array<{ field: 'options' | 'dots'; problem: QuestionShapeProblem }> {
  const problems: Array<{ field: 'options' | 'dots'; problem: QuestionShapeProblem }> = [];
  const { kind, options, dots } = question;
  if (takesOptions(kind)) {
    if (options.length < QUESTION_LIMITS.minOptions)
      problems.push({ field: 'options', problem: 'optionsNeeded' });
    const keys = options.map((o) => o.trim().toLocaleLowerCase());
    if (new Set(keys).size !== keys.length)
      problems.push({ field: 'options', problem: 'optionTwice' });
    if (kind === 'poll' && dots !== 1) problems.push({ field: 'dots', problem: 'pollDots' });
    if (kind === 'dot-vote' && dots < 1) problems.push({ field: 'dots', problem: 'dotsNeeded' });
  } else {
    if (options.length > 0) problems.push({ field: 'options', problem: 'optionsNotTaken' });
    if (dots !== 0) problems.push({ field: 'dots', problem: 'dotsNotTaken' });
  }
  return problems;
}
