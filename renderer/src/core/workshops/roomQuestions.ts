/**
 * A workshop's questions as the room asks them (issue 17): each block question becomes the room
 * protocol's `RoomQuestion`, its id `b<block index>-<question id>` (unique in the workshop, and
 * the same every time the question is made current), its options `o1`, `o2`, ... in order. The
 * presenter lists them by block (`roomQuestionsByBlock`); the capture maps results back through
 * the same ids (`roomCapture.ts`).
 */
import type { RoomQuestion } from '../room/protocol';
import type { BlockQuestion } from './blockQuestions';

/** What a block needs to offer its questions (bundled and user blocks both fit). */
export interface QuestionBlock {
  title: string;
  questions: readonly BlockQuestion[];
}

/** One block question, ready to make current in the room. */
export interface WorkshopRoomQuestion {
  /** The block asking it, by index in the workshop's blocks (as captured notes name blocks). */
  blockIndex: number;
  /** The question as the workshop holds it. */
  source: BlockQuestion;
  /** The question as the room takes it (`{ type: 'question', question }`). */
  question: RoomQuestion;
}

/** The questions of one block, for the presenter's list. */
export interface BlockRoomQuestions {
  blockIndex: number;
  blockTitle: string;
  questions: WorkshopRoomQuestion[];
}

/** The room's id of a block's question: `b<block index>-<question id>`, e.g. `b4-first-steps`. */
export function roomQuestionId(blockIndex: number, questionId: string): string {
  return `b${blockIndex}-${questionId}`;
}

/**
 * The block index and question id a room question id names (`b4-first-steps`: 4 and
 * `first-steps`), or null when it is not one (`roomQuestionId` read back).
 */
export function parseRoomQuestionId(
  roomId: string,
): { blockIndex: number; questionId: string } | null {
  const match = /^b(\d+)-(.+)$/.exec(roomId);
  if (!match) return null;
  return { blockIndex: Number(match[1]), questionId: match[2] as string };
}

/** The room's id of the option at `index` (from 0): `o1`, `o2`, ... */
export function roomOptionId(index: number): string {
  return `o${index + 1}`;
}

/** The option label a room option id names, or undefined when the question has no such option. */
export function optionLabel(question: RoomQuestion, optionId: string): string | undefined {
  return question.options.find((o) => o.id === optionId)?.label;
}

/** A block's question as the room protocol's question. */
export function toRoomQuestion(blockIndex: number, question: BlockQuestion): RoomQuestion {
  return {
    id: roomQuestionId(blockIndex, question.id),
    kind: question.kind,
    prompt: question.prompt,
    options: question.options.map((label, index) => ({ id: roomOptionId(index), label })),
    dots: question.dots,
  };
}

/** Every question of a workshop, block by block; blocks without questions are left out. */
export function roomQuestionsByBlock(blocks: readonly QuestionBlock[]): BlockRoomQuestions[] {
  const byBlock: BlockRoomQuestions[] = [];
  blocks.forEach((block, blockIndex) => {
    if (block.questions.length === 0) return;
    byBlock.push({
      blockIndex,
      blockTitle: block.title,
      questions: block.questions.map((source) => ({
        blockIndex,
        source,
        question: toRoomQuestion(blockIndex, source),
      })),
    });
  });
  return byBlock;
}

/** The workshop question with this room id, or null (e.g. the block was removed since). */
export function findRoomQuestion(
  blocks: readonly QuestionBlock[],
  roomId: string,
): WorkshopRoomQuestion | null {
  const parsed = parseRoomQuestionId(roomId);
  if (!parsed) return null;
  const { blockIndex, questionId } = parsed;
  const source = blocks[blockIndex]?.questions.find((q) => q.id === questionId);
  return source ? { blockIndex, source, question: toRoomQuestion(blockIndex, source) } : null;
}
