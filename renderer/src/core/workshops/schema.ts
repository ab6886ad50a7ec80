import { z } from 'zod';
import { boundedText, requiredText, storedDocId, uniqueList } from '../common/storedFields';
import { WORKSHOP_LIMITS } from '../content/frontMatter';
import { RECORD_ID_PATTERN } from '../common/recordIds';
import { isMemberId } from '../team/hlc';
import { type BlockId, type CaptureId, type SessionId, type UserWorkshopId } from './ids';
import {
  QUESTION_ID_PATTERN,
  QUESTION_KINDS,
  QUESTION_LIMITS,
  questionShapeProblems,
} from './blockQuestions';

/**
 * The current format of the workshops database (stored under the `workshops` key). Bump it,
 * describe the change in `migrations.ts` and add a migration when the shape changes.
 */
export const WORKSHOPS_SCHEMA_VERSION = 3;

/** Field limits: generous for real sessions, small enough to keep a bad import harmless. */
export const USER_LIMITS = {
  title: 200,
  summary: 1_000,
  audience: 200,
  blockTitle: 120,
  purpose: 1_000,
  longText: 8_000,
  materialItem: 200,
  materials: WORKSHOP_LIMITS.materials,
  documents: WORKSHOP_LIMITS.documents,
  blocks: WORKSHOP_LIMITS.blocks,
  blockMinutes: WORKSHOP_LIMITS.blockMinutes,
  questions: QUESTION_LIMITS.perBlock,
  workshops: 500,
  sessions: 2_000,
  notes: 2_000,
  noteText: 1_000,
  votes: 100,
  options: 40,
  dots: 10_000,
  dotsPerPerson: 50,
  participant: 80,
  /** Upvotes of a note from the room (a room holds at most 300 participants). */
  upvotes: 100_000,
} as const;

const storeId = <T extends string>() =>
  z
    .string()
    .regex(RECORD_ID_PATTERN, { error: 'problems:field.recordId' })
    .transform((value) => value as T);

/** An ISO timestamp such as `2026-11-26T14:05:00.000Z` (as `Date.toISOString()` writes it). */
const timestamp = z.iso.datetime({ error: 'problems:field.dateTime' });

const memberId = z.string().refine(isMemberId, { error: 'problems:field.memberId' });

const minutes = (max: number) =>
  z
    .number()
    .int({ error: 'problems:field.wholeMinutes' })
    .min(1, { error: 'problems:field.tooFewMinutes' })
    .max(max, { error: 'problems:field.tooManyMinutes' });

const uniqueIds = <T extends { id: string }>(list: readonly T[]) =>
  new Set(list.map((item) => item.id)).size === list.length;

/**
 * A question the block asks the room (`blockQuestions.ts`): options and dots as its kind needs
 * (problems named `problems:field.question.*`).
 */
export const blockQuestionSchema = z
  .strictObject({
    id: z
      .string()
      .max(QUESTION_LIMITS.id, { error: 'problems:field.tooLong' })
      .regex(QUESTION_ID_PATTERN, { error: 'problems:field.questionId' }),
    kind: z.enum(QUESTION_KINDS),
    prompt: requiredText(QUESTION_LIMITS.prompt),
    options: z
      .array(requiredText(QUESTION_LIMITS.optionLabel))
      .max(QUESTION_LIMITS.options, { error: 'problems:field.tooManyOptions' }),
    dots: z.number().int().min(0).max(QUESTION_LIMITS.dots),
  })
  .superRefine((question, ctx) => {
    for (const { field, problem } of questionShapeProblems(question))
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `problems:field.question.${problem}`,
        params: { minimum: QUESTION_LIMITS.minOptions, maximum: QUESTION_LIMITS.options },
      });
  });

export const userBlockSchema = z.strictObject({
  id: storeId<BlockId>(),
  title: requiredText(USER_LIMITS.blockTitle),
  minutes: minutes(USER_LIMITS.blockMinutes),
  purpose: boundedText(USER_LIMITS.purpose),
  facilitatorNotes: boundedText(USER_LIMITS.longText),
  materials: z.array(requiredText(USER_LIMITS.materialItem)).max(USER_LIMITS.materials),
  activity: boundedText(USER_LIMITS.longText),
  documents: uniqueList(storedDocId, USER_LIMITS.documents, 'documents'),
  /** Questions for the room, in the order the presenter offers them (version 3). */
  questions: z
    .array(blockQuestionSchema)
    .max(USER_LIMITS.questions, { error: 'problems:field.tooManyQuestions' })
    .refine(uniqueIds, { error: 'problems:field.questionIdTwice' }),
});

export const userWorkshopSchema = z.strictObject({
  id: storeId<UserWorkshopId>(),
  title: requiredText(USER_LIMITS.title),
  summary: boundedText(USER_LIMITS.summary),
  audience: boundedText(USER_LIMITS.audience),
  /** The bundled workshop this one was duplicated from, if any. */
  basedOn: storedDocId.nullable(),
  /** The length the trainer is aiming for; null: no target. */
  targetMinutes: minutes(24 * 60).nullable(),
  /** Planned start, `HH:MM` (24-hour); null: not set. */
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'problems:field.timeOfDay' })
    .nullable(),
  blocks: z
    .array(userBlockSchema)
    .max(USER_LIMITS.blocks, { error: 'problems:field.tooManyBlocks' })
    .refine(uniqueIds, { error: 'problems:field.blockIdTwice' }),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const voteOptionSchema = z.strictObject({
  id: storeId<CaptureId>(),
  label: requiredText(USER_LIMITS.blockTitle),
});

export const dotVoteSchema = z.strictObject({
  id: storeId<CaptureId>(),
  question: requiredText(USER_LIMITS.noteText),
  options: z
    .array(voteOptionSchema)
    .min(1, { error: 'problems:field.noOption' })
    .max(USER_LIMITS.options)
    .refine(uniqueIds, { error: 'problems:field.optionIdTwice' }),
  dotsPerPerson: z.number().int().min(1).max(USER_LIMITS.dotsPerPerson),
  maxDotsPerOption: z.number().int().min(1).max(USER_LIMITS.dotsPerPerson).nullable(),
  dots: z
    .array(
      z.strictObject({
        participant: requiredText(USER_LIMITS.participant),
        optionId: storeId<CaptureId>(),
      }),
    )
    .max(USER_LIMITS.dots),
});

export const stickyNoteSchema = z.strictObject({
  id: storeId<CaptureId>(),
  text: requiredText(USER_LIMITS.noteText),
  /** The block that was running when the note was taken; null: the session as a whole. */
  blockIndex: z.number().int().min(0).max(USER_LIMITS.blocks).nullable(),
  createdAt: timestamp,
  /**
   * Who wrote it, as the room showed their name (version 3); null: the trainer took the note, or
   * a participant stayed anonymous.
   */
  author: requiredText(USER_LIMITS.participant).nullable(),
  /**
   * Upvotes the note had in the room (version 3); null: it was not counted (the trainer's own
   * notes, and every note recorded before version 3).
   */
  upvotes: z.number().int().min(0).max(USER_LIMITS.upvotes).nullable(),
});

/** Which workshop a session ran: a bundled one (by document id) or a user one. */
export const workshopRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bundled'), docId: storedDocId }),
  z.strictObject({ kind: z.literal('user'), id: storeId<UserWorkshopId>() }),
]);

export const sessionSchema = z.strictObject({
  id: storeId<SessionId>(),
  workshop: workshopRefSchema,
  /** The workshop's title when the session ran (it survives renaming or deletion). */
  workshopTitle: requiredText(USER_LIMITS.title),
  startedAt: timestamp,
  notes: z
    .array(stickyNoteSchema)
    .max(USER_LIMITS.notes)
    .refine(uniqueIds, { error: 'problems:field.noteIdTwice' }),
  votes: z
    .array(dotVoteSchema)
    .max(USER_LIMITS.votes)
    .refine(uniqueIds, { error: 'problems:field.voteIdTwice' }),
  /** "Share with team" (issue 16): the session and its captures go to the team folder. */
  shared: z.boolean(),
  /**
   * The member who last shared the session (null: never shared). Kept when sharing stops, so the
   * withdrawal travels to the team too (as a plan's).
   */
  sharedBy: memberId.nullable(),
});

/** The workshops database, current version. */
export const workshopsDatabaseSchema = z.strictObject({
  schemaVersion: z.literal(WORKSHOPS_SCHEMA_VERSION),
  workshops: z
    .array(userWorkshopSchema)
    .max(USER_LIMITS.workshops)
    .refine(uniqueIds, { error: 'problems:field.workshopIdTwice' }),
  sessions: z
    .array(sessionSchema)
    .max(USER_LIMITS.sessions)
    .refine(uniqueIds, { error: 'problems:field.sessionIdTwice' }),
});

export type StoredBlockQuestion = z.output<typeof blockQuestionSchema>;
export type UserBlock = z.output<typeof userBlockSchema>;
export type UserWorkshop = z.output<typeof userWorkshopSchema>;
export type StickyNote = z.output<typeof stickyNoteSchema>;
export type StoredDotVote = z.output<typeof dotVoteSchema>;
export type WorkshopRef = z.output<typeof workshopRefSchema>;
export type WorkshopSession = z.output<typeof sessionSchema>;
export type WorkshopsDatabase = z.output<typeof workshopsDatabaseSchema>;

/** An empty workshops database, for a first start. */
export function emptyWorkshopsDatabase(): WorkshopsDatabase {
  return { schemaVersion: WORKSHOPS_SCHEMA_VERSION, workshops: [], sessions: [] };
}
