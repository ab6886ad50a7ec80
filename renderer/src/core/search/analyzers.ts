import type { Language } from '../../../../electron/shared/language';
import { englishAnalyzer, type Analyzer } from './analyzer';
import { frenchAnalyzer } from './frenchAnalyzer';

/** Each language's analyzer: the one place the index build and the engine take theirs from. */
export const ANALYZERS: Readonly<Record<Language, Analyzer>> = {
  en: englishAnalyzer,
  fr: frenchAnalyzer,
};

/** The analyzer a segment records by id; throws for one this version of the app does not have. */
export function analyzerById(id: string): Analyzer {
  const found = Object.values(ANALYZERS).find((analyzer) => analyzer.id === id);
  if (!found)
    throw new Error(
      `the search index was built with an analyzer this version does not know ("${id}"); rebuild the content`,
    );
  return found;
}
