/**
 * Editing the questions a user workshop's block asks the room (issue 17), one at a time. Ids are
 * made here (`q1`, `q2`, ...), never typed: the trainer writes the question, the room needs only
 * a stable id. Each operation goes through `updateBlock`, so the block schema checks the result.
 */
import { messageRef } from '../common/messageRef';
import {
  QUESTION_LIMITS,
  questionShapeProblems,
  takesOptions,
  type BlockQuestion,
  type QuestionKind,
} from './blockQuestions';
import { WorkshopError } from './errors';
import type { BlockId, UserWorkshopId } from './ids';
import type { UserBlock, WorkshopsDatabase } from './schema';
import { requireWorkshop, updateBlock } from './workshopOperations';

/** What the trainer fills in for a question. */
export interface QuestionInput {
  kind: QuestionKind;
  prompt: string;
  /** Option labels in the order shown; blank ones are dropped, ignored for notes and Q&A. */
  options: readonly string[];
  /** Dots per person of a dot vote (a poll has 1, notes and Q&A none, whatever is given). */
  dots: number;
}

/** The question `input` describes, as stored: trimmed, with options and dots its kind takes. */
export function questionFrom(input: QuestionInput, id: string): BlockQuestion {
  const options = takesOptions(input.kind)
    ? input.options.map((o) => o.trim()).filter((o) => o !== '')
    : [];
  const dots = input.kind === 'dot-vote' ? input.dots : input.kind === 'poll' ? 1 : 0;
  return { id, kind: input.kind, prompt: input.prompt.trim(), options, dots };
}

/** What can be wrong with what the trainer filled in, by field (the editor words it). */
export type QuestionInputProblem =
  | { field: 'prompt'; problem: 'promptMissing' | 'promptTooLong' }
  | { field: 'options'; problem: 'optionsCount' | 'optionTooLong' | 'optionTwice' }
  | { field: 'dots'; problem: 'dotsRange' };

/**
 * The problems of a question as the trainer filled it in, in the order of the form's fields
 * (empty: `questionFrom` gives a question the block schema takes).
 */
export function questionInputProblems(input: QuestionInput): QuestionInputProblem[] {
  const question = questionFrom(input, 'q1');
  const problems: QuestionInputProblem[] = [];
  if (question.prompt === '') problems.push({ field: 'prompt', problem: 'promptMissing' });
  else if (question.prompt.length > QUESTION_LIMITS.prompt)
    problems.push({ field: 'prompt', problem: 'promptTooLong' });
  if (takesOptions(question.kind)) {
    const count = question.options.length;
    if (count < QUESTION_LIMITS.minOptions || count > QUESTION_LIMITS.options)
      problems.push({ field: 'options', problem: 'optionsCount' });
    else if (question.options.some((o) => o.length > QUESTION_LIMITS.optionLabel))
      problems.push({ field: 'options', problem: 'optionTooLong' });
    else if (questionShapeProblems(question).some((p) => p.problem === 'optionTwice'))
      problems.push({ field: 'options', problem: 'optionTwice' });
  }
  if (
    question.kind === 'dot-vote' &&
    !(
      Number.isInteger(question.dots) &&
      question.dots >= 1 &&
      question.dots <= QUESTION_LIMITS.dots
    )
  )
    problems.push({ field: 'dots', problem: 'dotsRange' });
  return problems;
}

/**
 * The id of a new question: `q<n>`, past the highest `n` the block's questions use, so a new
 * question does not take the id of one removed before it (results captured for that one name it).
 */
export function nextQuestionId(block: Pick<UserBlock, 'questions'>): string {
  const numbers = block.questions.map((q) => /^q(\d+)$/.exec(q.id)?.[1]).map(Number);
  return `q${Math.max(0, ...numbers.filter(Number.isSafeInteger)) + 1}`;
}

function requireBlock(db: WorkshopsDatabase, workshopId: UserWorkshopId, blockId: BlockId) {
  const block = requireWorkshop(db, workshopId).blocks.find((b) => b.id === blockId);
  if (!block) throw new WorkshopError(messageRef('workshops:errors.blockGone'));
  return block;
}

/** Adds a question at the end of a block's questions. */
export function addBlockQuestion(
  db: WorkshopsDatabase,
  workshopId: UserWorkshopId,
  blockId: BlockId,
  input: QuestionInput,
): { db: WorkshopsDatabase; question: BlockQuestion } {
  const block = requireBlock(db, workshopId, blockId);
  const question = questionFrom(input, nextQuestionId(block));
  const next = updateBlock(db, workshopId, blockId, {
    questions: [...block.questions, question],
  });
  return { db: next, question };
}

/** Changes a question (its id stays, so results already captured still name it). */
export function updateBlockQuestion(
  db: WorkshopsDatabase,
  workshopId: UserWorkshopId,
  blockId: BlockId,
  questionId: string,
  input: QuestionInput,
): WorkshopsDatabase {
  const block = requireBlock(db, workshopId, blockId);
  if (!block.questions.some((q) => q.id === questionId))
    throw new WorkshopError(messageRef('workshops:errors.questionGone'));
  const question = questionFrom(input, questionId);
  return updateBlock(db, workshopId, blockId, {
    questions: block.questions.map((q) => (q.id === questionId ? question : q)),
  });
}

/** Removes a question; returns it and where it was, for Undo. */
export function removeBlockQuestion(
  db: WorkshopsDatabase,
  workshopId: UserWorkshopId,
  blockId: BlockId,
  questionId: string,
): { db: WorkshopsDatabase; removed: { question: BlockQuestion; index: number } } {
  const block = requireBlock(db, workshopId, blockId);
  const index = block.questions.findIndex((q) => q.id === questionId);
  const question = block.questions[index];
  if (!question) throw new WorkshopError(messageRef('workshops:errors.questionGone'));
  return {
    db: updateBlock(db, workshopId, blockId, {
      questions: block.questions.filter((q) => q.id !== questionId),
    }),
    removed: { question, index },
  };
}

/** Puts a removed question back where it was, with its id (Undo). */
export function restoreBlockQuestion(
  db: WorkshopsDatabase,
  workshopId: UserWorkshopId,
  blockId: BlockId,
  removed: { question: BlockQuestion; index: number },
): WorkshopsDatabase {
  const block = requireBlock(db, workshopId, blockId);
  if (block.questions.some((q) => q.id === removed.question.id)) return db;
  const at = Math.max(0, Math.min(removed.index, block.questions.length));
  const questions = [...block.questions];
  questions.splice(at, 0, removed.question);
  return updateBlock(db, workshopId, blockId, { questions });
}
