import type { DocId } from '../content/ids';
import { csvFile } from '../csv/csvCell';
import type { WorkshopSession } from './schema';
import { tallyVotes } from './votes';

/** What the export needs to name blocks and link documents. */
export interface CaptureContext {
  /** Block titles by index, to say which block a note came from. */
  blockTitles: readonly string[];
  /** Document ids linked from each block, carried into task drafts. */
  blockDocuments?: ReadonlyArray<readonly DocId[]>;
}

/** Column headings of the session results CSV, in order. */
export const SESSION_CSV_COLUMNS = [
  'Kind',
  'Question or block',
  'Text or option',
  'Votes',
  'Rank',
  'Recorded at',
] as const;

/** A date and time for people in Canadian English, e.g. `2026-11-26 14:05 UTC`. */
function formatStamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function blockName(context: CaptureContext, index: number | null): string {
  if (index === null) return 'Whole session';
  return context.blockTitles[index] ?? `Block ${index + 1}`;
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
): CaptureContext {
  return {
    blockTitles: blocks.map((b) => b.title),
    blockDocuments: blocks.map((b) => [...b.documents]),
  };
}

/**
 * The session's results as Markdown for minutes or an email: the notes grouped by block, then each
 * vote's tally, most votes first. Text from the room is escaped so it cannot become links or markup.
 */
export function sessionToMarkdown(session: WorkshopSession, context: CaptureContext): string {
  const out: string[] = [`# ${plain(session.workshopTitle)}`, ''];
  out.push(`Session started ${formatStamp(session.startedAt)}.`, '');
  out.push('## Notes', '');
  if (session.notes.length === 0) out.push('No notes were recorded.', '');
  const groups = new Map<number | null, string[]>();
  for (const note of session.notes) {
    const list = groups.get(note.blockIndex) ?? [];
    list.push(note.text);
    groups.set(note.blockIndex, list);
  }
  const order = [...groups.keys()].sort((a, b) => (a ?? -1) - (b ?? -1));
  for (const index of order) {
    out.push(`### ${plain(blockName(context, index))}`, '');
    for (const text of groups.get(index) ?? []) out.push(`- ${plain(text)}`);
    out.push('');
  }
  out.push('## Votes', '');
  if (session.votes.length === 0) out.push('No votes were recorded.', '');
  for (const vote of session.votes) {
    const tally = tallyVotes(vote);
    out.push(`### ${plain(vote.question)}`, '');
    out.push(
      `${tally.participants} participant${tally.participants === 1 ? '' : 's'}, ${tally.totalDots} dot${tally.totalDots === 1 ? '' : 's'} (${vote.dotsPerPerson} per person).`,
      '',
    );
    out.push('| Rank | Option | Votes |', '| ---: | --- | ---: |');
    for (const row of tally.rows) out.push(`| ${row.rank} | ${plain(row.label)} | ${row.votes} |`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * The session's results as a CSV file that Excel opens correctly, every cell quoted and safe from
 * formula injection (see `csvFile`): notes come from the room, so they are anyone's text. One row
 * per note, then one row per vote option with its votes and rank.
 */
export function sessionToCsv(session: WorkshopSession, context: CaptureContext): string {
  const rows: string[][] = [[...SESSION_CSV_COLUMNS]];
  for (const note of session.notes)
    rows.push(['Note', blockName(context, note.blockIndex), note.text, '', '', note.createdAt]);
  for (const vote of session.votes)
    for (const row of tallyVotes(vote).rows)
      rows.push(['Vote', vote.question, row.label, String(row.votes), String(row.rank), '']);
  return csvFile(rows);
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
  const origin = `From the workshop "${session.workshopTitle}" (${formatStamp(session.startedAt)})`;
  for (const vote of session.votes) {
    const tally = tallyVotes(vote);
    for (const row of tally.rows) {
      if (row.votes === 0 || row.rank > topRanks) continue;
      drafts.push({
        title: titleFrom(row.label),
        notes: `${origin}: ranked ${row.rank} with ${row.votes} of ${tally.totalDots} dots in the vote "${vote.question}".\n\n${row.label}`,
        linkedDocIds: [],
      });
    }
  }
  if (options.includeNotes ?? true)
    for (const note of session.notes)
      drafts.push({
        title: titleFrom(note.text),
        notes: `${origin}, noted during "${blockName(context, note.blockIndex)}":\n\n${note.text}`,
        linkedDocIds:
          note.blockIndex === null ? [] : [...(context.blockDocuments?.[note.blockIndex] ?? [])],
      });
  return drafts;
}
