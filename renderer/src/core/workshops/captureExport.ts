import type { DocId } from '../content/ids';
import { csvFile, type CsvDialect } from '../csv/csvCell';
import type { WorkshopSession } from './schema';
import { tallyVotes } from './votes';

/**
 * The words of a session's exports and task drafts, in the interface language. They are the UI's
 * (core has no words of its own), so the UI passes them in with the context.
 */
export interface CaptureWords {
  /** Where a note was taken when no block was running, e.g. "Whole session". */
  wholeSession: string;
  /** A block the workshop no longer has, by its number from 1, e.g. "Block 3". */
  blockNumber(number: number): string;
  /** The CSV's column headings. */
  csvColumns: {
    kind: string;
    questionOrBlock: string;
    textOrOption: string;
    votes: string;
    rank: string;
    recordedAt: string;
    /** A note's author and upvotes, as the room gave them (empty for the trainer's own notes). */
    author: string;
    upvotes: string;
  };
  /** The CSV's "Kind" of a note's row and of a vote option's row. */
  noteKind: string;
  voteKind: string;
  /**
   * After a note from the room, in Markdown: who wrote it and its upvotes, e.g. "(Ana, 3
   * upvotes)"; never called when there is neither an author nor an upvote.
   */
  noteCredit(author: string | null, upvotes: number): string;
  /** The Markdown's line under the title, e.g. "Session started 2026-11-26 14:05 UTC." */
  started(stamp: string): string;
  /** The Markdown's section headings, and what a section says when it is empty. */
  notesHeading: string;
  noNotes: string;
  votesHeading: string;
  noVotes: string;
  /** Under a vote's question, e.g. "3 participants, 5 dots (2 per person)." */
  voteSummary(participants: number, dots: number, dotsPerPerson: number): string;
  /** The headings of a vote's tally table. */
  tallyColumns: { rank: string; option: string; votes: string };
  /** A task draft's notes: where a voted option came from (the option's label follows). */
  fromVote(origin: {
    workshop: string;
    stamp: string;
    rank: number;
    votes: number;
    totalDots: number;
    question: string;
  }): string;
  /** A task draft's notes: where a sticky note came from (the note's text follows). */
  fromNote(origin: { workshop: string; stamp: string; block: string }): string;
}

/** What the export needs to name blocks and link documents, and its words. */
export interface CaptureContext {
  /** Block titles by index, to say which block a note came from. */
  blockTitles: readonly string[];
  /** Document ids linked from each block, carried into task drafts. */
  blockDocuments?: ReadonlyArray<readonly DocId[]>;
  words: CaptureWords;
}

/** A date and time as the exports write it whatever the language, e.g. `2026-11-26 14:05 UTC`. */
function formatStamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function blockName(context: CaptureContext, index: number | null): string {
  if (index === null) return context.words.wholeSession;
  return context.blockTitles[index] ?? context.words.blockNumber(index + 1);
}

/**
 * Escapes text so Markdown shows it as typed (notes come from the room, not from authors): inline
 * markup everywhere, and block markers (heading, list, quote) at the start.
 */
function plain(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>|~!])/g, '\\$1')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** The block titles and linked documents an export needs, from any workshop's blocks. */
export function captureContextFor(
  blocks: ReadonlyArray<{ title: string; documents: readonly DocId[] }>,
  words: CaptureWords,
): CaptureContext {
  return {
    blockTitles: blocks.map((b) => b.title),
    blockDocuments: blocks.map((b) => [...b.documents]),
    words,
  };
}

/**
 * The session's results as Markdown for minutes or an email: the notes grouped by block, then each
 * vote's tally, most votes first. Text from the room is escaped so it cannot become links or markup.
 */
export function sessionToMarkdown(session: WorkshopSession, context: CaptureContext): string {
  const { words } = context;
  const out: string[] = [`# ${plain(session.workshopTitle)}`, ''];
  out.push(words.started(formatStamp(session.startedAt)), '');
  out.push(`## ${words.notesHeading}`, '');
  if (session.notes.length === 0) out.push(words.noNotes, '');
  const groups = new Map<number | null, string[]>();
  for (const note of session.notes) {
    const list = groups.get(note.blockIndex) ?? [];
    const upvotes = note.upvotes ?? 0;
    const credit =
      note.author !== null || upvotes > 0
        ? ` ${plain(words.noteCredit(note.author, upvotes))}`
        : '';
    list.push(`${plain(note.text)}${credit}`);
    groups.set(note.blockIndex, list);
  }
  const order = [...groups.keys()].sort((a, b) => (a ?? -1) - (b ?? -1));
  for (const index of order) {
    out.push(`### ${plain(blockName(context, index))}`, '');
    for (const line of groups.get(index) ?? []) out.push(`- ${line}`);
    out.push('');
  }
  out.push(`## ${words.votesHeading}`, '');
  if (session.votes.length === 0) out.push(words.noVotes, '');
  for (const vote of session.votes) {
    const tally = tallyVotes(vote);
    out.push(`### ${plain(vote.question)}`, '');
    out.push(words.voteSummary(tally.participants, tally.totalDots, vote.dotsPerPerson), '');
    const columns = words.tallyColumns;
    out.push(
      `| ${plain(columns.rank)} | ${plain(columns.option)} | ${plain(columns.votes)} |`,
      '| ---: | --- | ---: |',
    );
    for (const row of tally.rows) out.push(`| ${row.rank} | ${plain(row.label)} | ${row.votes} |`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * The session's results as a CSV file that Excel opens correctly, every cell quoted and safe from
 * formula injection (see `csvFile`): notes come from the room, so they are anyone's text. One row
 * per note (with its author and upvotes when it came from the room), then one row per vote
 * option with its votes and rank. Cells are split as the reader's Excel splits them (`dialect`);
 * the counts are whole numbers, so they read the same in any dialect.
 */
export function sessionToCsv(
  session: WorkshopSession,
  context: CaptureContext,
  dialect: CsvDialect,
): string {
  const { words } = context;
  const columns = words.csvColumns;
  const rows: string[][] = [
    [
      columns.kind,
      columns.questionOrBlock,
      columns.textOrOption,
      columns.votes,
      columns.rank,
      columns.recordedAt,
      columns.author,
      columns.upvotes,
    ],
  ];
  for (const note of session.notes)
    rows.push([
      words.noteKind,
      blockName(context, note.blockIndex),
      note.text,
      '',
      '',
      note.createdAt,
      note.author ?? '',
      note.upvotes === null ? '' : String(note.upvotes),
    ]);
  for (const vote of session.votes)
    for (const row of tallyVotes(vote).rows)
      rows.push([
        words.voteKind,
        vote.question,
        row.label,
        String(row.votes),
        String(row.rank),
        '',
        '',
        '',
      ]);
  return csvFile(rows, dialect);
}

/** A plan task drafted from a session, for the planner's `addTask`. */
export interface TaskDraft {
  title: string;
  notes: string;
  linkedDocIds: DocId[];
}

/** Which results become tasks. */
export interface TaskDraftOptions {
  /** Options ranked at or above this in each vote become tasks (ties included). Default 3. */
  topRanks?: number;
  /** Whether every sticky note becomes a task too. Default true. */
  includeNotes?: boolean;
}

const TITLE_MAX = 200;

function titleFrom(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= TITLE_MAX ? oneLine : `${oneLine.slice(0, TITLE_MAX - 3).trimEnd()}...`;
}

/**
 * Turns a session's results into plain task drafts: the top-ranked options of each vote (with
 * votes with no dots skipped), then each sticky note. A draft's notes say where it came from; a
 * note's draft links the documents of the block it was taken in. The full text is always in the
 * notes, even when the title had to be shortened.
 */
export function sessionToTaskDrafts(
  session: WorkshopSession,
  context: CaptureContext,
  options: TaskDraftOptions = {},
): TaskDraft[] {
  const topRanks = options.topRanks ?? 3;
  const drafts: TaskDraft[] = [];
  const workshop = session.workshopTitle;
  const stamp = formatStamp(session.startedAt);
  for (const vote of session.votes) {
    const tally = tallyVotes(vote);
    for (const row of tally.rows) {
      if (row.votes === 0 || row.rank > topRanks) continue;
      const origin = context.words.fromVote({
        workshop,
        stamp,
        rank: row.rank,
        votes: row.votes,
        totalDots: tally.totalDots,
        question: vote.question,
      });
      drafts.push({
        title: titleFrom(row.label),
        notes: `${origin}\n\n${row.label}`,
        linkedDocIds: [],
      });
    }
  }
  if (options.includeNotes ?? true)
    for (const note of session.notes) {
      const block = blockName(context, note.blockIndex);
      drafts.push({
        title: titleFrom(note.text),
        notes: `${context.words.fromNote({ workshop, stamp, block })}\n\n${note.text}`,
        linkedDocIds:
          note.blockIndex === null ? [] : [...(context.blockDocuments?.[note.blockIndex] ?? [])],
      });
    }
  return drafts;
}
