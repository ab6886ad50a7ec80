import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocId } from '../../../renderer/src/core/content/ids';
import { roomQuestionSchema } from '../../../renderer/src/core/room/protocol';
import type { BlockQuestion } from '../../../renderer/src/core/workshops/blockQuestions';
import { WorkshopError } from '../../../renderer/src/core/workshops/errors';
import { parseWorkshopsDocument } from '../../../renderer/src/core/workshops/parseWorkshopsDocument';
import {
  addBlockQuestion,
  nextQuestionId,
  removeBlockQuestion,
  updateBlockQuestion,
} from '../../../renderer/src/core/workshops/questionOperations';
import {
  findRoomQuestion,
  parseRoomQuestionId,
  roomQuestionId,
  roomQuestionsByBlock,
  toRoomQuestion,
} from '../../../renderer/src/core/workshops/roomQuestions';
import {
  emptyWorkshopsDatabase,
  userBlockSchema,
  WORKSHOPS_SCHEMA_VERSION,
} from '../../../renderer/src/core/workshops/schema';
import {
  addBlock,
  createWorkshop,
  duplicateBundledWorkshop,
  duplicateWorkshop,
} from '../../../renderer/src/core/workshops/workshopOperations';
import { wordError } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { bundledWorkshops } from './helpers';

const CORPUS_TIMEOUT = 60_000;

const vote: BlockQuestion = {
  id: 'first-steps',
  kind: 'dot-vote',
  prompt: 'Which three things should council do first?',
  options: ['Name a lead', 'Set aside a budget line'],
  dots: 3,
};

/** A version 2 workshops document as the app stored it before the room. */
const v2Document = {
  schemaVersion: 2,
  workshops: [
    {
      id: 'w1',
      title: 'Our session',
      summary: '',
      audience: '',
      basedOn: null,
      targetMinutes: 60,
      startTime: null,
      blocks: [
        {
          id: 'b1',
          title: 'Welcome',
          minutes: 10,
          purpose: '',
          facilitatorNotes: '',
          materials: [],
          activity: '',
          documents: [],
        },
      ],
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:00:00.000Z',
    },
  ],
  sessions: [
    {
      id: 's1',
      workshop: { kind: 'user', id: 'w1' },
      workshopTitle: 'Our session',
      startedAt: '2026-11-26T14:05:00.000Z',
      notes: [
        { id: 'c1', text: 'Online permits', blockIndex: 0, createdAt: '2026-11-26T14:06:00.000Z' },
      ],
      votes: [
        {
          id: 'v1',
          question: 'Which?',
          options: [{ id: 'o1', label: 'A' }],
          dotsPerPerson: 1,
          maxDotsPerOption: null,
          dots: [{ participant: 'Ana', optionId: 'o1' }],
        },
      ],
      shared: true,
      sharedBy: null,
    },
  ],
};

describe('questions in workshops: schema version 3', () => {
  it('migrates a version 2 document: blocks get no questions, notes no author and no upvote count', () => {
    const parsed = parseWorkshopsDocument(structuredClone(v2Document));
    expect(parsed.issues).toEqual([]);
    expect(parsed.migratedFrom).toBe(2);
    expect(parsed.data.schemaVersion).toBe(WORKSHOPS_SCHEMA_VERSION);
    expect(parsed.data.workshops[0]?.blocks[0]?.questions).toEqual([]);
    expect(parsed.data.sessions[0]?.notes).toEqual([
      { ...v2Document.sessions[0]?.notes[0], author: null, upvotes: null },
    ]);
    // Everything else is kept as it was.
    expect(parsed.data.sessions[0]?.votes).toEqual(v2Document.sessions[0]?.votes);
    expect(parsed.data.workshops[0]?.title).toBe('Our session');
  });

  it('still migrates a version 1 document all the way', () => {
    const v1 = structuredClone(v2Document) as Record<string, unknown> & typeof v2Document;
    v1.schemaVersion = 1;
    for (const session of v1.sessions as Array<Record<string, unknown>>) {
      delete session.shared;
      delete session.sharedBy;
    }
    const parsed = parseWorkshopsDocument(v1);
    expect(parsed.issues).toEqual([]);
    expect(parsed.migratedFrom).toBe(1);
    expect(parsed.data.sessions[0]).toMatchObject({ shared: false, sharedBy: null });
    expect(parsed.data.sessions[0]?.notes[0]).toMatchObject({ author: null, upvotes: null });
    expect(parsed.data.workshops[0]?.blocks[0]?.questions).toEqual([]);
  });

  it.each([
    [{ ...vote, options: ['Only one'] }, 'options: needs 2 to 12 options for a dot vote or a poll'],
    [{ ...vote, options: ['Same', ' same'] }, 'options: lists the same option twice'],
    [{ ...vote, dots: 0 }, 'dots: must be at least 1 for a dot vote'],
    [{ ...vote, kind: 'poll', dots: 3 }, 'dots: must be 1 for a poll'],
    [{ ...vote, kind: 'notes', dots: 0 }, 'options: must be empty for notes and Q&A'],
    [{ ...vote, kind: 'qa', options: [] }, 'dots: must be 0 for notes and Q&A'],
    [{ ...vote, id: 'First Steps' }, 'id: must be an id of lowercase letters'],
  ])('refuses a stored question that does not fit its kind (%#)', (question, problem) => {
    const db = createWorkshop(emptyWorkshopsDatabase(), { title: 'W' }).db;
    const workshop = db.workshops[0];
    if (!workshop) throw new Error('workshop expected');
    const withBlock = addBlock(db, workshop.id, { title: 'B', minutes: 5 });
    let message = '';
    try {
      addBlock(withBlock.db, workshop.id, {
        title: 'C',
        minutes: 5,
        questions: [question as BlockQuestion],
      });
    } catch (error) {
      expect(error).toBeInstanceOf(WorkshopError);
      message = wordError(error);
    }
    expect(message).toContain(problem);
  });

  it('refuses two questions with one id and more than ten in a block', () => {
    const block = {
      id: 'b1',
      title: 'B',
      minutes: 5,
      purpose: '',
      facilitatorNotes: '',
      materials: [],
      activity: '',
      documents: [],
    };
    expect(userBlockSchema.safeParse({ ...block, questions: [vote, vote] }).success).toBe(false);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ ...vote, id: `q${i}` }));
    expect(userBlockSchema.safeParse({ ...block, questions: eleven }).success).toBe(false);
    expect(userBlockSchema.safeParse({ ...block, questions: eleven.slice(1) }).success).toBe(true);
  });

  it('adds, edits and removes a block’s questions with made ids; options only where the kind takes them', () => {
    const created = createWorkshop(emptyWorkshopsDatabase(), { title: 'W' });
    const added = addBlock(created.db, created.workshop.id, { title: 'B', minutes: 5 });
    const wid = created.workshop.id;
    const bid = added.block.id;
    const first = addBlockQuestion(added.db, wid, bid, {
      kind: 'poll',
      prompt: '  Which key issue?  ',
      options: ['Capacity', ' ', 'Internet access '],
      dots: 7,
    });
    expect(first.question).toEqual({
      id: 'q1',
      kind: 'poll',
      prompt: 'Which key issue?',
      options: ['Capacity', 'Internet access'],
      dots: 1,
    });
    const second = addBlockQuestion(first.db, wid, bid, {
      kind: 'qa',
      prompt: 'Questions for staff',
      options: ['kept in the draft, not stored'],
      dots: 3,
    });
    expect(second.question).toMatchObject({ id: 'q2', options: [], dots: 0 });
    const edited = updateBlockQuestion(second.db, wid, bid, 'q1', {
      kind: 'dot-vote',
      prompt: 'Which two?',
      options: ['A', 'B', 'C'],
      dots: 2,
    });
    const removed = removeBlockQuestion(edited, wid, bid, 'q1');
    expect(removed.removed).toEqual({
      index: 0,
      question: {
        id: 'q1',
        kind: 'dot-vote',
        prompt: 'Which two?',
        options: ['A', 'B', 'C'],
        dots: 2,
      },
    });
    const block = removed.db.workshops[0]?.blocks[0];
    expect(block?.questions.map((q) => q.id)).toEqual(['q2']);
    // A new question takes an id past the highest in use (and never one still in use).
    expect(nextQuestionId({ questions: [] })).toBe('q1');
    expect(nextQuestionId({ questions: [{ ...vote, id: 'q2' }] })).toBe('q3');
    expect(nextQuestionId({ questions: [vote, { ...vote, id: 'q9x' }] })).toBe('q1');
    expect(
      nextQuestionId({
        questions: [
          { ...vote, id: 'q2' },
          { ...vote, id: 'q1' },
        ],
      }),
    ).toBe('q3');
    expect(() => updateBlockQuestion(removed.db, wid, bid, 'q1', { ...vote })).toThrow(
      WorkshopError,
    );
  });

  it('a duplicated workshop keeps its questions', () => {
    const created = createWorkshop(emptyWorkshopsDatabase(), { title: 'W' });
    const added = addBlock(created.db, created.workshop.id, {
      title: 'B',
      minutes: 5,
      questions: [vote],
    });
    const copy = duplicateWorkshop(added.db, created.workshop.id, (t) => `${t} (copy)`);
    expect(copy.workshop.blocks[0]?.questions).toEqual([vote]);
  });

  it(
    'bundled workshops: questions pass the room protocol, and a duplicate copies them',
    async () => {
      const workshops = await bundledWorkshops();
      for (const workshop of workshops) {
        const byBlock = roomQuestionsByBlock(workshop.blocks);
        for (const { questions } of byBlock)
          for (const { question } of questions)
            expect(roomQuestionSchema.safeParse(question).success, question.id).toBe(true);
        const copy = duplicateBundledWorkshop(emptyWorkshopsDatabase(), workshop, (t) => t);
        expect(copy.workshop.blocks.map((b) => b.questions)).toEqual(
          workshop.blocks.map((b) => b.questions),
        );
      }
      const council = workshops.find(
        (w) => w.id === ('workshop-council-digital-awareness' as DocId),
      );
      const questions = roomQuestionsByBlock(council?.blocks ?? []).flatMap((b) => b.questions);
      expect(questions.length).toBeGreaterThanOrEqual(3);
    },
    CORPUS_TIMEOUT,
  );
});

describe('questions as the room asks them', () => {
  it('turns a block question into the protocol’s question: id b<block>-<id>, options o1, o2, …', () => {
    expect(toRoomQuestion(4, vote)).toEqual({
      id: 'b4-first-steps',
      kind: 'dot-vote',
      prompt: vote.prompt,
      options: [
        { id: 'o1', label: 'Name a lead' },
        { id: 'o2', label: 'Set aside a budget line' },
      ],
      dots: 3,
    });
    expect(
      roomQuestionSchema.safeParse(toRoomQuestion(39, { ...vote, id: 'x'.repeat(40) })).success,
    ).toBe(true);
  });

  it('lists a workshop’s questions by block, and finds one again by its room id', () => {
    const notes: BlockQuestion = {
      id: 'ideas',
      kind: 'notes',
      prompt: 'Ideas?',
      options: [],
      dots: 0,
    };
    const blocks = [
      { title: 'Welcome', questions: [] },
      { title: 'Role', questions: [vote, notes] },
    ];
    const listed = roomQuestionsByBlock(blocks);
    expect(
      listed.map((b) => [b.blockIndex, b.blockTitle, b.questions.map((q) => q.question.id)]),
    ).toEqual([[1, 'Role', ['b1-first-steps', 'b1-ideas']]]);
    expect(findRoomQuestion(blocks, 'b1-ideas')?.source).toBe(notes);
    expect(findRoomQuestion(blocks, 'b0-ideas')).toBeNull();
    expect(findRoomQuestion(blocks, 'b9-ideas')).toBeNull();
    expect(findRoomQuestion(blocks, 'ideas')).toBeNull();
  });

  it('reads a room question id back into its block index and question id, or null', () => {
    expect(parseRoomQuestionId('b4-first-steps')).toEqual({
      blockIndex: 4,
      questionId: 'first-steps',
    });
    expect(parseRoomQuestionId('b12-b3-x')).toEqual({ blockIndex: 12, questionId: 'b3-x' });
    for (const notOne of ['ideas', 'b-ideas', 'bx-ideas', 'b1-', 'c1-ideas', 'b1ideas', ''])
      expect(parseRoomQuestionId(notOne), notOne).toBeNull();
    // Whatever block and question id the room was given, the same come back.
    const questionId = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    fc.assert(
      fc.property(fc.nat(1000), questionId, (blockIndex, id) => {
        expect(parseRoomQuestionId(roomQuestionId(blockIndex, id))).toEqual({
          blockIndex,
          questionId: id,
        });
      }),
    );
  });
});
