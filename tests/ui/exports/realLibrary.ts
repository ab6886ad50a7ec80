/**
 * The real library, English and French, as the app fetches it (`./data/catalog.json`,
 * `catalog.fr.json`, `documents.json`, `documents.fr.json`), built in the test from content/ by the
 * pipeline's own functions, so a test of what the French interface prints sees the real French
 * titles, summaries and bodies (with their `[..]{lang=en}` passages) without a prior build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DATA_VERSION } from '../../../renderer/src/core/content/model';
import { parseVocabulary, type Vocabulary } from '../../../renderer/src/core/content/vocabulary';
import {
  CONTENT_DIR,
  realCorpus,
  realFrenchCorpus,
  realVocabulary,
} from '../../unit/planner/helpers';

function frenchVocabulary(): Vocabulary {
  const { vocabulary } = parseVocabulary(
    readFileSync(path.join(CONTENT_DIR, 'fr', 'vocabulary.yml'), 'utf8'),
    'content/fr/vocabulary.yml',
  );
  if (!vocabulary) throw new Error('content/fr/vocabulary.yml is invalid');
  return vocabulary;
}

/** The data files of the real library, by name, for `serveFiles`. */
export async function realLibraryFiles(): Promise<Record<string, unknown>> {
  const [english, french] = await Promise.all([realCorpus(), realFrenchCorpus()]);
  const version = CONTENT_DATA_VERSION;
  return {
    'catalog.json': { version, vocabulary: realVocabulary(), entries: english.catalog },
    'documents.json': { version, documents: english.documents },
    'catalog.fr.json': { version, vocabulary: frenchVocabulary(), entries: french.catalog },
    'documents.fr.json': { version, documents: french.documents },
  };
}
