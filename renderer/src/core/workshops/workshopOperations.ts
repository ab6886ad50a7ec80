import { messageRef } from '../common/messageRef';
import type { FrontMatterOf } from '../content/frontMatter';
import type { DocId } from '../content/ids';
import { WorkshopError, validated } from './errors';
import { newBlockId, newUserWorkshopId, type BlockId, type UserWorkshopId } from './ids';
import {
  USER_LIMITS,
  userBlockSchema,
  userWorkshopSchema,
  type UserBlock,
  type UserWorkshop,
  type WorkshopsDatabase,
} from './schema';
import { totalMinutes } from './timing';
import type { BlockQuestion } from './blockQuestions';

/** A bundled workshop as the document store holds it (front matter is enough). */
export type BundledWorkshop = Pick<
  FrontMatterOf<'workshop'>,
  'id' | 'title' | 'summary' | 'audience' | 'blocks' | 'durationMinutes'
>;

/** What a person fills in to create a workshop; everything but the title is optional. */
export interface WorkshopInput {
  title: string;
  summary?: string;
  audience?: string;
  targetMinutes?: number | null;
  startTime?: string | null;
}

/** What a person fills in for a block; everything but the title and minutes is optional. */
export interface BlockInput {
  title: string;
  minutes: number;
  purpose?: string;
  facilitatorNotes?: string;
  materials?: string[];
  activity?: string;
  documents?: DocId[];
  /** Questions for the room (questionOperations.ts edits them one by one). */
  questions?: BlockQuestion[];
}

/** Fields of a workshop `updateWorkshop` may change (blocks have their own operations). */
export type WorkshopPatch = Partial<
  Pick<UserWorkshop, 'title' | 'summary' | 'audience' | 'targetMinutes' | 'startTime'>
>;

/** Fields of a block `updateBlock` may change. */
export type BlockPatch = Partial<Omit<UserBlock, 'id'>>;

const now = () => new Date().toISOString();

function blockFrom(input: BlockInput, id: BlockId = newBlockId()): UserBlock {
  return validated(
    userBlockSchema,
    {
      id,
      title: input.title.trim(),
      minutes: input.minutes,
      purpose: input.purpose?.trim() ?? '',
      facilitatorNotes: input.facilitatorNotes?.trim() ?? '',
      materials: (input.materials ?? []).map((m) => m.trim()).filter((m) => m !== ''),
      activity: input.activity?.trim() ?? '',
      documents: input.documents ?? [],
      questions: input.questions ?? [],
    },
    'block',
  );
}

/** The user workshop with this id, or a WorkshopError. */
export function requireWorkshop(db: WorkshopsDatabase, id: UserWorkshopId): UserWorkshop {
  const workshop = db.workshops.find((w) => w.id === id);
  if (!workshop) throw new WorkshopError(messageRef('workshops:errors.workshopGone'));
  return workshop;
}

function replaceWorkshop(db: WorkshopsDatabase, next: UserWorkshop): WorkshopsDatabase {
  const checked = validated(userWorkshopSchema, { ...next, updatedAt: now() }, 'workshop');
  return { ...db, workshops: db.workshops.map((w) => (w.id === next.id ? checked : w)) };
}

/** Adds an empty workshop (no blocks yet). */
export function createWorkshop(
  db: WorkshopsDatabase,
  input: WorkshopInput,
  id: UserWorkshopId = newUserWorkshopId(),
): { db: WorkshopsDatabase; workshop: UserWorkshop } {
  const stamp = now();
  const workshop = validated(
    userWorkshopSchema,
    {
      id,
      title: input.title.trim(),
      summary: input.summary?.trim() ?? '',
      audience: input.audience?.trim() ?? '',
      basedOn: null,
      targetMinutes: input.targetMinutes ?? null,
      startTime: input.startTime ?? null,
      blocks: [],
      createdAt: stamp,
      updatedAt: stamp,
    },
    'workshop',
  );
  return { db: { ...db, workshops: [...db.workshops, workshop] }, workshop };
}

/**
 * How a copy is titled from its source's title, e.g. "Council session (copy)": words are the
 * UI's, so it passes them in (core has none of its own).
 */
export type CopyTitle = (title: string) => string;

/**
 * Copies a bundled workshop into the user's workshops so it can be adapted: same blocks (with
 * their questions for the room) with new ids, the title `copyTitle` makes, the bundled length as
 * the target, and `basedOn` pointing back.
 */
export function duplicateBundledWorkshop(
  db: WorkshopsDatabase,
  bundled: BundledWorkshop,
  copyTitle: CopyTitle,
  id: UserWorkshopId = newUserWorkshopId(),
): { db: WorkshopsDatabase; workshop: UserWorkshop } {
  const stamp = now();
  const workshop = validated(
    userWorkshopSchema,
    {
      id,
      title: copyTitle(bundled.title).slice(0, USER_LIMITS.title),
      summary: bundled.summary,
      audience: bundled.audience,
      basedOn: bundled.id,
      targetMinutes: bundled.durationMinutes ?? totalMinutes(bundled.blocks),
      startTime: null,
      blocks: bundled.blocks.map((b) =>
        blockFrom({
          ...b,
          materials: [...b.materials],
          documents: [...b.documents],
          questions: b.questions.map((q) => ({ ...q, options: [...q.options] })),
        }),
      ),
      createdAt: stamp,
      updatedAt: stamp,
    },
    'workshop',
  );
  return { db: { ...db, workshops: [...db.workshops, workshop] }, workshop };
}

/** Copies one of the user's workshops (blocks get new ids), titled as `copyTitle` says. */
export function duplicateWorkshop(
  db: WorkshopsDatabase,
  sourceId: UserWorkshopId,
  copyTitle: CopyTitle,
  id: UserWorkshopId = newUserWorkshopId(),
): { db: WorkshopsDatabase; workshop: UserWorkshop } {
  const source = requireWorkshop(db, sourceId);
  const stamp = now();
  const workshop = validated(
    userWorkshopSchema,
    {
      ...source,
      id,
      title: copyTitle(source.title).slice(0, USER_LIMITS.title),
      blocks: source.blocks.map((b) => ({ ...b, id: newBlockId() })),
      createdAt: stamp,
      updatedAt: stamp,
    },
    'workshop',
  );
  return { db: { ...db, workshops: [...db.workshops, workshop] }, workshop };
}

/** Changes a workshop's own fields; returns the workshop as it was, for Undo. */
export function updateWorkshop(
  db: WorkshopsDatabase,
  id: UserWorkshopId,
  patch: WorkshopPatch,
): { db: WorkshopsDatabase; previous: UserWorkshop } {
  const previous = requireWorkshop(db, id);
  const trimmed = {
    ...patch,
    ...(patch.title === undefined ? {} : { title: patch.title.trim() }),
  };
  return { db: replaceWorkshop(db, { ...previous, ...trimmed }), previous };
}

/** Deletes a workshop; recorded sessions keep its title. Returns it and its index, for Undo. */
export function deleteWorkshop(
  db: WorkshopsDatabase,
  id: UserWorkshopId,
): { db: WorkshopsDatabase; removed: { workshop: UserWorkshop; index: number } } {
  const workshop = requireWorkshop(db, id);
  const index = db.workshops.indexOf(workshop);
  return {
    db: { ...db, workshops: db.workshops.filter((w) => w.id !== id) },
    removed: { workshop, index },
  };
}

/** Adds a block at `index` (default: the end). */
export function addBlock(
  db: WorkshopsDatabase,
  workshopId: UserWorkshopId,
  input: BlockInput,
  index?: number,
): { db: WorkshopsDatabase; block: UserBlock } {
  const workshop = requireWorkshop(db, workshopId);
  const block = blockFrom(input);
  const at = Math.max(0, Math.min(index ?? workshop.blocks.length, workshop.blocks.length));
  const blocks = [...workshop.blocks.slice(0, at), block, ...workshop.blocks.slice(at)];
  return { db: replaceWorkshop(db, { ...workshop, blocks }), block };
}

function requireBlockIndex(workshop: UserWorkshop, blockId: BlockId): number {
  const index = workshop.blocks.findIndex((b) => b.id === blockId);
  if (index === -1) throw new WorkshopError(messageRef('workshops:errors.blockGone'));
  return index;
}

/** Changes a block's fields. */
export function updateBlock(
  db: WorkshopsDatabase,
  workshopId: UserWorkshopId,
  blockId: BlockId,
  patch: BlockPatch,
): WorkshopsDatabase {
  const workshop = requireWorkshop(db, workshopId);
  const index = requireBlockIndex(workshop, blockId);
  const current = workshop.blocks[index] as UserBlock;
  const next = validated(userBlockSchema, { ...current, ...patch, id: blockId }, 'block');
  return replaceWorkshop(db, {
    ...workshop,
    blocks: workshop.blocks.map((b, i) => (i === index ? next : b)),
  });
}

/** Removes a block; returns it and where it was, for Undo (`addBlock` cannot keep its id). */
export function removeBlock(
  db: WorkshopsDatabase,
  workshopId: UserWorkshopId,
  blockId: BlockId,
): { db: WorkshopsDatabase; removed: { block: UserBlock; index: number } } {
  const workshop = requireWorkshop(db, workshopId);
  const index = requireBlockIndex(workshop, blockId);
  const block = workshop.blocks[index] as UserBlock;
  return {
    db: replaceWorkshop(db, { ...workshop, blocks: workshop.blocks.filter((_, i) => i !== index) }),
    removed: { block, index },
  };
}

/** Puts a removed block back where it was, with its id. */
export function restoreBlock(
  db: WorkshopsDatabase,
  workshopId: UserWorkshopId,
  removed: { block: UserBlock; index: number },
): WorkshopsDatabase {
  const workshop = requireWorkshop(db, workshopId);
  if (workshop.blocks.some((b) => b.id === removed.block.id)) return db;
  const at = Math.max(0, Math.min(removed.index, workshop.blocks.length));
  const blocks = [...workshop.blocks.slice(0, at), removed.block, ...workshop.blocks.slice(at)];
  return replaceWorkshop(db, { ...workshop, blocks });
}

/**
 * Moves a block to position `toIndex` (clamped), as drag-and-drop or the "Move up/down" buttons
 * ask. Start times follow, since they are computed from the order.
 */
export function moveBlock(
  db: WorkshopsDatabase,
  workshopId: UserWorkshopId,
  blockId: BlockId,
  toIndex: number,
): WorkshopsDatabase {
  const workshop = requireWorkshop(db, workshopId);
  const from = requireBlockIndex(workshop, blockId);
  const to = Math.max(0, Math.min(toIndex, workshop.blocks.length - 1));
  if (from === to) return db;
  const blocks = workshop.blocks.filter((_, i) => i !== from);
  blocks.splice(to, 0, workshop.blocks[from] as UserBlock);
  return replaceWorkshop(db, { ...workshop, blocks });
}
