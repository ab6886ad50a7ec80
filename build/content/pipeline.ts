import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCorpus } from '../../renderer/src/core/content/corpus';
import { buildFrenchCorpus, vocabularyInStep } from '../../renderer/src/core/content/frenchCorpus';
import type { DocId } from '../../renderer/src/core/content/ids';
import { compareIssues, type ContentIssue } from '../../renderer/src/core/content/issues';
import type { CatalogEntry, ContentDocument } from '../../renderer/src/core/content/model';
import type { ParsedDocument } from '../../renderer/src/core/content/parseFile';
import { RELEASE_PATH } from '../../renderer/src/core/content/releaseText';
import { parseVocabulary, type Vocabulary } from '../../renderer/src/core/content/vocabulary';
import type { SegmentFragments } from '../../renderer/src/core/search/layout/format';
import { buildSegment } from '../../renderer/src/core/search/layout/buildSegment';
import { writeDataFiles, type LanguageData, type WrittenFile } from './emit';
import {
  displayPathOf,
  FRENCH_FOLDER,
  hasFrenchFolder,
  readCorpusFiles,
  readFrenchFiles,
} from './readCorpus';
import {
  englishWordsOf,
  loadFrenchSpeller,
  parseWordList,
  spellingIssues,
  vocabularySpellingIssues,
  WORD_LIST_PATH,
} from './spelling';

/** Where the pipeline reads and writes. */
export interface PipelineOptions {
  /** The content folder: type folders of Markdown plus `vocabulary.yml`. */
  contentDir: string;
  /** Where to write the data files; null validates and builds the index without writing. */
  outDir: string | null;
  /**
   * Check the French versions' spelling (content:check). Off for a build: loading the French
   * dictionary takes seconds, and a word the dictionary lacks does not make the data wrong.
   */
  spellCheck?: boolean;
}

/** The French library of a run: the versions under `content/fr/` and what was built from them. */
export interface FrenchResult {
  vocabulary: Vocabulary | null;
  documents: ContentDocument[];
  catalog: CatalogEntry[];
  index: SegmentFragments | null;
  /** English documents with no French version, one issue each (content:check requires none). */
  untranslated: ContentIssue[];
  /** Milliseconds the spell check took, dictionary loading included; null when not run. */
  spellCheckMs: number | null;
}

/** Everything one run produced. `issues` empty means the content is valid. */
export interface PipelineResult {
  issues: ContentIssue[];
  vocabulary: Vocabulary | null;
  documents: ContentDocument[];
  catalog: CatalogEntry[];
  /** File line of each document's body line 1 (see CorpusResult). */
  bodyStartLines: ReadonlyMap<DocId, number>;
  /** The search index segment of the library, as its fragments. */
  index: SegmentFragments | null;
  /** The French versions; null when the content folder has no `fr/`. */
  french: FrenchResult | null;
  written: WrittenFile[];
}

/**
 * Runs the content pipeline: read the vocabulary and every Markdown file, validate each file
 * and the corpus as a whole, then the French versions under `fr/` (their own rules and the
 * in-step check against the English), and, only when nothing is wrong, build each language's
 * search index and write `documents.json`, `catalog.json` and the search index fragments
 * (`search-*.bin`), and their French counterparts (`documents.fr.json`, ...).
 */
export async function runContentPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const empty = {
    documents: [],
    catalog: [],
    bodyStartLines: new Map<DocId, number>(),
    index: null,
    french: null,
    written: [],
  };
  const vocabularyPath = path.join(options.contentDir, 'vocabulary.yml');
  let vocabularyText: string;
  try {
    vocabularyText = await readFile(vocabularyPath, 'utf8');
  } catch {
    return {
      ...empty,
      vocabulary: null,
      issues: [
        {
          file: displayPathOf(vocabularyPath),
          line: 1,
          field: 'vocabulary',
          message:
            'cannot be read; the content folder needs a vocabulary.yml (see content/README.md)',
        },
      ],
    };
  }
  const { vocabulary, issues: vocabularyIssues } = parseVocabulary(
    vocabularyText,
    displayPathOf(vocabularyPath),
  );
  if (!vocabulary) return { ...empty, vocabulary: null, issues: vocabularyIssues };

  const files = await readCorpusFiles(options.contentDir);
  const releaseText = await readOptional(path.join(options.contentDir, RELEASE_PATH));
  const corpus = buildCorpus(files, vocabulary, { releaseText });
  const french = (await hasFrenchFolder(options.contentDir))
    ? await checkFrench(options, vocabulary, corpus.parsed)
    : null;
  const issues = [...corpus.issues, ...(french?.issues ?? [])].sort(compareIssues);
  const result = {
    vocabulary,
    documents: corpus.documents,
    catalog: corpus.catalog,
    bodyStartLines: corpus.bodyStartLines,
  };
  if (issues.length > 0) return { ...empty, ...result, issues, french: french?.result ?? null };

  const index = buildSegment(corpus.documents, vocabulary);
  const frenchResult = french?.result ?? null;
  if (frenchResult?.vocabulary)
    frenchResult.index = buildSegment(frenchResult.documents, frenchResult.vocabulary, 'fr');
  const written =
    options.outDir === null
      ? []
      : await writeDataFiles(options.outDir, {
          english: { documents: corpus.documents, catalog: corpus.catalog, vocabulary, index },
          french: frenchData(frenchResult),
          releaseText,
        });
  return { ...result, issues: [], index, french: frenchResult, written };
}

function frenchData(french: FrenchResult | null): LanguageData | null {
  if (!french?.vocabulary || !french.index) return null;
  const { documents, catalog, vocabulary, index } = french;
  return { documents, catalog, vocabulary, index };
}

/**
 * Reads and checks the French versions: `fr/vocabulary.yml` (the English ids, French labels),
 * every `fr/<folder>/<id>.md` by the English rules and in step with its English version, and,
 * when asked, their spelling against the French dictionary and `fr/words.txt`.
 */
async function checkFrench(
  options: PipelineOptions,
  englishVocabulary: Vocabulary,
  english: readonly ParsedDocument[],
): Promise<{ issues: ContentIssue[]; result: FrenchResult }> {
  const frenchDir = path.join(options.contentDir, FRENCH_FOLDER);
  const vocabularyPath = path.join(frenchDir, 'vocabulary.yml');
  const vocabularyFile = { displayPath: displayPathOf(vocabularyPath), text: '' };
  const result: FrenchResult = {
    vocabulary: null,
    documents: [],
    catalog: [],
    index: null,
    untranslated: [],
    spellCheckMs: null,
  };
  try {
    vocabularyFile.text = await readFile(vocabularyPath, 'utf8');
  } catch {
    return {
      issues: [
        {
          file: vocabularyFile.displayPath,
          line: 1,
          field: 'vocabulary',
          message:
            'cannot be read; the French versions need a vocabulary.yml with the English ids and French labels (content/README.md, "French versions")',
        },
      ],
      result,
    };
  }
  const parsedVocabulary = parseVocabulary(vocabularyFile.text, vocabularyFile.displayPath);
  const vocabulary = parsedVocabulary.vocabulary;
  if (!vocabulary) return { issues: parsedVocabulary.issues, result };
  const corpus = buildFrenchCorpus(
    await readFrenchFiles(options.contentDir),
    vocabulary,
    english,
    (relativePath) => displayPathOf(path.join(frenchDir, relativePath)),
  );
  const issues = [
    ...vocabularyInStep(vocabulary, englishVocabulary, vocabularyFile),
    ...corpus.issues,
  ];
  Object.assign(result, {
    vocabulary,
    documents: corpus.documents,
    catalog: corpus.catalog,
    untranslated: corpus.untranslated,
  });
  if (options.spellCheck === true) {
    const started = performance.now();
    const words = await readOptional(path.join(options.contentDir, WORD_LIST_PATH));
    const speller = await loadFrenchSpeller(parseWordList(words ?? ''));
    const englishById = new Map(english.map((doc) => [doc.frontMatter.id as string, doc]));
    const englishWords = englishWordsOf(english, englishVocabulary);
    issues.push(
      ...vocabularySpellingIssues(vocabulary, vocabularyFile, englishWords, speller),
      ...spellingIssues(corpus.parsed, englishById, englishWords, speller),
    );
    result.spellCheckMs = performance.now() - started;
  }
  return { issues, result };
}

/**
 * The shipped release, or null when the folder has none (test corpora): then a quotation given
 * as AMO's is reported as unverifiable rather than the whole build failing on a missing file.
 */
async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}
