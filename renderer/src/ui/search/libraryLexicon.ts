import type { CatalogEntry } from '../../core/content/model';
import type { Vocabulary } from '../../core/content/vocabulary';
import type { Analyzer } from '../../core/search/analyzer';
import { buildLexicon, type LexiconWord } from '../../core/search/suggest';

/**
 * Each lexicon, by the analyzer that cut it and then the entries it was built from. Both are
 * needed: just after the interface changes language, the page still shows the previous
 * language's catalog (until the new one loads) with the new language's analyzer, and a lexicon
 * kept by entries alone would then serve words cut the wrong way for as long as that catalog is.
 */
const lexicons = new WeakMap<Analyzer, WeakMap<readonly CatalogEntry[], LexiconWord[]>>();

/**
 * Words the library uses in titles, summaries, municipality names and topic labels, as the
 * library shows them, cut into words the way `analyzer`'s language does: what "did you mean"
 * suggestions are taken from. Built once per catalog and analyzer.
 */
export function libraryLexicon(
  entries: readonly CatalogEntry[],
  vocabulary: Vocabulary,
  analyzer: Analyzer,
): LexiconWord[] {
  let byEntries = lexicons.get(analyzer);
  if (!byEntries) lexicons.set(analyzer, (byEntries = new WeakMap()));
  let lexicon = byEntries.get(entries);
  if (!lexicon) {
    lexicon = buildLexicon(
      [
        ...entries.flatMap((entry) => [entry.title, entry.summary, entry.municipality?.name ?? '']),
        ...Object.values(vocabulary.topics),
      ],
      analyzer,
    );
    byEntries.set(entries, lexicon);
  }
  return lexicon;
}
