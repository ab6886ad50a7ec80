/**
 * The readable annotation exports in French (issue 18): worded from the French catalogue, each
 * document named by the title of the version its annotations were made on, and an English
 * passage's `[..]{lang=en}` markup never reaching the file.
 */
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../electron/shared/language';
import { toAnnotationsCsv } from '../../../renderer/src/core/annotations/exchange/toCsv';
import { toAnnotationsMarkdown } from '../../../renderer/src/core/annotations/exchange/toMarkdown';
import { createAnnotation } from '../../../renderer/src/core/annotations/operations';
import {
  emptyAnnotationsDatabase,
  type Annotation,
  type AnnotationsDatabase,
} from '../../../renderer/src/core/annotations/schema';
import { csvDialect } from '../../../renderer/src/ui/common/i18n/format';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { annotationExportWords } from '../../../renderer/src/ui/annotations/exportWords';
import { at, clockAt, DOC_B, idOf } from './fixtures';

const NBSP = '\u00a0';
const TITLES: Record<Language, string> = {
  en: 'Step 1: Assess your digital readiness',
  fr: `Étape 1${NBSP}: évaluer votre [readiness]{lang=en} numérique`,
};
const FRENCH_TITLE = `Étape 1${NBSP}: évaluer votre readiness numérique`;
const titleOf = (docId: string, language: Language) => (docId === DOC_B ? TITLES[language] : null);

function annotateVersion(
  db: AnnotationsDatabase,
  text: string,
  quote: string,
  language: Language,
  n: number,
): AnnotationsDatabase {
  const start = text.indexOf(quote);
  return createAnnotation(db, {
    docId: DOC_B,
    text,
    start,
    end: start + quote.length,
    meaning: 'idea',
    note: '',
    tags: ['priorité'],
    author: 'Élise',
    now: at(n),
    clock: clockAt(n),
    id: idOf(n),
    language,
  }).db;
}

/** One annotation on the English version of a guide step and one on its French version. */
function bothVersions(): readonly Annotation[] {
  let db = emptyAnnotationsDatabase();
  db = annotateVersion(
    db,
    'Name a lead and a small working group.',
    'small working group',
    'en',
    1,
  );
  db = annotateVersion(
    db,
    'Nommez une personne responsable et un petit groupe de travail.',
    'petit groupe de travail',
    'fr',
    2,
  );
  return db.annotations;
}

const markdown = () =>
  toAnnotationsMarkdown(bothVersions(), { titleOf, now: at(60), words: annotationExportWords() });

afterEach(() => setLanguage('en'));

describe('annotation exports in French', () => {
  it('the Markdown report has a section per version, titled as that version is', () => {
    setLanguage('fr');
    const text = markdown();
    expect(text.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      "# Annotations d'OnMuni Toolkit",
      `## ${FRENCH_TITLE}`,
      `### Idée pour nous${NBSP}: Élise, 2026-11-01`,
      '## Step 1: Assess your digital readiness \\(version anglaise\\)',
      `### Idée pour nous${NBSP}: Élise, 2026-11-01`,
    ]);
    expect(text).toMatch(/^Exportation du 2026-11-01\u00a0: 2\s+annotations\.$/mu);
    expect(text).toContain(`Étiquettes${NBSP}: priorité`);
    expect(text).not.toContain('{lang=en}');
    // The French version's annotation is in the French section, the English one's in the other
    // (Markdown escapes of the brackets in a heading read as brackets).
    expect(text.indexOf('> petit groupe de travail')).toBeLessThan(
      text.indexOf('version anglaise'),
    );
    expect(text.indexOf('> small working group')).toBeGreaterThan(text.indexOf('version anglaise'));
  });

  it('in English, the French version is the one marked', () => {
    const text = markdown();
    expect(text).toContain('## Step 1: Assess your digital readiness\n');
    expect(text).toContain(`## ${FRENCH_TITLE} \\(French version\\)\n`);
    expect(text).toContain('### Idea for us: Élise, 2026-11-01\n');
  });

  it('user text in a heading stays escaped around the worded parts', () => {
    setLanguage('fr');
    const db = createAnnotation(emptyAnnotationsDatabase(), {
      docId: DOC_B,
      text: 'abc',
      start: 0,
      end: 3,
      meaning: 'idea',
      author: '*Mallory* <b>',
      now: at(0),
      clock: clockAt(0),
      id: idOf(9),
    }).db;
    const text = toAnnotationsMarkdown(db.annotations, { titleOf, words: annotationExportWords() });
    expect(text).toContain(`### Idée pour nous${NBSP}: \\*Mallory\\* \\<b\\>, `);
  });

  it("a name holding the heading's stand-in characters keeps its place", () => {
    setLanguage('fr');
    const [made] = createAnnotation(emptyAnnotationsDatabase(), {
      docId: DOC_B,
      text: 'abc',
      start: 0,
      end: 3,
      meaning: 'idea',
      author: 'Élise',
      now: at(0),
      clock: clockAt(0),
      id: idOf(8),
    }).db.annotations;
    if (!made) throw new Error('no annotation');
    // An imported file can name its author with anything, control characters included.
    const odd = { ...made, creator: { ...made.creator, name: 'A\u0003B' } };
    const text = toAnnotationsMarkdown([odd], { titleOf, words: annotationExportWords() });
    const heading = text.split('\n').find((line) => line.startsWith('### ')) ?? '';
    expect(heading.startsWith(`### Idée pour nous${NBSP}: A\u0003B, `)).toBe(true);
  });

  it("the CSV names each row's document by its version's title, in French Excel's dialect", () => {
    setLanguage('fr');
    const csv = toAnnotationsCsv(bothVersions(), {
      titleOf,
      words: annotationExportWords(),
      dialect: csvDialect(),
    });
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      skipEmptyLines: true,
    }).data;
    expect(rows[0]?.slice(0, 4)).toEqual([
      'Document',
      'Identifiant du document',
      'Type',
      'Citation',
    ]);
    expect(rows.slice(1).map((row) => [row[0], row[3]])).toEqual([
      [TITLES.en, 'small working group'],
      [FRENCH_TITLE, 'petit groupe de travail'],
    ]);
  });
});
