/**
 * The one CSV formatter (core/csv/csvCell.ts) and every writer built on it, in English Excel's
 * dialect (`,`) and French Excel's (`;`): cells always quoted, quotes doubled, line breaks kept
 * inside the quotes, and no cell that starts like a formula whether a spreadsheet reads the file
 * with `,` or with `;` as its separator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toAnnotationsCsv } from '../../../renderer/src/core/annotations/exchange/toCsv';
import { annotationExportWords } from '../../../renderer/src/ui/annotations/exportWords';
import type { DocId } from '../../../renderer/src/core/content/ids';
import {
  COMMA_CSV,
  SEMICOLON_CSV,
  csvCell,
  csvFile,
  csvRow,
  type CsvDialect,
} from '../../../renderer/src/core/csv/csvCell';
import { exportTasksCsv } from '../../../renderer/src/core/planner/export/csv';
import { tasksCsvWords } from '../../../renderer/src/ui/planner/plannerLabels';
import { updateTask } from '../../../renderer/src/core/planner/operations/tasks';
import {
  captureContextFor,
  sessionToCsv,
} from '../../../renderer/src/core/workshops/captureExport';
import { emptyWorkshopsDatabase } from '../../../renderer/src/core/workshops/schema';
import {
  addDotVote,
  addStickyNote,
  startSession,
} from '../../../renderer/src/core/workshops/sessionOperations';
import { captureWords } from '../../../renderer/src/ui/workshops/exportWords';
import { annotate, idOf } from '../annotations/fixtures';
import { sampleDatabase, taskId } from '../planner/helpers';
import {
  COMMA_READERS,
  looksLikeFormula,
  rowsWith,
  SEMICOLON_READERS,
  startsWithControl,
} from './spreadsheetReaders';

/** Each dialect, with the readers of a spreadsheet set to the other separator. */
const DIALECTS = [
  ['","', COMMA_CSV, SEMICOLON_READERS],
  ['";"', SEMICOLON_CSV, [...COMMA_READERS, ...SEMICOLON_READERS]],
] as const;

describe('csvCell', () => {
  it.each([
    ['plain', '"plain"'],
    ['', '""'],
    ['2027-02-15', '"2027-02-15"'],
    ['25000.50', '"25000.50"'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['First.\r\n\r\nSecond; third', '"First.\r\n\r\nSecond; third"'],
    ['=1+2', `"'=1+2"`],
    ['+1 416 555 0100', `"'+1 416 555 0100"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    [' =1+2', `"' =1+2"`],
    ['"=1+2"', `"'""=1+2"""`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['\r=1', `"'\r'=1"`],
    ['\r\n-1', `"'\r\n'-1"`],
    ['a;=1', `"a;'=1"`],
    ['a; -2+3', `"a;' -2+3"`],
    ['a;\tnote', `"a;'\tnote"`],
    ['a;"@SUM(A1)"', `"a;'""@SUM(A1)"""`],
    ['Steps:\n- call the CBO', `"Steps:\n'- call the CBO"`],
    ['x\r\n+1', `"x\r\n'+1"`],
    ['x\n\n=1', `"x\n\n'=1"`],
    ['a=b; c-d @ e', '"a=b; c-d @ e"'],
  ])('%j -> %j', (input, expected) => {
    expect(csvCell(input, COMMA_CSV)).toBe(expected);
  });

  it.each([
    ['a, b', '"a, b"'],
    ['a,=1', `"a,'=1"`],
    ['Total, -2+3', `"Total,' -2+3"`],
    ['a;=1', `"a;'=1"`],
    ['1234,50', '"1234,50"'],
    ['a=b, c-d', '"a=b, c-d"'],
  ])('in the ";" dialect, %j -> %j (guarded after a comma too)', (input, expected) => {
    expect(csvCell(input, SEMICOLON_CSV)).toBe(expected);
  });

  it.each(DIALECTS)(
    '%s: only ever adds apostrophes, and any text reads back',
    (_, dialect, others) => {
      fc.assert(
        fc.property(anyText(80), anyText(20), (a, b) => {
          const { rows, errors } = rowsWith(`${csvRow([a, b], dialect)}\r\n`, dialect.separator);
          expect(errors).toEqual([]);
          expect(rows).toHaveLength(1);
          const [readA, readB] = rows[0] ?? [];
          expect(onlyApostrophesAdded(a, readA ?? '')).toBe(true);
          expect(onlyApostrophesAdded(b, readB ?? '')).toBe(true);
          expect([readA, readB].filter((cell) => startsWithControl(cell ?? ''))).toEqual([]);
          for (const read of others.map(([, reader]) => reader)) {
            expect(read(csvRow([a, b], dialect)).filter(looksLikeFormula)).toEqual([]);
          }
        }),
        { numRuns: 300 },
      );
    },
  );
});

describe('csvFile', () => {
  it('starts with a byte-order mark and ends every record with CRLF', () => {
    expect(csvFile([['a', 'b'], ['c']], COMMA_CSV)).toBe('\uFEFF"a","b"\r\n"c"\r\n');
    expect(csvFile([['a', 'b'], ['c']], SEMICOLON_CSV)).toBe('\uFEFF"a";"b"\r\n"c"\r\n');
  });
});

/** Text from other people that tries every way to start a cell with a formula. */
const HOSTILE = [
  "Permits; -2+3+cmd|' /C calc'!A0",
  'x;=HYPERLINK("http://evil.example","click")',
  '@Hélène Côté',
  'Steps:\n- call the CBO\r\n=1+1; +2; "@x"\n\t=3',
  'Buy tablets;\t"=4"',
  '+1 416 555 0100',
] as const;

/** Each CSV writer of the app, fed the hostile texts through its real operations. */
const WRITERS: readonly (readonly [string, (dialect: CsvDialect) => string])[] = [
  [
    'planner tasks',
    (dialect) => {
      let db = sampleDatabase();
      db = updateTask(db, taskId('t1'), { title: HOSTILE[0], owner: HOSTILE[2] }).db;
      db = updateTask(db, taskId('t2'), { title: HOSTILE[1], notes: HOSTILE[3] }).db;
      db = updateTask(db, taskId('t4'), { title: HOSTILE[4], notes: HOSTILE[5] }).db;
      return exportTasksCsv(db, tasksCsvWords(), dialect);
    },
  ],
  [
    'annotations',
    (dialect) => {
      let db = annotate('open data', {
        id: idOf(1),
        note: HOSTILE[3],
        tags: [HOSTILE[5]],
        author: HOSTILE[2],
      }).db;
      db = annotate('by a third', { db, id: idOf(2), note: HOSTILE[1] }).db;
      db = annotate('a small pilot', { db, id: idOf(3), note: HOSTILE[4] }).db;
      const words = annotationExportWords();
      return toAnnotationsCsv(db.annotations, { titleOf: () => HOSTILE[0], words, dialect });
    },
  ],
  [
    'workshop results',
    (dialect) => {
      const started = startSession(
        emptyWorkshopsDatabase(),
        { kind: 'bundled', docId: 'workshop-x' as DocId },
        'Council session',
      );
      let db = started.db;
      for (const text of HOSTILE) db = addStickyNote(db, started.session.id, text, 0).db;
      db = addDotVote(db, started.session.id, {
        question: HOSTILE[1],
        options: [HOSTILE[0], HOSTILE[5]],
        dotsPerPerson: 1,
      }).db;
      const session = db.sessions[0];
      if (!session) throw new Error('session expected');
      const blocks = [{ title: HOSTILE[4], documents: [] }];
      return sessionToCsv(session, captureContextFor(blocks, captureWords()), dialect);
    },
  ],
];

const CASES = WRITERS.flatMap(([name, write]) =>
  DIALECTS.map(
    ([separator, dialect, others]) => [name, separator, write, dialect, others] as const,
  ),
);

describe.each(CASES)('the %s CSV with %s', (_name, _separator, write, dialect, others) => {
  const csv = write(dialect);
  const body = csv.slice(1);

  it('is UTF-8 with a byte-order mark, every cell quoted, every record ended with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const record = new RegExp(`^(?:"(?:[^"]|"")*"(?:${dialect.separator}|\r\n))+$`);
    expect(body).toMatch(record);
  });

  it('reads back with its own separator: the text as typed, line breaks kept', () => {
    const { rows, errors } = rowsWith(csv, dialect.separator);
    expect(errors).toEqual([]);
    const cells = rows.flat();
    // Sticky notes are trimmed when added, so compare without the outer spaces.
    for (const text of HOSTILE) {
      expect(cells.some((cell) => onlyApostrophesAdded(text.trim(), cell))).toBe(true);
    }
    expect(cells.filter((cell) => looksLikeFormula(cell) || startsWithControl(cell))).toEqual([]);
  });

  it.each(others)(
    'starts no cell with a formula when opened with the other separator, %s',
    (_how, read) => {
      const cells = read(body);
      expect(cells.length).toBeGreaterThan(1);
      expect(cells.filter(looksLikeFormula)).toEqual([]);
    },
  );
});

describe('the ";" readers', () => {
  it('do find the formulas in a CSV quoted only as needed (so the checks above can fail)', () => {
    const unsafe = 'x;=1+1,"Steps:\n-2+3"\r\n';
    const [atStart, toggles] = SEMICOLON_READERS.map(([, read]) => read(unsafe));
    expect(atStart?.filter(looksLikeFormula)).toEqual(['=1+1,"Steps:', '-2+3"']);
    expect(toggles?.filter(looksLikeFormula)).toEqual(['=1+1,Steps:\n-2+3']);
  });
});

describe('the "," readers', () => {
  it('do find the formulas in a ";" CSV quoted only as needed (so the checks above can fail)', () => {
    const unsafe = 'x,=1+1;"Steps:\n-2+3"\r\n';
    const [atStart, toggles] = COMMA_READERS.map(([, read]) => read(unsafe));
    expect(atStart?.filter(looksLikeFormula)).toEqual(['=1+1;"Steps:', '-2+3"']);
    expect(toggles?.filter(looksLikeFormula)).toEqual(['=1+1;Steps:\n-2+3']);
  });
});

/** Any text, including lone surrogates, line breaks, quotes and formula characters. */
function anyText(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({
      unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ';', '"', ' ', ',', "'", 'a'),
      maxLength,
    }),
  );
}

/** True when `written` is `original` with apostrophes added and nothing else changed. */
function onlyApostrophesAdded(original: string, written: string): boolean {
  let i = 0;
  for (const char of written) {
    if (original.startsWith(char, i)) i += char.length;
    else if (char !== "'") return false;
  }
  return i === original.length;
}
