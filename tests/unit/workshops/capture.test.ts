import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocId } from '../../../renderer/src/core/content/ids';
import { COMMA_CSV } from '../../../renderer/src/core/csv/csvCell';
import {
  captureContextFor,
  sessionToCsv,
  sessionToMarkdown,
  sessionToTaskDrafts,
} from '../../../renderer/src/core/workshops/captureExport';
import type { SessionId } from '../../../renderer/src/core/workshops/ids';
import {
  emptyWorkshopsDatabase,
  type WorkshopsDatabase,
} from '../../../renderer/src/core/workshops/schema';
import {
  addDotVote,
  addStickyNote,
  castDot,
  editStickyNote,
  removeStickyNote,
  startSession,
  uncastDot,
} from '../../../renderer/src/core/workshops/sessionOperations';
import { createMarkdownIt } from '../../../renderer/src/core/markdown/renderMarkdown';
import { WorkshopError } from '../../../renderer/src/core/workshops/errors';
import type { CaptureId } from '../../../renderer/src/core/workshops/ids';
import { csvDialect } from '../../../renderer/src/ui/common/i18n/format';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { wordError } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { captureWords } from '../../../renderer/src/ui/workshops/exportWords';

// The exports take their words from the UI's catalogue; these tests read them in English.
const context = captureContextFor(
  [
    { title: 'Welcome', documents: [] },
    { title: 'Priorities', documents: ['guide-4-priorities-and-roadmap' as DocId] },
  ],
  captureWords(),
);

/** What the UI shows for the refusal `run` throws. */
function refusalOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkshopError);
    return wordError(error);
  }
  throw new Error('expected a refusal');
}

/** A recorded session built with the real operations. */
function recorded(): { db: WorkshopsDatabase; sessionId: SessionId } {
  const started = startSession(
    emptyWorkshopsDatabase(),
    { kind: 'bundled', docId: 'workshop-x' as DocId },
    'Council session',
  );
  let db = started.db;
  const sessionId = started.session.id;
  db = addStickyNote(db, sessionId, 'Residents want to pay taxes online, "today"', 1).db;
  db = addStickyNote(db, sessionId, '=HYPERLINK("http://evil.example","click")', null).db;
  db = addStickyNote(db, sessionId, 'Temporary', 0).db;
  const temp = db.sessions[0]?.notes[2];
  if (temp) db = removeStickyNote(db, sessionId, temp.id);
  db = addStickyNote(db, sessionId, '[link](javascript:alert(1)) and <b>bold</b>', 0).db;
  const added = addDotVote(db, sessionId, {
    question: 'Which three priorities matter most?',
    options: ['Name a lead', 'Budget line', ' Name a lead ', '', 'Readiness, first'],
    dotsPerPerson: 2,
  });
  db = added.db;
  const [lead, budget, readiness] = added.vote.options;
  if (!lead || !budget || !readiness) throw new Error('three options expected');
  for (const [who, option] of [
    ['ana', lead],
    ['ana', readiness],
    ['ben', readiness],
    ['ben', lead],
    ['cy', readiness],
  ] as const)
    db = castDot(db, sessionId, added.vote.id, who, option.id).db;
  const refused = castDot(db, sessionId, added.vote.id, 'ana', budget.id);
  expect(refused.refused).toBe('no-dots-left');
  expect(refused.db).toBe(db);
  db = castDot(db, sessionId, added.vote.id, 'cy', budget.id).db;
  db = uncastDot(db, sessionId, added.vote.id, 'cy', budget.id);
  return { db, sessionId };
}

afterEach(() => setLanguage('en'));

describe('session capture and export', () => {
  it('records notes and votes; options are trimmed and de-duplicated', () => {
    const { db } = recorded();
    const session = db.sessions[0];
    expect(session?.notes).toHaveLength(3);
    expect(session?.votes[0]?.options.map((o) => o.label)).toEqual([
      'Name a lead',
      'Budget line',
      'Readiness, first',
    ]);
    expect(session?.votes[0]?.dots).toHaveLength(5);
    const noteId = session?.notes[0]?.id;
    if (!noteId || !session) throw new Error('note expected');
    const edited = editStickyNote(db, session.id, noteId, ' Pay online ');
    expect(edited.sessions[0]?.notes[0]?.text).toBe('Pay online');
    expect(() => editStickyNote(db, session.id, noteId, '  ')).toThrow(WorkshopError);
    try {
      editStickyNote(db, session.id, noteId, '  ');
    } catch (error) {
      expect(wordError(error)).toMatch(/^The note was not saved: .*must not be blank/);
    }
  });

  it('refuses to change what no longer exists, in words the UI shows', () => {
    const { db, sessionId } = recorded();
    const gone = 'capture-gone' as CaptureId;
    expect(refusalOf(() => editStickyNote(db, sessionId, gone, 'x'))).toBe(
      'That note no longer exists.',
    );
    expect(refusalOf(() => uncastDot(db, sessionId, gone, 'ana', gone))).toBe(
      'That vote no longer exists.',
    );
    expect(refusalOf(() => addStickyNote(db, 'session-gone' as SessionId, 'x', null))).toBe(
      'That session no longer exists.',
    );
  });

  it('exports Markdown: notes by block, tallies sorted, room text escaped', () => {
    const { db } = recorded();
    const session = db.sessions[0];
    if (!session) throw new Error('session expected');
    const markdown = sessionToMarkdown(session, context);
    expect(markdown).toContain('# Council session\n\nSession started ');
    expect(markdown).toContain('## Notes\n');
    expect(markdown).toContain('## Votes\n');
    expect(markdown).toMatch(/### Whole session\n\n- \\=HYPERLINK/);
    expect(markdown).toMatch(/### Welcome\n\n- \\\[link\\\]/);
    expect(markdown).toMatch(/### Priorities\n\n- Residents want/);
    expect(markdown).toContain(
      '| 1 | Readiness, first | 3 |\n| 2 | Name a lead | 2 |\n| 3 | Budget line | 0 |',
    );
    expect(markdown).toContain('3 participants, 5 dots (2 per person).');
    // Rendered by the app's Markdown pipeline, text from the room makes no link and no HTML.
    const html = createMarkdownIt().render(markdown, { docId: 'x', glossary: null, headings: [] });
    expect(html).not.toMatch(/<a |<b>/);
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('exports CSV: one row per note, then one per vote option, formulas neutralised', () => {
    const { db } = recorded();
    const session = db.sessions[0];
    if (!session) throw new Error('session expected');
    const csv = sessionToCsv(session, context, COMMA_CSV);
    // How cells are written, and that none runs as a formula, is csvCell's (tests/unit/csv).
    expect(csv.startsWith('\uFEFF"Kind","Question or block",')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([
      'Kind',
      'Question or block',
      'Text or option',
      'Votes',
      'Rank',
      'Recorded at',
      'Author',
      'Upvotes',
    ]);
    // The trainer's own notes have no author and no upvote count (only notes from the room do).
    expect(rows.slice(0, 3).map((r) => r.slice(6))).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
    ]);
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['Note', 'Priorities', 'Residents want to pay taxes online, "today"', '', ''],
      ['Note', 'Whole session', `'=HYPERLINK("http://evil.example","click")`, '', ''],
      ['Note', 'Welcome', '[link](javascript:alert(1)) and <b>bold</b>', '', ''],
      ['Vote', 'Which three priorities matter most?', 'Readiness, first', '3', '1'],
      ['Vote', 'Which three priorities matter most?', 'Name a lead', '2', '2'],
      ['Vote', 'Which three priorities matter most?', 'Budget line', '0', '3'],
    ]);
  });

  it('in French, exports the ";" CSV Excel in French expects, with French headings', () => {
    const { db } = recorded();
    const session = db.sessions[0];
    if (!session) throw new Error('session expected');
    setLanguage('fr');
    const french = captureContextFor([{ title: 'Accueil', documents: [] }], captureWords());
    const csv = sessionToCsv(session, french, csvDialect());
    expect(csv.startsWith('\uFEFF"Type";"Question ou bloc";')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), {
      delimiter: ';',
      newline: '\r\n',
    });
    expect(parsed.errors).toEqual([]);
    const rows = parsed.data.slice(1);
    expect(rows.every((row) => row.length === 8)).toBe(true);
    // The comma in an option is text in a ";" file; the counts are whole numbers either way.
    expect(rows.find((row) => row[2] === 'Readiness, first')?.slice(3, 5)).toEqual(['3', '1']);
  });

  it('turns results into plan task drafts: top-ranked options, then notes with their block’s documents', () => {
    const { db } = recorded();
    const session = db.sessions[0];
    if (!session) throw new Error('session expected');
    const drafts = sessionToTaskDrafts(session, context, { topRanks: 2 });
    expect(drafts.map((d) => d.title)).toEqual([
      'Readiness, first',
      'Name a lead',
      'Residents want to pay taxes online, "today"',
      '=HYPERLINK("http://evil.example","click")',
      '[link](javascript:alert(1)) and <b>bold</b>',
    ]);
    expect(drafts[0]?.notes).toMatch(
      /^From the workshop "Council session" \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\): ranked 1 with 3 of 5 dots in the vote "Which three priorities matter most\?"\.\n\nReadiness, first$/,
    );
    expect(drafts[2]?.linkedDocIds).toEqual(['guide-4-priorities-and-roadmap']);
    expect(drafts[2]?.notes).toMatch(/noted during "Priorities"/);
    expect(drafts[3]?.linkedDocIds).toEqual([]);
    // Options without a dot never become tasks, whatever their rank.
    expect(sessionToTaskDrafts(session, context, { includeNotes: false })).toHaveLength(2);
    const first = session.notes[0];
    if (!first) throw new Error('note expected');
    const long = { ...session, notes: [{ ...first, text: 'word '.repeat(100) }] };
    const [draft] = sessionToTaskDrafts({ ...long, votes: [] }, context);
    expect(draft?.title.length).toBeLessThanOrEqual(200);
    expect(draft?.notes).toContain('word '.repeat(99).trim());
  });
});
